namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// Which obstetric codes (ICD-10-CM chapter 15, O00–O9A, and the Z codes of pregnancy; dot-free, see
/// <see cref="IcdCodes"/>) mean that the woman is pregnant now. The chapter covers pregnancy, childbirth and the
/// puerperium, and FusionGuide's "pregnancy" comorbidity changes the treatment (chemotherapy ranked with the TKIs,
/// obstetric planning), so only a code that says she is pregnant maps to it.
/// <para>Pregnancy now:</para>
/// <list type="bullet">
/// <item>Z32.01 positive pregnancy test, Z33.1 pregnant state, Z34 supervision of normal pregnancy, Z3A weeks of gestation; O09 supervision of high-risk pregnancy (Z33.2, elective termination, is named in a warning instead).</item>
/// <item>O10–O48, the conditions of pregnancy and maternal care for the fetus, and O9A, O98, O99, conditions complicating
/// pregnancy — each except its subcodes "complicating childbirth" or "complicating the puerperium" (<see cref="AfterBirth"/>),
/// which are about the delivery or the weeks after it.</item>
/// <item>O60.0 preterm labour without delivery (she is still pregnant); the "in pregnancy" subcodes of O88, O91, O92,
/// which otherwise are puerperal.</item>
/// </list>
/// <para>Not pregnancy now (named in a warning, so that whether she is pregnant now is checked):</para>
/// <list type="bullet">
/// <item>O00–O08 pregnancy with abortive outcome (ectopic, molar, miscarriage, termination and their complications): that
/// pregnancy has ended or cannot continue; its care is not a question of TKI planning.</item>
/// <item>O60–O77 (other than O60.0) and O80–O82, labour and delivery: the pregnancy ends with the birth, so at any later
/// evaluation she is postpartum.</item>
/// <item>O85–O92 the puerperium, O94 sequelae, O95–O97 obstetric deaths.</item>
/// <item>O15.9 and O99.89, which do not say whether pregnancy, childbirth or the puerperium is meant.</item>
/// </list>
/// WHO ICD-10 has fewer subdivisions: a WHO code in O10–O48 that cannot say childbirth or puerperium is read as pregnancy.
/// </summary>
internal static class ObstetricCodes
{
    /// <summary>Z32.01 positive pregnancy test, Z33.1 pregnant state incidental, Z34, Z3A (Z33.2, elective termination, is not pregnancy now).</summary>
    private static readonly string[] PregnancyZ = ["Z3201", "Z331", "Z34", "Z3A"];

    /// <summary>The "in pregnancy" subcodes of puerperal categories, and preterm labour without delivery.</summary>
    private static readonly string[] PregnancyInPuerperalBlock = ["O600", "O8801", "O8811", "O8821", "O8831", "O8881", "O9101", "O9111", "O9121", "O9201", "O9211"];

    /// <summary>Codes that name no time (pregnancy, childbirth or puerperium).</summary>
    private static readonly string[] Unspecified = ["O159", "O9989"];

    /// <summary>ICD-10-CM subcodes "complicating childbirth" and "complicating the puerperium" of categories that are otherwise pregnancy.</summary>
    private static readonly string[] AfterBirth =
    [
        .. Subcodes("O10", ["0", "1", "2", "3", "4", "9"], ["2", "3"]),
        "O114", "O115", .. Subcodes("O12", ["0", "1", "2"], ["4", "5"]), "O134", "O135",
        .. Subcodes("O14", ["0", "1", "2", "9"], ["4", "5"]), "O151", "O152", "O164", "O165",
        .. Subcodes("O24", ["0", "1", "3", "8", "9"], ["2", "3"]), "O2442", "O2443",
        "O252", "O253", "O2662", "O2663", "O2672", "O2673",
        .. Subcodes("O98", ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], ["2", "3"]),
        .. Subcodes("O99", ["0", "1", "4", "5", "6", "7"], ["2", "3"]),
        .. Subcodes("O99", ["21", "28", "31", "32", "33", "34", "35", "81", "82", "83", "84"], ["4", "5"]),
        .. Subcodes("O9A", ["1", "2", "3", "4", "5"], ["2", "3"]),
    ];

    /// <summary>True when the (normalised) code says the woman is pregnant now.</summary>
    public static bool IsPregnancyNow(string code) =>
        PregnancyZ.Any(z => code.StartsWith(z, StringComparison.Ordinal))
        || PregnancyInPuerperalBlock.Any(p => code.StartsWith(p, StringComparison.Ordinal))
        || IsPregnancyCategory(Category(code)) && !Unspecified.Contains(code) && !AfterBirth.Any(p => code.StartsWith(p, StringComparison.Ordinal));

    /// <summary>For an obstetric code not read as a pregnancy now, what it means instead (for the warning); null for any other code.</summary>
    public static string? NotPregnancyNow(string code)
    {
        if (code.StartsWith("Z332", StringComparison.Ordinal))
        {
            return "an elective termination of pregnancy (Z33.2): that pregnancy has ended";
        }

        if (code.Length < 3 || code[0] != 'O' || IsPregnancyNow(code))
        {
            return null;
        }

        var category = Category(code);
        return category switch
        {
            _ when Unspecified.Contains(code) => "an obstetric code that does not say whether pregnancy, childbirth or the puerperium is meant",
            _ when Between(category, "O00", "O08") => "a pregnancy with abortive outcome (O00–O08): that pregnancy has ended or cannot continue",
            _ when Between(category, "O60", "O82") => "labour or delivery (O60–O82): the pregnancy ends with the birth",
            _ when IsPregnancyCategory(category) => "a condition complicating childbirth or the puerperium",
            _ => "the puerperium or after it (O85–O97)",
        };
    }

    private static bool IsPregnancyCategory(string category) => Between(category, "O09", "O48") || category is "O98" or "O99" or "O9A";

    private static string Category(string code) => code.Length >= 3 ? code[..3] : code;

    private static bool Between(string category, string first, string last) =>
        string.CompareOrdinal(category, first) >= 0 && string.CompareOrdinal(category, last) <= 0;

    private static IEnumerable<string> Subcodes(string category, string[] subcategories, string[] times) =>
        subcategories.SelectMany(s => times.Select(t => $"{category}{s}{t}"));
}
