namespace FusionGuide.Knowledge.Loading.Wire;

/// <summary>The files as read, before the cross-record checks and the compiler.</summary>
internal sealed record WireContent(
    Manifest Manifest,
    IReadOnlyList<Reference> References,
    IReadOnlyList<Drug> Drugs,
    IReadOnlyList<ToxicityTable> Toxicity,
    IReadOnlyList<InteractionClass> InteractionClasses,
    IReadOnlyList<DrugInteractions> DrugInteractions,
    IReadOnlyList<ResistanceRow> Resistance,
    IReadOnlyList<OffTargetMechanism> OffTarget,
    IReadOnlyList<Regimen> Regimens,
    IReadOnlyList<Trial> Trials,
    IReadOnlyList<Threshold> Thresholds,
    IReadOnlyList<RuleInfo> Rules,
    IReadOnlyList<PanelGene> Panel,
    IReadOnlyList<CarePathway> CarePathways,
    IReadOnlyList<Comedication> Comedications,
    IReadOnlyList<ReproductiveFacts> Reproductive);
