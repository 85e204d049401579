using FusionGuide.Domain;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>SNOMED CT, ICD-O-3 and ICD-10 codes for lung cancer histology, AJCC stage and metastatic sites.</summary>
internal static class CancerCodes
{
    private static readonly Dictionary<string, Domain.Histology> SnomedMorphology = new(StringComparer.Ordinal)
    {
        ["35917007"] = Domain.Histology.Adenocarcinoma, ["1187332001"] = Domain.Histology.Adenocarcinoma, ["413448000"] = Domain.Histology.Adenocarcinoma,
        ["28899001"] = Domain.Histology.Squamous, ["22687000"] = Domain.Histology.LargeCell, ["74364000"] = Domain.Histology.SmallCell,
        ["59367005"] = Domain.Histology.Adenosquamous,
        // Lung-cancer disorders that carry their histology.
        ["254626006"] = Domain.Histology.Adenocarcinoma, ["254634000"] = Domain.Histology.Squamous, ["254632001"] = Domain.Histology.SmallCell,
        ["254637007"] = Domain.Histology.NsclcNos,
        // Non-small cell carcinoma of lung, TNM stage 1–4 (the disorders Synthea and many problem lists use).
        ["424132000"] = Domain.Histology.NsclcNos, ["425048006"] = Domain.Histology.NsclcNos, ["422968005"] = Domain.Histology.NsclcNos,
        ["423121009"] = Domain.Histology.NsclcNos,
    };

    /// <summary>SNOMED CT lung-cancer disorders (the primary tumour's site is the lung).</summary>
    private static readonly HashSet<string> SnomedLungCancer =
    [
        "254637007", "254626006", "254634000", "254632001", "93880001", "187875007", "363358000", "424132000", "425048006", "422968005", "423121009",
    ];

    /// <summary>The stage a lung-cancer disorder code carries: "Non-small cell carcinoma of lung, TNM stage 4" is stage IV.</summary>
    private static readonly Dictionary<string, (Domain.Stage? Stage, string Group)> SnomedDisorderStage = new(StringComparer.Ordinal)
    {
        ["424132000"] = (null, "1"), ["425048006"] = (null, "2"), ["422968005"] = (null, "3"), ["423121009"] = (Domain.Stage.IV, "4"),
    };

    /// <summary>
    /// Words that name a malignancy in a code's display or text. "Malignant" alone is not one: malignant hypertension,
    /// malignant hyperthermia and neuroleptic malignant syndrome are not cancers.
    /// </summary>
    private static readonly string[] MalignancyWords =
        ["malignant neoplasm", "malignant tumor", "malignant tumour", "malignancy", "carcinoma", "cancer", "sarcoma", "lymphoma", "leukemia", "leukaemia", "melanoma", "myeloma", "blastoma", "mesothelioma"];

    /// <summary>SNOMED CT body structures of the lung and bronchus.</summary>
    private static readonly HashSet<string> SnomedLungSite =
    [
        "39607008", "3341006", "44029006", "45653009", "90572001", "72481006", "955009", "41224006", "31094006", "36162004", "68453008", "24028007",
    ];

    /// <summary>AJCC 8th edition stage groups as SNOMED CT qualifiers (mCODE's TNM stage group value set).</summary>
    private static readonly Dictionary<string, Domain.Stage> SnomedStage = new(StringComparer.Ordinal)
    {
        ["1222724007"] = Domain.Stage.IA, ["1222725008"] = Domain.Stage.IA, ["1222726009"] = Domain.Stage.IA, ["1222727000"] = Domain.Stage.IA,
        ["1222728005"] = Domain.Stage.IB, ["1222766008"] = Domain.Stage.IIA, ["1222769001"] = Domain.Stage.IIB, ["1222802001"] = Domain.Stage.IIIA,
        ["1222805004"] = Domain.Stage.IIIB, ["1222806003"] = Domain.Stage.IIIC, ["1222837003"] = Domain.Stage.IV, ["1222838008"] = Domain.Stage.IVA,
        ["1222841004"] = Domain.Stage.IVB,
    };

