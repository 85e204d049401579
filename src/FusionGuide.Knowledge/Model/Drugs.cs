using FusionGuide.Domain;

namespace FusionGuide.Knowledge.Model;

/// <summary>A drug or other systemic therapy.</summary>
/// <param name="Therapy">The contract therapy it is.</param>
/// <param name="Name">Display name.</param>
/// <param name="Brands">Brand names.</param>
/// <param name="Kind">Targeted or other.</param>
/// <param name="Targets">Kinases targeted.</param>
/// <param name="Generation">TKI generation.</param>
/// <param name="Cns">Intracranial activity.</param>
/// <param name="Approvals">Regulatory approvals by region.</param>
/// <param name="Dosing">Dosing regimens (more than one only when a label changed it; never two in force on one day).</param>
/// <param name="OrganAdjustments">Organ-function dose adjustments.</param>
/// <param name="Monitoring">Monitoring the label asks for.</param>
/// <param name="KeyToxicities">Characteristic toxicities.</param>
/// <param name="Cautions">Comorbidity cautions.</param>
/// <param name="Place">Where a non-targeted therapy stands in ALK/ROS1 disease.</param>
/// <param name="NotIn">Histologies it is not used in.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record Drug(Therapy Therapy, string Name, IReadOnlyList<string> Brands, DrugKind Kind, IReadOnlyList<Gene> Targets, int? Generation, CnsActivity? Cns,
    IReadOnlyList<Approval> Approvals, IReadOnlyList<DosingRegimen> Dosing, IReadOnlyList<OrganAdjustment> OrganAdjustments, IReadOnlyList<MonitoringItem> Monitoring,
    IReadOnlyList<string> KeyToxicities, IReadOnlyList<Caution> Cautions, string? Place, IReadOnlyList<Histology> NotIn, Provenance Provenance)
{
    /// <summary>The record id (the therapy's contract code).</summary>
    public string Id => Codes.Therapy.Code(Therapy);

    /// <summary>True for a kinase inhibitor.</summary>
    public bool IsTargeted => Kind == DrugKind.Targeted;

    /// <summary>How age or performance status bears on this drug among equally recommended options (may be empty).</summary>
    public IReadOnlyList<PatientFactorFact> PatientFactors { get; init; } = [];

    /// <summary>The chemotherapy regimen in full (components, cycle, premedication, maintenance), for non-targeted therapies that have one.</summary>
    public ChemoRegimen? Regimen { get; init; }

    /// <summary>
    /// Why a targeted drug has no dosing record (its label's dosage section was not read: zidesamtinib); null for every
    /// drug that is dosed. The dosing row then says that no dose is recorded.
    /// </summary>
    public string? DosingNotRead { get; init; }

    /// <summary>True for a kinase inhibitor of <paramref name="kinase"/>.</summary>
    public bool Inhibits(Gene kinase) => IsTargeted && Targets.Contains(kinase);

    /// <summary>The regimen in force on <paramref name="asOf"/> wherever no regional label sets another, if any.</summary>
    public DosingRegimen? DosingOn(DateOnly asOf) => Dosing.FirstOrDefault(d => d.Region is null && d.Validity.Contains(asOf));

    /// <summary>
    /// The regimen in force on <paramref name="asOf"/> for a case in <paramref name="region"/>: that region's label's own
    /// record when it has one for the setting (an advanced-only record is not the adjuvant dose), else the default one.
    /// </summary>
    public DosingRegimen? DosingFor(DateOnly asOf, Region? region, bool adjuvant) =>
        Dosing.FirstOrDefault(d => d.Region is { } r && r == region && !(d.AdvancedOnly && adjuvant) && d.Validity.Contains(asOf))
        ?? DosingOn(asOf);
}

/// <summary>Intracranial activity of a drug.</summary>
/// <param name="Activity">High, moderate, low.</param>
/// <param name="Rank">1 = best intracranial evidence among drugs for the same target.</param>
/// <param name="RankByTarget">Rank per target where a drug's intracranial evidence differs by target (lorlatinib: ALK 1, ROS1 2).</param>
/// <param name="Summary">The evidence in a sentence.</param>
/// <param name="Provenance">Sources and verification.</param>
/// <param name="Setting">The setting of the trials the summary's figures come from (required with a summary).</param>
public sealed record CnsActivity(CnsLevel Activity, int Rank, IReadOnlyDictionary<Gene, int>? RankByTarget, string? Summary, Provenance Provenance, TrialSetting? Setting = null)
{
    /// <summary>The rank for one target.</summary>
    public int RankFor(Gene kinase) => RankByTarget?.GetValueOrDefault(kinase, Rank) ?? Rank;
}

