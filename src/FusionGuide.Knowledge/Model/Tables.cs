using FusionGuide.Domain;

namespace FusionGuide.Knowledge.Model;

/// <summary>A drug's label dose-modification table.</summary>
/// <param name="Id">Stable id (drug-toxicity).</param>
/// <param name="Drug">The therapy.</param>
/// <param name="Rules">Rules, event × grades.</param>
/// <param name="Provenance">Sources and verification of the table as a whole.</param>
public sealed record ToxicityTable(string Id, Therapy Drug, IReadOnlyList<ToxicityRule> Rules, Provenance Provenance);

/// <summary>One event × grades → action rule from a label.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Event">Adverse event (<see cref="AdverseEventCode.Other"/>: the label's general rule).</param>
/// <param name="Grades">CTCAE grades 1–4 covered.</param>
/// <param name="Action">What to do.</param>
/// <param name="Resume">The dose to resume at.</param>
/// <param name="Text">The rule in words.</param>
/// <param name="Supportive">Supportive measures.</param>
/// <param name="Referrals">Referrals.</param>
/// <param name="WithComedication">
/// The label's other branch when the event depends on a contributing co-medication (crizotinib bradycardia): it applies
/// when the case lists a medication of one of its interaction classes; otherwise this rule's own action and resume apply.
/// </param>
/// <param name="Validity">When it is in force.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record ToxicityRule(string Id, AdverseEventCode Event, IReadOnlyList<int> Grades, ToxicityAction Action, Resume Resume, string Text, IReadOnlyList<string> Supportive,
    IReadOnlyList<string> Referrals, ComedicationBranch? WithComedication, Validity Validity, Provenance Provenance)
{
    /// <summary>
    /// The label's rule when the event comes back on the same drug (brigatinib ILD: discontinue if it recurs), stated in
    /// the rule's own text and read from the same source; null when the label sets no separate rule for a recurrence.
    /// </summary>
    public RecurrenceBranch? OnRecurrence { get; init; }
}

/// <summary>What a toxicity rule becomes when the event recurs on the same drug.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Resume">The dose to resume at.</param>
/// <param name="Text">The branch in words.</param>
public sealed record RecurrenceBranch(ToxicityAction Action, Resume Resume, string Text);

/// <summary>What a toxicity rule becomes when a contributing co-medication is present.</summary>
/// <param name="Classes">Interaction classes whose members contribute to the event.</param>
/// <param name="Action">What to do.</param>
/// <param name="Resume">The dose to resume at.</param>
/// <param name="Dose">The label's dose for this branch when it is not the next level down (crizotinib grade 4: 250 mg once daily).</param>
/// <param name="Text">The branch in words.</param>
public sealed record ComedicationBranch(IReadOnlyList<InteractionClassCode> Classes, ToxicityAction Action, Resume Resume, string? Dose, string Text);

/// <summary>A class of interacting medications.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Class">The class.</param>
/// <param name="Members">Members by generic name.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record InteractionClass(string Id, InteractionClassCode Class, IReadOnlyList<ClassMember> Members, Provenance Provenance);

/// <summary>A medication in an interaction class.</summary>
/// <param name="Name">Lower-case generic name.</param>
/// <param name="Aliases">Brand names and other spellings.</param>
/// <param name="Provenance">Its own verification, or null when it has none and its class's evidence covers it.</param>
public sealed record ClassMember(string Name, IReadOnlyList<string> Aliases, Provenance? Provenance);

/// <summary>A drug's interaction rules.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Drug">The therapy.</param>
/// <param name="Rules">Rules per class or named medication.</param>
/// <param name="Provenance">Sources and verification of the table as a whole.</param>
public sealed record DrugInteractions(string Id, Therapy Drug, IReadOnlyList<InteractionRule> Rules, Provenance Provenance);

