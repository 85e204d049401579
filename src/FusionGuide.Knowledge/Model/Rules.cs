namespace FusionGuide.Knowledge.Model;

/// <summary>What a toxicity rule becomes when a contributing co-medication is present.</summary>
public sealed record ComedicationBranch
{
    /// <summary>Interaction classes whose members contribute to the event (e.g. bradycardic).</summary>
    public IReadOnlyList<string> Classes { get => field ?? []; init; }
    /// <summary>continue, hold, hold-then-reduce, reduce, discontinue.</summary>
    public required string Action { get; init; }
    /// <summary>same, reduced, same-or-reduced, none.</summary>
    public required string Resume { get; init; }
    /// <summary>The label's dose for this branch when it is not the next level down (crizotinib grade 4: 250 mg once daily).</summary>
    public string? Dose { get; init; }
    /// <summary>The branch in words.</summary>
    public required string Text { get; init; }
}

/// <summary>A drug's label dose-modification table.</summary>
public sealed record ToxicityTable : IEvidenced
{
    /// <summary>Stable id (drug-toxicity).</summary>
    public required string Id { get; init; }
    /// <summary>Therapy id.</summary>
    public required string Drug { get; init; }
    /// <summary>Reference ids.</summary>
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <summary>Rules, event × grades.</summary>
    public IReadOnlyList<ToxicityRule> Rules { get => field ?? []; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
    /// <inheritdoc />
    public bool? Verified { get; init; }
    /// <inheritdoc />
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
}

/// <summary>One event × grades → action rule from a label.</summary>
public sealed record ToxicityRule : ISourced, IDated
{
    /// <inheritdoc />
    public required string Id { get; init; }
    /// <summary>Contract adverse-event code, or other.</summary>
    public required string Event { get; init; }
    /// <summary>CTCAE grades 1–4 covered.</summary>
    public IReadOnlyList<int> Grades { get => field ?? []; init; }
    /// <summary>continue, hold, hold-then-reduce, reduce, discontinue.</summary>
    public required string Action { get; init; }
    /// <summary>same, reduced, same-or-reduced, none.</summary>
    public required string Resume { get; init; }
    /// <summary>The rule in words.</summary>
    public required string Text { get; init; }
    /// <summary>Supportive measures.</summary>
    public IReadOnlyList<string> Supportive { get => field ?? []; init; }
    /// <summary>Referrals.</summary>
    public IReadOnlyList<string> Referrals { get => field ?? []; init; }
    /// <summary>
    /// The label's other branch when the event depends on a contributing co-medication (crizotinib bradycardia): it
    /// applies when the case lists a medication of one of its interaction classes; otherwise this rule's own action
    /// and resume apply (an empty medication list means none).
    /// </summary>
    public ComedicationBranch? WithComedication { get; init; }
    /// <inheritdoc />
    public string? ValidFrom { get; init; }
    /// <inheritdoc />
    public string? ValidTo { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <inheritdoc />
    public bool? Verified { get; init; }
    /// <inheritdoc />
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>A class of interacting medications.</summary>
public sealed record InteractionClass : IEvidenced
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }
    /// <summary>Class code (cyp3a-strong-inhibitor …).</summary>
    public required string Class { get; init; }
    /// <summary>Members by generic name.</summary>
    public IReadOnlyList<ClassMember> Members { get => field ?? []; init; }
    /// <summary>Reference ids.</summary>
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <summary>False when not confirmed.</summary>
    public bool? Verified { get; init; }
    /// <summary>What is missing.</summary>
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>A medication in an interaction class.</summary>
public sealed record ClassMember : IEvidenced
{
    /// <summary>Lower-case generic name.</summary>
    public required string Name { get; init; }
    /// <summary>Brand names and other spellings.</summary>
    public IReadOnlyList<string> Aliases { get => field ?? []; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
    /// <inheritdoc />
    public bool? Verified { get; init; }
    /// <inheritdoc />
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
}

/// <summary>A drug's interaction rules.</summary>
public sealed record DrugInteractions : IEvidenced
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }
    /// <summary>Therapy id.</summary>
    public required string Drug { get; init; }
    /// <summary>Rules per class.</summary>
    public IReadOnlyList<InteractionRule> Rules { get => field ?? []; init; }
    /// <summary>Reference ids.</summary>
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
    /// <inheritdoc />
    public bool? Verified { get; init; }
    /// <inheritdoc />
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
}

/// <summary>What a label says about one class of co-medication (or one named medication).</summary>
public sealed record InteractionRule : ISourced, IDated
{
    /// <inheritdoc />
    public required string Id { get; init; }
    /// <summary>Class code.</summary>
    public string? Class { get; init; }
    /// <summary>A specific medication (overrides the class rule for that medication).</summary>
    public string? Medication { get; init; }
    /// <summary>contraindicated, major, moderate, minor.</summary>
    public required string Severity { get; init; }
    /// <summary>The label's advice.</summary>
    public required string Advice { get; init; }
    /// <summary>Dose change, if any.</summary>
    public string? DoseChange { get; init; }
    /// <inheritdoc />
    public string? ValidFrom { get; init; }
    /// <inheritdoc />
    public string? ValidTo { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <inheritdoc />
    public bool? Verified { get; init; }
    /// <inheritdoc />
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>Activity of drugs against one mutation or compound.</summary>
public sealed record ResistanceRow : IEvidenced
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }
    /// <summary>ALK or ROS1.</summary>
    public required string Gene { get; init; }
    /// <summary>One mutation, or two or more for a compound.</summary>
    public IReadOnlyList<string> Mutations { get => field ?? []; init; }
    /// <summary>Drug cells.</summary>
    public IReadOnlyList<ResistanceCell> Cells { get => field ?? []; init; }
    /// <summary>
    /// Clinical evidence that this genotype restores the activity of a TKI the disease progressed on earlier (a
    /// re-challenge). Lab sensitivity in a cell is not such evidence.
    /// </summary>
    public IReadOnlyList<Resensitisation> Resensitises { get => field ?? []; init; }
    /// <summary>Reference ids.</summary>
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
    /// <inheritdoc />
    public bool? Verified { get; init; }
    /// <inheritdoc />
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
}

/// <summary>A TKI whose clinical activity returns with a genotype that emerged on a later TKI.</summary>
public sealed record Resensitisation : ISourced
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }
    /// <summary>The TKI that may be given again (therapy id).</summary>
    public required string Drug { get; init; }
    /// <summary>The TKI(s) on which the genotype emerged; the re-challenge applies after progression on one of them.</summary>
    public IReadOnlyList<string> After { get => field ?? []; init; }
    /// <summary>The clinical evidence in one line.</summary>
    public required string Summary { get; init; }
    /// <summary>Reference ids.</summary>
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <inheritdoc />
    public bool? Verified { get; init; }
    /// <inheritdoc />
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>One drug × mutation cell.</summary>
public sealed record ResistanceCell : IEvidenced
{
    /// <summary>Therapy id.</summary>
    public required string Drug { get; init; }
    /// <summary>sensitive, intermediate, resistant.</summary>
    public required string Activity { get; init; }
    /// <summary>Cellular IC50 in nM, where reported.</summary>
    public double? Ic50nM { get; init; }
    /// <summary>What the activity follows: in-vitro, clinical, in-vitro-and-clinical (null: not recorded).</summary>
    public string? Basis { get; init; }
    /// <summary>True when the mutation has been found at clinical progression on this drug.</summary>
    public bool? EmergedOnDrug { get; init; }
    /// <summary>Reference ids.</summary>
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <summary>False when not confirmed.</summary>
    public bool? Verified { get; init; }
    /// <summary>What is missing.</summary>
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>An off-target resistance mechanism or a histologic transformation.</summary>
public sealed record OffTargetMechanism : IEvidenced
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }
    /// <summary>ALK, ROS1 or any.</summary>
    public required string Gene { get; init; }
    /// <summary>Contract alteration string.</summary>
    public string? Alteration { get; init; }
    /// <summary>small-cell or squamous.</summary>
    public string? Transformation { get; init; }
    /// <summary>The approach in words.</summary>
    public required string Approach { get; init; }
    /// <summary>Therapies it points to.</summary>
    public IReadOnlyList<MechanismTherapy> Therapies { get => field ?? []; init; }
    /// <summary>Reference ids.</summary>
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <summary>False when not confirmed.</summary>
    public bool? Verified { get; init; }
    /// <summary>What is missing.</summary>
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>A therapy a mechanism points to.</summary>
public sealed record MechanismTherapy
{
    /// <summary>Therapy id.</summary>
    public required string Therapy { get; init; }
    /// <summary>Preference code.</summary>
    public required string Preference { get; init; }
    /// <summary>Why.</summary>
    public required string Rationale { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>A guideline preference table for one driver and setting.</summary>
public sealed record Regimen : IDated, IEvidenced
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }
    /// <summary>ALK or ROS1.</summary>
    public required string Driver { get; init; }
    /// <summary>first-line, subsequent, post-targeted, adjuvant.</summary>
    public required string Setting { get; init; }
    /// <summary>For subsequent: the drugs whose failure it answers.</summary>
    public IReadOnlyList<string> After { get => field ?? []; init; }
    /// <summary>Guideline reference id.</summary>
    public required string Guideline { get; init; }
    /// <inheritdoc />
    public string? ValidFrom { get; init; }
    /// <inheritdoc />
    public string? ValidTo { get; init; }
    /// <summary>Entries in the guideline's order.</summary>
    public IReadOnlyList<RegimenEntry> Entries { get => field ?? []; init; }
    /// <summary>Reference ids.</summary>
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <summary>False when not confirmed.</summary>
    public bool? Verified { get; init; }
    /// <summary>What is missing.</summary>
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>One entry of a preference table.</summary>
public sealed record RegimenEntry : IEvidenced
{
    /// <summary>Therapy id.</summary>
    public required string Therapy { get; init; }
    /// <summary>Preference code.</summary>
    public required string Preference { get; init; }
    /// <summary>Guideline category.</summary>
    public string? Category { get; init; }
    /// <summary>any, brain-metastases, preferred-unavailable, genotype-directed, cns-progression, nonsquamous, extensive-stage.</summary>
    public string Condition { get => field ?? "any"; init; }
    /// <summary>True when the guideline lists it only for patients who have not had an ALK (or ROS1) inhibitor.</summary>
    public bool? NaiveOnly { get; init; }
    /// <summary>Why, in one line.</summary>
    public required string Rationale { get; init; }
    /// <summary>Reference ids.</summary>
    public IReadOnlyList<string> References { get => field ?? []; init; }
    /// <summary>False when not confirmed.</summary>
    public bool? Verified { get; init; }
    /// <summary>What is missing.</summary>
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>A named trial with its results.</summary>
public sealed record Trial : IEvidenced
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }
    /// <summary>Trial name.</summary>
    public required string Name { get; init; }
    /// <summary>Therapy id studied.</summary>
    public string? Drug { get; init; }
    /// <summary>Comparator.</summary>
    public string? Comparator { get; init; }
    /// <summary>Setting.</summary>
    public string? Setting { get; init; }
    /// <summary>Population.</summary>
    public string? Population { get; init; }
    /// <summary>Results.</summary>
    public IReadOnlyList<TrialResult> Results { get => field ?? []; init; }
    /// <summary>Reference ids.</summary>
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <summary>False when not confirmed.</summary>
    public bool? Verified { get; init; }
    /// <summary>What is missing.</summary>
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>One trial result.</summary>
public sealed record TrialResult : IEvidenced
{
    /// <summary>PFS, OS, ORR, IC-ORR, IC-PFS, DFS, CNS-DFS, DOR.</summary>
    public required string Endpoint { get; init; }
    /// <summary>The result in words and numbers.</summary>
    public required string Value { get; init; }
    /// <summary>Reference id.</summary>
    public string? Reference { get; init; }
    /// <summary>False when not confirmed.</summary>
    public bool? Verified { get; init; }
    /// <summary>What is missing.</summary>
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>A numeric threshold (FISH cut-offs, lesion counts) with its source.</summary>
public sealed record Threshold : ISourced
{
    /// <inheritdoc />
    public required string Id { get; init; }
    /// <summary>The value.</summary>
    public required double Value { get; init; }
    /// <summary>Unit.</summary>
    public string? Unit { get; init; }
    /// <summary>What it means and how the engine uses it (inclusive or exclusive).</summary>
    public required string Meaning { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <inheritdoc />
    public bool? Verified { get; init; }
    /// <inheritdoc />
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>The catalogue entry of an engine rule: what it does and what it rests on.</summary>
public sealed record RuleInfo : ISourced
{
    /// <inheritdoc />
    public required string Id { get; init; }
    /// <summary>Engine stage.</summary>
    public required string Stage { get; init; }
    /// <summary>What the rule does.</summary>
    public required string Title { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <inheritdoc />
    public bool? Verified { get; init; }
    /// <inheritdoc />
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>A driver gene of the testing panel and how a negative result for it is established.</summary>
public sealed record PanelGene : ISourced
{
    /// <inheritdoc />
    public required string Id { get; init; }
    /// <summary>Gene symbol.</summary>
    public required string Gene { get; init; }
    /// <summary>fusion or mutation.</summary>
    public required string Alteration { get; init; }
    /// <summary>Methods whose adequate negative result rules the driver out.</summary>
    public IReadOnlyList<string> AdequateNegativeMethods { get => field ?? []; init; }
    /// <inheritdoc />
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
    /// <inheritdoc />
    public bool? Verified { get; init; }
    /// <inheritdoc />
    public string? VerificationNote { get; init; }
    /// <inheritdoc />
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    /// <inheritdoc />
    public string? EvidenceLevel { get; init; }
    /// <summary>Reviewer notes.</summary>
    public string? Notes { get; init; }
}