/// <summary>One regulatory approval (or a recorded absence of one).</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Region">Region.</param>
/// <param name="Gene">ALK, ROS1 or null (another indication).</param>
/// <param name="Setting">
/// The setting the label names (<see cref="ApprovalSetting.Advanced"/>: any line of advanced disease, never adjuvant);
/// <see cref="ApprovalSetting.Any"/> only for a status that is not approved.
/// </param>
/// <param name="Status">Approved, not approved, unknown.</param>
/// <param name="NaiveOnly">True when the label is limited to patients who have not had an ALK (or ROS1) inhibitor.</param>
/// <param name="Date">
/// The first day the decision counts: the decision day (or the day of the source that reports the status), or, when
/// only the month is known (<see cref="DatePrecision"/> Month, the file writes YYYY-MM), the first day of the next
/// month. Write it with <see cref="ApprovalDates"/>, never as a bare day.
/// </param>
/// <param name="Validity">When the record is in force.</param>
/// <param name="Indication">Indication text.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record Approval(string Id, Region Region, Gene? Gene, ApprovalSetting Setting, ApprovalStatus Status, bool NaiveOnly, DateOnly? Date, Validity Validity, string? Indication, Provenance Provenance)
{
    /// <summary>How precisely the decision date is known (Day unless the file gives only YYYY-MM).</summary>
    public DatePrecision DatePrecision { get; init; } = DatePrecision.Day;

    /// <summary>
    /// For a label written for use after progression on (or intolerance to) named TKIs (the file's <c>after</c>):
    /// those TKIs ("after crizotinib" → [crizotinib]; "after an ALK TKI" → every ALK TKI then marketed, listed). Empty
    /// when the label names none — a "previously treated" label may mean chemotherapy, so it is never read as covering
    /// use after a TKI.
    /// </summary>
    public IReadOnlyList<Therapy> After { get; init; } = [];

    /// <summary>
    /// For a label branch written for use after two TKIs in order (the file's <c>afterSequence</c>): lorlatinib's 2018 US
    /// and 2019 EU labels, "progressed on crizotinib and at least one other ALK inhibitor" → first crizotinib, then one of
    /// the other ALK TKIs then marketed.
    /// </summary>
    public IReadOnlyList<ApprovalSequence> AfterSequence { get; init; } = [];

    /// <summary>
    /// True when the label covers patients who stopped an <see cref="After"/> TKI for intolerance, not only those whose
    /// disease progressed on it ("progressed on or intolerant to crizotinib", "previously treated with crizotinib", "with
    /// or without a prior ROS1 TKI"); false for a label written for progression only (lorlatinib's 2018 US label).
    /// </summary>
    public bool AfterIntolerance { get; init; }

    /// <summary>
    /// True when the label was written for use after <paramref name="last"/>, the TKI the disease just progressed on, given
    /// the TKIs it progressed on before (<paramref name="earlier"/>): an <c>after</c> TKI — the last one, or an earlier
    /// one, since "progressed on or intolerant to crizotinib" still describes a patient who had ceritinib after crizotinib
    /// (the label sets no condition on a line in between; alectinib, US 2016, Respirol Case Rep 2017;5:e00224) — or the
    /// second step of a sequence whose first step is among the earlier failures.
    /// </summary>
    public bool WrittenForUseAfter(Therapy last, IEnumerable<Therapy> earlier) =>
        After.Contains(last) || EarlierAfter(earlier) is not null || SequenceEndingWith(last, earlier) is not null;

    /// <summary>The first of <paramref name="earlier"/> (TKIs the disease progressed on before the last) that <see cref="After"/> names, if any.</summary>
    public Therapy? EarlierAfter(IEnumerable<Therapy> earlier) =>
        earlier.Where(After.Contains).Select(t => (Therapy?)t).FirstOrDefault();

    /// <summary>The sequence branch whose second step is <paramref name="last"/> and whose first is among <paramref name="earlier"/>, if any.</summary>
    public ApprovalSequence? SequenceEndingWith(Therapy last, IEnumerable<Therapy> earlier) =>
        AfterSequence.FirstOrDefault(s => s.Then.Contains(last) && earlier.Contains(s.First));
}

/// <summary>A label branch for use after two TKIs in order: progression on <paramref name="First"/>, then on one of <paramref name="Then"/>.</summary>
/// <param name="First">The TKI the disease progressed on first.</param>
/// <param name="Then">The TKIs, one of which it progressed on afterwards (the one just failed).</param>
public sealed record ApprovalSequence(Therapy First, IReadOnlyList<Therapy> Then);