/// <summary>What a label says about one class of co-medication (or one named medication).</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Class">The class, or null for a rule about one named medication.</param>
/// <param name="Medication">A specific medication (overrides the class rule for that medication), as the label names it.</param>
/// <param name="MedicationKey">That medication normalised as case medications are (<see cref="KnowledgeBase.NormaliseMedication"/>).</param>
/// <param name="Severity">Severity.</param>
/// <param name="Advice">The label's advice.</param>
/// <param name="DoseChange">Dose change, if any.</param>
/// <param name="Validity">When it is in force.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record InteractionRule(string Id, InteractionClassCode? Class, string? Medication, string? MedicationKey, Severity Severity, string Advice, string? DoseChange, Validity Validity, Provenance Provenance)
{
    /// <summary>The advice with its dose change when the advice does not already state it.</summary>
    public string FullAdvice { get; } = DoseChange is { } dose && !Advice.Contains(dose, StringComparison.OrdinalIgnoreCase) ? $"{Advice} Dose: {dose}" : Advice;
}

/// <summary>Activity of drugs against one mutation or compound.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Gene">The kinase.</param>
/// <param name="Mutations">One mutation, or two or more for a compound.</param>
/// <param name="Cells">Drug cells.</param>
/// <param name="Resensitises">
/// Clinical evidence that this genotype restores the activity of a TKI the disease progressed on earlier (a
/// re-challenge). Lab sensitivity in a cell is not such evidence.
/// </param>
/// <param name="Provenance">Sources and verification of the row as a whole.</param>
public sealed record ResistanceRow(string Id, Gene Gene, IReadOnlyList<string> Mutations, IReadOnlyList<ResistanceCell> Cells, IReadOnlyList<Resensitisation> Resensitises, Provenance Provenance)
{
    /// <summary>The mutations joined with "+" (G1202R+L1196M).</summary>
    public string Name { get; } = string.Join("+", Mutations);

    /// <summary>Set when this row is its kinase's solvent-front mutation (the file's <c>solventFront</c> marker, with its sources).</summary>
    public Provenance? SolventFront { get; init; }

    /// <summary>Set when the mutation is found more often at progression with one EML4-ALK fusion variant (the file's <c>enrichedInVariant</c> marker).</summary>
    public FusionVariantEnrichment? EnrichedInVariant { get; init; }
}

/// <summary>A resistance mutation found more often at progression in tumours with one EML4-ALK fusion variant.</summary>
/// <param name="Variant">The variant as <c>v</c> and its number (<c>v3</c>; sub-variants such as v3a count as v3).</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record FusionVariantEnrichment(string Variant, Provenance Provenance);

/// <summary>One drug × mutation cell.</summary>
/// <param name="Drug">The therapy.</param>
/// <param name="Activity">Sensitive, intermediate, resistant.</param>
/// <param name="Ic50nM">Cellular IC50 in nM, where reported.</param>
/// <param name="Basis">What the activity follows (null: not recorded).</param>
/// <param name="EmergedOnDrug">True when the mutation has been found at clinical progression on this drug.</param>
/// <param name="Cited">"IC50 … nM; " (when reported) and the sources' short names, as the resistance rule cites them.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record ResistanceCell(Therapy Drug, CellActivity Activity, double? Ic50nM, CellBasis? Basis, bool EmergedOnDrug, string Cited, Provenance Provenance);

/// <summary>A TKI whose clinical activity returns with a genotype that emerged on a later TKI.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Drug">The TKI that may be given again.</param>
/// <param name="After">The TKI(s) on which the genotype emerged (empty: any).</param>
/// <param name="Summary">The clinical evidence in one line.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record Resensitisation(string Id, Therapy Drug, IReadOnlyList<Therapy> After, string Summary, Provenance Provenance);