    /// <summary>Secondary malignant neoplasm disorders and body structures (SNOMED CT).</summary>
    private static readonly Dictionary<string, MetastaticSite> SnomedSite = new(StringComparer.Ordinal)
    {
        ["94225005"] = MetastaticSite.Brain, ["12738006"] = MetastaticSite.Brain, ["94222008"] = MetastaticSite.Bone,
        ["272673000"] = MetastaticSite.Bone, ["94381002"] = MetastaticSite.Liver, ["10200004"] = MetastaticSite.Liver,
        ["23451007"] = MetastaticSite.Adrenal, ["94391008"] = MetastaticSite.Lung, ["39607008"] = MetastaticSite.Lung,
        ["3120008"] = MetastaticSite.Pleura, ["25489000"] = MetastaticSite.Pericardium, ["59441001"] = MetastaticSite.LymphNode,
    };

    /// <summary>The histology of a morphology (SNOMED CT or ICD-O-3) or of a lung-cancer disorder code.</summary>
    public static Histology? HistologyOf(CodeableConcept? cc)
    {
        if (cc is null)
        {
            return null;
        }

        foreach (var c in cc.Coding)
        {
            if (c.System == Terminology.Snomed && c.Code is { } s && SnomedMorphology.TryGetValue(s, out var h))
            {
                return h;
            }

            if (c.System == Terminology.IcdO3 && IcdO3(c.Code) is { } o)
            {
                return o;
            }
        }

        return null;
    }

    private static Histology? IcdO3(string? code)
    {
        if (code is null || code.Length < 4 || !int.TryParse(code.AsSpan(0, 4), out var m))
        {
            return null;
        }

        return m switch
        {
            8140 or 8144 or (>= 8250 and <= 8255) or 8260 or 8265 or 8310 or 8323 or 8333 or 8480 or 8481 or 8490 or 8550 => Domain.Histology.Adenocarcinoma,
            >= 8070 and <= 8078 or 8083 => Domain.Histology.Squamous,
            8012 or 8013 or 8014 => Domain.Histology.LargeCell,
            8560 => Domain.Histology.Adenosquamous,
            8041 or 8045 => Domain.Histology.SmallCell,
            8046 => Domain.Histology.NsclcNos,
            _ => null,
        };
    }

    /// <summary>The AJCC stage group of a SNOMED CT qualifier or a text such as "Stage IIIC".</summary>
    public static Stage? StageOf(CodeableConcept? cc)
    {
        if (cc is null)
        {
            return null;
        }

        var code = Terminology.Code(cc, Terminology.Snomed);
        if (code is not null && SnomedStage.TryGetValue(code, out var s))
        {
            return s;
        }

        var words = Terminology.Words(cc).Replace("stage", "", StringComparison.OrdinalIgnoreCase).Trim();
        return Codes.Stage.TryParse(words.ToUpperInvariant(), out var t) ? t : null;
    }

    /// <summary>The metastatic site of a secondary-cancer code or body site (SNOMED CT, or ICD-10 C77–C79 with or without the dot).</summary>
    public static MetastaticSite? SiteOf(CodeableConcept? cc)
    {
        var snomed = cc?.Coding.Where(c => c.System == Terminology.Snomed).Select(c => c.Code).FirstOrDefault(c => c is not null && SnomedSite.ContainsKey(c));
        if (snomed is not null)
        {
            return SnomedSite[snomed];
        }

        var icd = IcdCodes.First(cc);
        return icd switch
        {
            null => null,
            _ when icd.StartsWith("C793", StringComparison.Ordinal) => MetastaticSite.Brain,
            _ when icd.StartsWith("C795", StringComparison.Ordinal) => MetastaticSite.Bone,
            _ when icd.StartsWith("C787", StringComparison.Ordinal) => MetastaticSite.Liver,
            _ when icd.StartsWith("C797", StringComparison.Ordinal) => MetastaticSite.Adrenal,
            _ when icd.StartsWith("C780", StringComparison.Ordinal) => MetastaticSite.Lung,
            _ when icd.StartsWith("C782", StringComparison.Ordinal) => MetastaticSite.Pleura,
            _ when IsSecondaryIcd(icd) => icd.StartsWith("C77", StringComparison.Ordinal) ? MetastaticSite.LymphNode : MetastaticSite.Other,
            _ => null,
        };
    }