/// <summary>A lead-in phase.</summary>
/// <param name="Text">The lead-in in words.</param>
/// <param name="Days">Its length.</param>
public sealed record LeadIn(string Text, int Days);

/// <summary>A labelled dosing regimen.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Start">Starting dose in full, including the lead-in.</param>
/// <param name="LeadIn">Lead-in phase, if any.</param>
/// <param name="Reductions">Reduction levels in order.</param>
/// <param name="AfterLastReduction">What happens after the last level.</param>
/// <param name="Food">Food instruction.</param>
/// <param name="Validity">When it is in force.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record DosingRegimen(string Id, string Start, LeadIn? LeadIn, IReadOnlyList<string> Reductions, string? AfterLastReduction, string? Food, Validity Validity, Provenance Provenance)
{
    /// <summary>
    /// The region whose label sets a different dose (alectinib in Japan: 300 mg twice daily for advanced disease), or
    /// null for the regimen that applies wherever no regional record does.
    /// </summary>
    public Region? Region { get; init; }

    /// <summary>True when the regional record covers advanced disease only (the same label's adjuvant dose is the default one).</summary>
    public bool AdvancedOnly { get; init; }

    /// <summary>The starting dose, naming the regional label it follows ("300 mg twice daily (JP label, advanced disease)").</summary>
    public string StartAndScope => Region is { } r ? $"{Start} ({Terms.Region.Code(r)} label{(AdvancedOnly ? ", advanced disease" : "")})" : Start;
}

/// <summary>An organ-function dose adjustment.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Comorbidity">Liver or renal impairment.</param>
/// <param name="Criterion">Which degree of impairment.</param>
/// <param name="Dose">The adjusted dose.</param>
/// <param name="Text">The rule in words.</param>
/// <param name="Validity">When it is in force.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record OrganAdjustment(string Id, Comorbidity Comorbidity, string? Criterion, string? Dose, string Text, Validity Validity, Provenance Provenance);

/// <summary>A monitoring item.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Item">What to measure (records of one check in different regions' labels share it).</param>
/// <param name="Schedule">When.</param>
/// <param name="Provenance">Sources and verification.</param>
/// <param name="Region">The region whose label the record follows (US PI, EU SmPC …), or null when it applies everywhere.</param>
public sealed record MonitoringItem(string Id, string Item, string Schedule, Provenance Provenance, Region? Region = null) : IRegional
{
    /// <inheritdoc/>
    public string Topic => Item;

    /// <summary>
    /// Histologies the check does not apply in (chemo-immunotherapy's pemetrexed creatinine-clearance check: squamous
    /// disease gets KEYNOTE-407's regimen, without pemetrexed); empty when it applies in every one.
    /// </summary>
    public IReadOnlyList<Histology> NotIn { get; init; } = [];
}

/// <summary>A comorbidity caution.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Comorbidity">The comorbidity.</param>
/// <param name="Effect">Deprioritise, avoid, warn.</param>
/// <param name="Message">What to tell the clinician.</param>
/// <param name="Provenance">Sources and verification.</param>
/// <param name="Region">The region whose label the record follows, or null when it applies everywhere.</param>
public sealed record Caution(string Id, Comorbidity Comorbidity, CautionEffect Effect, string Message, Provenance Provenance, Region? Region = null) : IRegional
{
    /// <inheritdoc/>
    public string Topic => Comorbidity.ToString();

    /// <summary>Histologies the caution does not apply in (as <see cref="MonitoringItem.NotIn"/>); empty when it applies in every one.</summary>
    public IReadOnlyList<Histology> NotIn { get; init; } = [];
}

/// <summary>
/// How a patient characteristic bears on a drug among equally recommended options (rules SYS-PAT-AGE-001, SYS-PAT-ECOG-001).
/// </summary>
/// <param name="Id">Stable id.</param>
/// <param name="Factor">Age or ECOG.</param>
/// <param name="AtOrAbove">The fact applies when the patient's value is at or above this (years, or ECOG grade).</param>
/// <param name="Effect">Deprioritise or favour.</param>
/// <param name="Message">The reason, as the rationale writes it.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record PatientFactorFact(string Id, PatientFactor Factor, int AtOrAbove, FactorEffect Effect, string Message, Provenance Provenance);

/// <summary>How a review sheet says a record's <c>notIn</c> histologies: " (not in squamous)", or nothing.</summary>
public static class HistologyScope
{
    /// <summary>The suffix for a record not applied in <paramref name="histologies"/>; empty when it applies in every one.</summary>
    public static string Said(IReadOnlyList<Histology> histologies) =>
        histologies.Count == 0 ? "" : $" (not in {string.Join(", ", histologies.Select(h => h.Code()))})";
}