/// <summary>An off-target resistance mechanism or a histologic transformation.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Gene">The kinase, or null for either.</param>
/// <param name="Alteration">Contract alteration string (or null for a transformation).</param>
/// <param name="Transformation">The transformation (or null for an alteration).</param>
/// <param name="Approach">The approach in words.</param>
/// <param name="Therapies">Therapies it points to.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record OffTargetMechanism(string Id, Gene? Gene, string? Alteration, Transformation? Transformation, string Approach, IReadOnlyList<MechanismTherapy> Therapies, Provenance Provenance)
{
    /// <summary>True when the mechanism applies to <paramref name="kinase"/> (its own or either).</summary>
    public bool AppliesTo(Gene kinase) => Gene is null || Gene == kinase;

    /// <summary>Combinations with the ALK/ROS1 inhibitor the disease progressed on, off-label or in a trial (may be empty).</summary>
    public IReadOnlyList<MechanismCombination> Combinations { get; init; } = [];
}

/// <summary>A therapy a mechanism points to.</summary>
/// <param name="Therapy">The therapy.</param>
/// <param name="Preference">Preference.</param>
/// <param name="Rationale">Why.</param>
/// <param name="Notes">Reviewer notes.</param>
public sealed record MechanismTherapy(Therapy Therapy, Preference Preference, string Rationale, string? Notes);

/// <summary>A guideline preference table for one driver and setting.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Driver">The kinase, or null for a table that names none (small-cell: any fusion).</param>
/// <param name="Setting">The setting.</param>
/// <param name="After">For subsequent: the drugs whose failure it answers.</param>
/// <param name="Guideline">Guideline reference id.</param>
/// <param name="Validity">validFrom/validTo as the file writes them.</param>
/// <param name="Applies">
/// When the table applies: <paramref name="Validity"/>, but never before its guideline's publication date (a table never
/// applies before the guideline whose content it holds existed).
/// </param>
/// <param name="Entries">Entries in the guideline's order.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record Regimen(string Id, Gene? Driver, RegimenSetting Setting, IReadOnlyList<Therapy> After, string Guideline, Validity Validity, Validity Applies, IReadOnlyList<RegimenEntry> Entries, Provenance Provenance)
{
    /// <summary>
    /// Regimens the guideline lists at this step that the contract vocabulary has no code for (the file's
    /// <c>notCoded</c>): e.g. the squamous platinum doublets. They cannot be ranked options; the answer names them.
    /// </summary>
    public IReadOnlyList<UncodedRegimen> NotCoded { get; init; } = [];

    /// <summary>"alectinib (preferred), … (other-recommended, brain-metastases)": the entries in order, as the guideline-table rule lists them.</summary>
    public string Listing { get; } = string.Join(", ", Entries.Select(x =>
        $"{Codes.Therapy.Code(x.Therapy)} ({Codes.Preference.Code(x.Preference)}{(x.Condition == RegimenCondition.Any ? "" : ", " + x.Condition.Code())})"));
}

/// <summary>One entry of a preference table.</summary>
/// <param name="Therapy">The therapy.</param>
/// <param name="Preference">Preference.</param>
/// <param name="Category">Guideline category.</param>
/// <param name="Condition">When it applies.</param>
/// <param name="NaiveOnly">True when the guideline lists it only for patients who have not had an ALK (or ROS1) inhibitor.</param>
/// <param name="Rationale">Why, in one line.</param>
/// <param name="Provenance">References (the file's <c>references</c>) and verification.</param>
public sealed record RegimenEntry(Therapy Therapy, Preference Preference, string? Category, RegimenCondition Condition, bool NaiveOnly, string Rationale, Provenance Provenance);

/// <summary>Regimens a guideline table lists that have no therapy code in the contract vocabulary.</summary>
/// <param name="Id">Fact id, unique within the table (the audit names it "table/id").</param>
/// <param name="Regimens">The regimens in words, as the guideline lists them.</param>
/// <param name="Condition">For which patients (e.g. squamous histology).</param>
/// <param name="Provenance">References (the file's <c>references</c>) and verification.</param>
public sealed record UncodedRegimen(string Id, string Regimens, RegimenCondition Condition, Provenance Provenance);
