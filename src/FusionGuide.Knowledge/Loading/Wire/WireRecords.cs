namespace FusionGuide.Knowledge.Loading.Wire;

// The knowledge files exactly as they are written (docs/knowledge-format.md documents every field). Internal: the
// loader reads them, the validator checks them, KnowledgeCompiler turns them into the public typed facts of
// FusionGuide.Knowledge.Model. Strings stay strings here so that an unknown term is reported with its file and code
// (KB005) instead of failing the whole file's JSON read.

/// <summary>How a fact was checked (the fields every fact and container may carry).</summary>
internal abstract record WireEvidenced
{
    public bool? Verified { get; init; }
    public string? VerificationNote { get; init; }
    public IReadOnlyList<Evidence> Evidence { get => field ?? []; init; }
    public string? EvidenceLevel { get; init; }
    public string? Notes { get; init; }
    public Dispute? Disputed { get; init; }
}

/// <summary>A fact with its sources.</summary>
internal abstract record WireSourced : WireEvidenced
{
    public IReadOnlyList<string> Sources { get => field ?? []; init; }
}

/// <summary>A sourced fact with a stable id.</summary>
internal abstract record WireFact : WireSourced
{
    public required string Id { get; init; }
}

/// <summary>A sourced fact with an id and validFrom/validTo.</summary>
internal abstract record WireDatedFact : WireFact
{
    public string? ValidFrom { get; init; }
    public string? ValidTo { get; init; }
}

internal sealed record Evidence(string Reference, string Locator, string Url, string Retrieved, string Says);

internal sealed record Manifest(string Version, string ReleaseDate, int ContractVersion, string? Title = null, int? FormatVersion = null);

internal sealed record Reference : WireEvidenced
{
    public required string Id { get; init; }
    public string? ShortName { get; init; }
    public required string Kind { get; init; }
    public required string Citation { get; init; }
    public string? Date { get; init; }
    public int? SeedNumber { get; init; }
    public string? Url { get; init; }
    public string? Supersedes { get; init; }
    public string? Driver { get; init; }
}

internal sealed record Drug : WireFact
{
    public required string Name { get; init; }
    public IReadOnlyList<string> Brands { get => field ?? []; init; }
    public required string Kind { get; init; }
    public IReadOnlyList<string> Targets { get => field ?? []; init; }
    public int? Generation { get; init; }
    public CnsActivity? Cns { get; init; }
    public IReadOnlyList<Approval> Approvals { get => field ?? []; init; }
    public IReadOnlyList<DosingRegimen> Dosing { get => field ?? []; init; }

    /// <summary>
    /// Why a targeted drug has no dosing record yet (its label's dosage section was not read): the only way a targeted
    /// drug may load without a dose (KB004); the engine then says on the dosing row that no dose is recorded.
    /// </summary>
    public string? DosingNotRead { get; init; }
    public IReadOnlyList<OrganAdjustment> OrganAdjustments { get => field ?? []; init; }
    public IReadOnlyList<MonitoringItem> Monitoring { get => field ?? []; init; }
    public IReadOnlyList<string> KeyToxicities { get => field ?? []; init; }
    public IReadOnlyList<Caution> Cautions { get => field ?? []; init; }
    public IReadOnlyList<PatientFactor> PatientFactors { get => field ?? []; init; }
    public string? Place { get; init; }
    public IReadOnlyList<string> NotIn { get => field ?? []; init; }
    public ChemoRegimen? Regimen { get; init; }
}

internal sealed record CnsActivity : WireSourced
{
    public required string Activity { get; init; }
    public int Rank { get; init; }
    public IReadOnlyDictionary<string, int>? RankByTarget { get; init; }
    public string? Summary { get; init; }
    public string? Setting { get; init; }
}

