using FusionGuide.Domain;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>SNOMED CT and ICD-10 codes of the contract's comorbidities.</summary>
internal static class ComorbidityCodes
{
    private static readonly Dictionary<string, Comorbidity> Snomed = new(StringComparer.Ordinal)
    {
        ["55822004"] = Comorbidity.Hyperlipidemia, ["13644009"] = Comorbidity.Hyperlipidemia, ["302870006"] = Comorbidity.Hyperlipidemia,
        ["38341003"] = Comorbidity.Hypertension, ["59621000"] = Comorbidity.Hypertension, ["78975002"] = Comorbidity.Hypertension,
        ["73211009"] = Comorbidity.Diabetes, ["44054006"] = Comorbidity.Diabetes, ["46635009"] = Comorbidity.Diabetes,
        ["84114007"] = Comorbidity.HeartFailure, ["48867003"] = Comorbidity.Bradycardia, ["9651007"] = Comorbidity.LongQt,
        ["111975006"] = Comorbidity.LongQt, ["233703007"] = Comorbidity.InterstitialLungDisease, ["77386006"] = Comorbidity.Pregnancy,
        ["709044004"] = Comorbidity.RenalImpairment, ["236423003"] = Comorbidity.RenalImpairment, ["42399005"] = Comorbidity.RenalImpairment,
        ["19943007"] = Comorbidity.LiverImpairment, ["59927004"] = Comorbidity.LiverImpairment,
        ["35489007"] = Comorbidity.PsychiatricDisorder, ["58214004"] = Comorbidity.PsychiatricDisorder, ["13746004"] = Comorbidity.PsychiatricDisorder,
        ["74732009"] = Comorbidity.PsychiatricDisorder, ["386806002"] = Comorbidity.CognitiveImpairment, ["52448006"] = Comorbidity.CognitiveImpairment,
    };

    /// <summary>
    /// ICD-10 prefixes, dot-free (<see cref="IcdCodes"/>), longest first where they overlap. Pregnancy is not a prefix:
    /// chapter 15 is also childbirth and the puerperium (<see cref="ObstetricCodes"/>).
    /// </summary>
    private static readonly (string Prefix, Comorbidity Value)[] Icd =
    [
        ("E78", Comorbidity.Hyperlipidemia), ("I10", Comorbidity.Hypertension), ("I11", Comorbidity.Hypertension),
        ("I12", Comorbidity.Hypertension), ("I13", Comorbidity.Hypertension), ("I15", Comorbidity.Hypertension),
        ("I16", Comorbidity.Hypertension), ("E10", Comorbidity.Diabetes), ("E11", Comorbidity.Diabetes), ("E13", Comorbidity.Diabetes),
        ("I50", Comorbidity.HeartFailure), ("R001", Comorbidity.Bradycardia), ("I495", Comorbidity.Bradycardia),
        ("I4581", Comorbidity.LongQt), ("J84", Comorbidity.InterstitialLungDisease),
        ("N17", Comorbidity.RenalImpairment), ("N18", Comorbidity.RenalImpairment),
        ("N19", Comorbidity.RenalImpairment), ("K70", Comorbidity.LiverImpairment), ("K71", Comorbidity.LiverImpairment),
        ("K72", Comorbidity.LiverImpairment), ("K74", Comorbidity.LiverImpairment), ("K76", Comorbidity.LiverImpairment),
        ("F01", Comorbidity.CognitiveImpairment), ("F02", Comorbidity.CognitiveImpairment), ("F03", Comorbidity.CognitiveImpairment),
        ("G30", Comorbidity.CognitiveImpairment), ("G3184", Comorbidity.CognitiveImpairment), ("R418", Comorbidity.CognitiveImpairment),
        ("F2", Comorbidity.PsychiatricDisorder), ("F3", Comorbidity.PsychiatricDisorder), ("F4", Comorbidity.PsychiatricDisorder),
    ];

    /// <summary>
    /// Codes inside a mapped prefix that are not the comorbidity, because FusionGuide's comorbidity is the one that
    /// changes dosing or choice: simple steatosis (K70.0 alcoholic, K76.0 non-alcoholic fatty liver) is not hepatic
    /// impairment; chronic kidney disease stage 1–2 (N18.1, N18.2: GFR 60 or more) is not renal impairment, which the
    /// labels' dose changes start at moderate impairment (CKD 3 and worse; N18.9, stage unspecified, stays read).
    /// R94.31 "abnormal ECG" is not in the table at all: it does not say QT prolongation.
    /// </summary>
    private static readonly string[] NotTheComorbidity = ["K700", "K760", "N181", "N182"];

    /// <summary>The comorbidity a condition code names, or null.</summary>
    public static Comorbidity? Of(CodeableConcept? cc)
    {
        if (cc is null)
        {
            return null;
        }

        foreach (var c in cc.Coding)
        {
            if (c.System == Terminology.Snomed && c.Code is { } s && Snomed.TryGetValue(s, out var v))
            {
                return v;
            }
        }

        foreach (var code in IcdCodes.Of(cc))
        {
            if (ObstetricCodes.IsPregnancyNow(code))
            {
                return Comorbidity.Pregnancy;
            }

            if (NotTheComorbidity.Any(p => code.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            var hit = Icd.FirstOrDefault(p => code.StartsWith(p.Prefix, StringComparison.Ordinal));
            if (hit.Prefix is not null)
            {
                return hit.Value;
            }
        }

        return null;
    }

    /// <summary>For an obstetric ICD-10 code that does not mean a pregnancy now, what it means instead; else null.</summary>
    public static string? ObstetricNotPregnancy(CodeableConcept? cc) =>
        IcdCodes.Of(cc).Select(ObstetricCodes.NotPregnancyNow).FirstOrDefault(w => w is not null);
}
