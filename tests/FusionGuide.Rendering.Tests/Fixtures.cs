namespace FusionGuide.Rendering.Tests;

/// <summary>An ALK-positive patient progressing on alectinib with ALK G1202R: lorlatinib is next.</summary>
internal static class Fixtures
{
    public const string CaseId = "case-<b>017</b> & \"Smith\"";
    public const string Medication = "rifampin <script>alert(1)</script>";

    public static Result G1202RAfterAlectinib() => new()
    {
        CaseId = CaseId,
        KnowledgeBaseVersion = "2026.11.0",
        AsOf = "2026-11-20",
        Diagnosis = new Diagnosis
        {
            Driver = Driver.Alk,
            Genes = new Dictionary<string, GeneStatus>
            {
                ["PD-L1"] = GeneStatus.Positive,
                ["ROS1"] = GeneStatus.Negative,
                ["ALK"] = GeneStatus.Positive,
                ["EGFR"] = GeneStatus.Negative,
            },
            FusionPartner = "EML4",
            FusionVariant = "v3a",
            NextTests =
            [
                new NextTest
                {
                    Gene = "ALK", Method = TestMethod.NgsDna, Sample = Sample.Plasma,
                    Reason = "Repeat at next progression on lorlatinib to look for compound mutations.",
                    References = ["nccn-nsclc-v5-2025"],
                },
            ],
        },
        SystemicTherapy = new SystemicTherapy
        {
            Setting = Setting.SubsequentTargeted,
            Line = 2,
            Options =
            [
                new TherapyOption
                {
                    Therapy = Therapy.Lorlatinib, Preference = Preference.Preferred, Category = "2A",
                    Rationale = "Lorlatinib retains activity against ALK G1202R after alectinib.",
                    References = ["shaw-2019-lorlatinib", "nccn-nsclc-v5-2025"],
                },
                new TherapyOption
                {
                    Therapy = Therapy.ClinicalTrial, Preference = Preference.OtherRecommended,
                    Rationale = "Fourth-generation ALK inhibitors are in trials.",
                    References = ["nccn-nsclc-v5-2025"],
                },
                new TherapyOption
                {
                    Therapy = Therapy.PlatinumPemetrexed, Preference = Preference.CertainCircumstances,
                    Rationale = "After targeted options are exhausted.",
                },
            ],
            Avoid =
            [
                new AvoidItem { Therapy = Therapy.Alectinib, Reason = "ALK G1202R confers resistance to alectinib.", References = ["gainor-2016"] },
                new AvoidItem { Therapy = Therapy.Crizotinib, Reason = "ALK G1202R confers resistance to crizotinib.", References = ["gainor-2016"] },
            ],
        },
        Dosing =
        [
            new DosingRow
            {
                Therapy = Therapy.Lorlatinib, Start = "100 mg once daily",
                Reductions = ["75 mg once daily", "50 mg once daily"],
                Food = "With or without food", References = ["lorbrena-uspi"],
            },
        ],
        ToxicityManagement =
        [
            new ToxicityRow
            {
                Therapy = Therapy.Lorlatinib, Event = AdverseEventCode.Hypertriglyceridemia, Grade = 3,
                Action = ToxicityAction.Continue, Dose = "100 mg once daily",
                Supportive = ["Start or intensify lipid-lowering therapy"], References = ["lorbrena-uspi"],
            },
        ],
        Monitoring =
        [
            new MonitoringRow
            {
                Therapy = Therapy.Lorlatinib, Item = "Fasting lipids",
                Schedule = "Before start, at 1 and 2 months, then periodically", References = ["lorbrena-uspi"],
            },
        ],
        Interactions =
        [
            new InteractionRow
            {
                Therapy = Therapy.Lorlatinib, With = Medication, Severity = Severity.Contraindicated,
                Mechanism = "cyp3a-strong-inducer",
                Advice = "Stop the strong CYP3A inducer at least 3 plasma half-lives before starting lorlatinib.",
                References = ["lorbrena-uspi"],
            },
        ],
        Trace =
        [
            new TraceEntry { Rule = "DX-NGS-001", Detail = "ALK positive by RNA NGS (EML4-ALK v3a).", References = ["nccn-nsclc-v5-2025"] },
            new TraceEntry { Rule = "RES-ALK-G1202R", Detail = "G1202R at progression rules out alectinib and crizotinib.", References = ["gainor-2016"] },
            new TraceEntry { Rule = "DDI-CYP3A-001", Detail = "Rifampin is a strong CYP3A inducer.", References = ["lorbrena-uspi"] },
        ],
    };

    /// <summary>The least a result can hold: every optional list empty.</summary>
    public static Result Empty() => new()
    {
        KnowledgeBaseVersion = "2026.11.0",
        Diagnosis = new Diagnosis { Driver = Driver.Indeterminate, Genes = new Dictionary<string, GeneStatus>() },
        SystemicTherapy = new SystemicTherapy { Setting = Setting.DiagnosticWorkup },
    };

    public static ReferenceList References() => new(new Dictionary<string, (string, string, string?)>
    {
        ["nccn-nsclc-v5-2025"] = ("NCCN NSCLC v5.2025", "NCCN Clinical Practice Guidelines in Oncology: Non-Small Cell Lung Cancer, version 5.2025.", "https://www.nccn.org/guidelines"),
        ["shaw-2019-lorlatinib"] = ("Shaw-2019", "Shaw AT, et al. ALK resistance mutations and efficacy of lorlatinib. J Clin Oncol 2019;37(16):1370-1379.", null),
        ["gainor-2016"] = ("Gainor-2016", "Gainor JF, et al. Molecular mechanisms of resistance to first- and second-generation ALK inhibitors. Cancer Discov 2016;6(10):1118-1133.", null),
        ["lorbrena-uspi"] = ("Lorbrena USPI", "LORBRENA (lorlatinib) prescribing information, Pfizer, revised 03/2025.", "https://labeling.pfizer.com/ShowLabeling.aspx?id=11140"),
    });
}