internal sealed record Approval : WireDatedFact
{
    public required string Region { get; init; }
    public string? Gene { get; init; }
    public required string Setting { get; init; }
    public required string Status { get; init; }
    public bool? NaiveOnly { get; init; }
    public string? Date { get; init; }
    public string? Indication { get; init; }
    public IReadOnlyList<string> After { get => field ?? []; init; }
    public IReadOnlyList<AfterSequence> AfterSequence { get => field ?? []; init; }
    public bool? AfterIntolerance { get; init; }
}

/// <summary>A label branch written for use after two TKIs in order ("crizotinib and at least one other ALK inhibitor").</summary>
internal sealed record AfterSequence
{
    public required string First { get; init; }
    public IReadOnlyList<string> Then { get => field ?? []; init; }
}

internal sealed record LeadIn(string Text, int Days);

internal sealed record DosingRegimen : WireDatedFact
{
    public required string Start { get; init; }
    public LeadIn? LeadIn { get; init; }
    public IReadOnlyList<string> Reductions { get => field ?? []; init; }
    public string? AfterLastReduction { get; init; }
    public string? Food { get; init; }
    public string? Region { get; init; }
    public bool? AdvancedOnly { get; init; }
}

internal sealed record OrganAdjustment : WireDatedFact
{
    public required string Comorbidity { get; init; }
    public string? Criterion { get; init; }
    public string? Dose { get; init; }
    public required string Text { get; init; }
}

internal sealed record MonitoringItem : WireFact
{
    public required string Item { get; init; }
    public required string Schedule { get; init; }
    public string? Region { get; init; }
    public IReadOnlyList<string> NotIn { get => field ?? []; init; }
}

internal sealed record Caution : WireFact
{
    public required string Comorbidity { get; init; }
    public required string Effect { get; init; }
    public required string Message { get; init; }
    public string? Region { get; init; }
    public IReadOnlyList<string> NotIn { get => field ?? []; init; }
}

internal sealed record PatientFactor : WireFact
{
    public required string Factor { get; init; }
    public required int AtOrAbove { get; init; }
    public required string Effect { get; init; }
    public required string Message { get; init; }
}

internal sealed record RecurrenceBranch
{
    public required string Action { get; init; }
    public required string Resume { get; init; }
    public required string Text { get; init; }
}

internal sealed record ComedicationBranch
{
    public IReadOnlyList<string> Classes { get => field ?? []; init; }
    public required string Action { get; init; }
    public required string Resume { get; init; }
    public string? Dose { get; init; }
    public required string Text { get; init; }
}

internal sealed record ToxicityTable : WireSourced
{
    public required string Id { get; init; }
    public required string Drug { get; init; }
    public IReadOnlyList<ToxicityRule> Rules { get => field ?? []; init; }
}

internal sealed record ToxicityRule : WireDatedFact
{
    public required string Event { get; init; }
    public IReadOnlyList<int> Grades { get => field ?? []; init; }
    public required string Action { get; init; }
    public required string Resume { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<string> Supportive { get => field ?? []; init; }
    public IReadOnlyList<string> Referrals { get => field ?? []; init; }
    public ComedicationBranch? WithComedication { get; init; }
    public RecurrenceBranch? OnRecurrence { get; init; }
}

internal sealed record InteractionClass : WireSourced
{
    public required string Id { get; init; }
    public required string Class { get; init; }
    public IReadOnlyList<ClassMember> Members { get => field ?? []; init; }
}

internal sealed record ClassMember : WireEvidenced
{
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get => field ?? []; init; }
}

internal sealed record DrugInteractions : WireSourced
{
    public required string Id { get; init; }
    public required string Drug { get; init; }
    public IReadOnlyList<InteractionRule> Rules { get => field ?? []; init; }
}

internal sealed record InteractionRule : WireDatedFact
{
    public string? Class { get; init; }
    public string? Medication { get; init; }
    public required string Severity { get; init; }
    public required string Advice { get; init; }
    public string? DoseChange { get; init; }
}