    /// <summary>True for a secondary (metastatic) cancer code.</summary>
    public static bool IsSecondary(CodeableConcept? cc) =>
        IcdCodes.Of(cc).Any(IsSecondaryIcd)
        || cc?.Coding.Any(c => c.System == Terminology.Snomed && c.Code is "94225005" or "94222008" or "94381002" or "94391008") == true
        || Terminology.Mentions(Terminology.Words(cc), "metasta") || Terminology.Mentions(Terminology.Words(cc), "secondary malignant");

    /// <summary>
    /// True for a primary lung cancer code: ICD-10(-CM) C34.x, ICD-O-3 topography C34.x, or a lung-cancer SNOMED CT
    /// disorder (NSCLC, lung adenocarcinoma, squamous and small cell carcinoma of lung, with or without a TNM stage).
    /// </summary>
    public static bool IsLungPrimary(CodeableConcept? cc) =>
        IcdCodes.Of(cc).Any(icd => icd.StartsWith("C34", StringComparison.Ordinal))
        || cc?.Coding.Any(c => c.Code is { } code && (
            c.System == Terminology.IcdO3 && code.StartsWith("C34", StringComparison.OrdinalIgnoreCase)
            || c.System == Terminology.Snomed && SnomedLungCancer.Contains(code))) == true;

    /// <summary>True for a body site in the lung or bronchus (SNOMED CT body structure, ICD-O-3 topography C34, or its words).</summary>
    public static bool IsLungSite(CodeableConcept? cc) =>
        cc is not null && (cc.Coding.Any(c => c.Code is { } code && (c.System == Terminology.Snomed && SnomedLungSite.Contains(code)
            || c.System == Terminology.IcdO3 && code.StartsWith("C34", StringComparison.OrdinalIgnoreCase)))
            || Terminology.Mentions(Terminology.Words(cc), "lung") || Terminology.Mentions(Terminology.Words(cc), "bronch"));

    /// <summary>
    /// True for a code naming a (primary) malignant neoplasm of any site: ICD-10 C00–C97 other than C77–C79, ICD-O-3
    /// topography, or a SNOMED CT concept whose words name a malignancy.
    /// </summary>
    public static bool IsCancer(CodeableConcept? cc)
    {
        if (cc is null)
        {
            return false;
        }

        if (IcdCodes.Of(cc).Any(code => code.Length >= 3 && code[0] == 'C' && char.IsDigit(code[1])))
        {
            return true;
        }

        // O9A.1 "Malignant neoplasm complicating pregnancy" says she is pregnant; the cancer has its own C code.
        if (IcdCodes.Of(cc).Any(code => code.StartsWith('O')))
        {
            return false;
        }

        var words = Terminology.Words(cc);
        return MalignancyWords.Any(w => Terminology.Mentions(words, w));
    }

    /// <summary>ICD-10 C77–C79 (dot-free): secondary malignant neoplasm of lymph nodes and other sites.</summary>
    private static bool IsSecondaryIcd(string icd) =>
        icd.StartsWith("C77", StringComparison.Ordinal) || icd.StartsWith("C78", StringComparison.Ordinal) || icd.StartsWith("C79", StringComparison.Ordinal);

    /// <summary>The stage a lung-cancer disorder code carries, when it carries one: (stage, or null when only the group number is given; the group).</summary>
    public static (Stage? Stage, string Group)? StageOfDisorder(CodeableConcept? cc) =>
        cc?.Coding.Where(c => c.System == Terminology.Snomed && c.Code is not null && SnomedDisorderStage.ContainsKey(c.Code)).Select(c => SnomedDisorderStage[c.Code!])
            .Cast<(Stage?, string)?>().FirstOrDefault();
}