internal sealed record ResistanceRow : WireSourced
{
    public required string Id { get; init; }
    public required string Gene { get; init; }
    public IReadOnlyList<string> Mutations { get => field ?? []; init; }
    public IReadOnlyList<ResistanceCell> Cells { get => field ?? []; init; }
    public IReadOnlyList<Resensitisation> Resensitises { get => field ?? []; init; }
    public SolventFrontMarker? SolventFront { get; init; }
    public FusionVariantMarker? EnrichedInVariant { get; init; }
}

internal sealed record Resensitisation : WireFact
{
    public required string Drug { get; init; }
    public IReadOnlyList<string> After { get => field ?? []; init; }
    public required string Summary { get; init; }
}

internal sealed record ResistanceCell : WireSourced
{
    public required string Drug { get; init; }
    public required string Activity { get; init; }
    public double? Ic50nM { get; init; }
    public string? Basis { get; init; }
    public bool? EmergedOnDrug { get; init; }
}

internal sealed record OffTargetMechanism : WireSourced
{
    public required string Id { get; init; }
    public required string Gene { get; init; }
    public string? Alteration { get; init; }
    public string? Transformation { get; init; }
    public required string Approach { get; init; }
    public IReadOnlyList<MechanismTherapy> Therapies { get => field ?? []; init; }
    public IReadOnlyList<MechanismCombination> Combinations { get => field ?? []; init; }
}

internal sealed record MechanismTherapy
{
    public required string Therapy { get; init; }
    public required string Preference { get; init; }
    public required string Rationale { get; init; }
    public string? Notes { get; init; }
}

internal sealed record Regimen : WireSourced
{
    public required string Id { get; init; }
    public required string Driver { get; init; }
    public required string Setting { get; init; }
    public IReadOnlyList<string> After { get => field ?? []; init; }
    public required string Guideline { get; init; }
    public string? ValidFrom { get; init; }
    public string? ValidTo { get; init; }
    public IReadOnlyList<RegimenEntry> Entries { get => field ?? []; init; }
    public IReadOnlyList<UncodedRegimen> NotCoded { get => field ?? []; init; }
}

/// <summary>Regimens the guideline lists at this step that have no therapy code in the contract vocabulary.</summary>
internal sealed record UncodedRegimen : WireEvidenced
{
    public required string Id { get; init; }
    public required string Regimens { get; init; }
    public string Condition { get => field ?? "any"; init; }
    public IReadOnlyList<string> References { get => field ?? []; init; }
}

internal sealed record RegimenEntry : WireEvidenced
{
    public required string Therapy { get; init; }
    public required string Preference { get; init; }
    public string? Category { get; init; }
    public string Condition { get => field ?? "any"; init; }
    public bool? NaiveOnly { get; init; }
    public required string Rationale { get; init; }
    public IReadOnlyList<string> References { get => field ?? []; init; }
}

internal sealed record Trial : WireSourced
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Drug { get; init; }
    public string? Driver { get; init; }
    public string? Comparator { get; init; }
    public string? Setting { get; init; }
    public string? Population { get; init; }
    public IReadOnlyList<TrialResult> Results { get => field ?? []; init; }
}

internal sealed record TrialResult : WireEvidenced
{
    public required string Endpoint { get; init; }
    public required string Value { get; init; }
    public string? Reference { get; init; }
}

internal sealed record Threshold : WireFact
{
    public required double Value { get; init; }
    public string? Unit { get; init; }
    public required string Meaning { get; init; }
}

internal sealed record RuleInfo : WireFact
{
    public required string Stage { get; init; }
    public required string Title { get; init; }
    public bool CitesRecordsRead { get; init; }
}

internal sealed record PanelGene : WireFact
{
    public required string Gene { get; init; }
    public required string Alteration { get; init; }
    public IReadOnlyList<string> AdequateNegativeMethods { get => field ?? []; init; }
    public CanonicalPartners? CanonicalPartners { get; init; }
}
