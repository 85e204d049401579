using FusionGuide.Domain;
using FusionGuide.Domain.Wire;

namespace FusionGuide.Knowledge.Model;

/// <summary>
/// The closed vocabularies of the knowledge files, each written once: the validator checks a file's term against the
/// codec (an unknown term is a KB005 load problem) and the compiler reads it into the typed value with the same codec.
/// Contract vocabularies (therapy, gene, histology …) are the domain's <see cref="Codes"/>.
/// </summary>
public static class Terms
{
    /// <summary><see cref="DrugKind"/>.</summary>
    public static EnumCodec<DrugKind> DrugKind => EnumCodec.Of<DrugKind>();

    /// <summary><see cref="CnsLevel"/>.</summary>
    public static EnumCodec<CnsLevel> Cns => EnumCodec.Of<CnsLevel>();

    /// <summary><see cref="ApprovalSetting"/>.</summary>
    public static EnumCodec<ApprovalSetting> ApprovalSetting => EnumCodec.Of<ApprovalSetting>();

    /// <summary><see cref="ApprovalStatus"/>.</summary>
    public static EnumCodec<ApprovalStatus> ApprovalStatus => EnumCodec.Of<ApprovalStatus>();

    /// <summary>The regions an approval may name (the contract's <c>other</c> is not one).</summary>
    public static readonly EnumCodec<Region> Region = EnumCodec.Subset(Domain.Region.US, Domain.Region.EU, Domain.Region.TR, Domain.Region.JP, Domain.Region.CN);

    /// <summary>The kinases of FusionGuide's scope.</summary>
    public static readonly EnumCodec<Gene> Kinase = EnumCodec.Subset(Gene.Alk, Gene.Ros1);

    /// <summary>The comorbidities an organ-function dose adjustment answers.</summary>
    public static readonly EnumCodec<Comorbidity> Organ = EnumCodec.Subset(Comorbidity.LiverImpairment, Comorbidity.RenalImpairment);

    /// <summary><see cref="Model.RegimenAgent"/>.</summary>
    public static EnumCodec<RegimenAgent> RegimenAgent => EnumCodec.Of<RegimenAgent>();

    /// <summary><see cref="Domain.CombinationUse"/>.</summary>
    public static EnumCodec<CombinationUse> CombinationUse => EnumCodec.Of<CombinationUse>();

    /// <summary><see cref="CautionEffect"/>.</summary>
    public static EnumCodec<CautionEffect> CautionEffect => EnumCodec.Of<CautionEffect>();

    /// <summary><see cref="PatientFactor"/>.</summary>
    public static EnumCodec<PatientFactor> Factor => EnumCodec.Of<PatientFactor>();

    /// <summary><see cref="FactorEffect"/>.</summary>
    public static EnumCodec<FactorEffect> FactorEffect => EnumCodec.Of<FactorEffect>();

    /// <summary><see cref="Resume"/>.</summary>
    public static EnumCodec<Resume> Resume => EnumCodec.Of<Resume>();

    /// <summary><see cref="CellActivity"/>.</summary>
    public static EnumCodec<CellActivity> Activity => EnumCodec.Of<CellActivity>();

    /// <summary><see cref="CellBasis"/>.</summary>
    public static EnumCodec<CellBasis> Basis => EnumCodec.Of<CellBasis>();

    /// <summary><see cref="RegimenSetting"/>.</summary>
    public static EnumCodec<RegimenSetting> RegimenSetting => EnumCodec.Of<RegimenSetting>();

    /// <summary><see cref="RegimenCondition"/>.</summary>
    public static EnumCodec<RegimenCondition> Condition => EnumCodec.Of<RegimenCondition>();

    /// <summary><see cref="TrialEndpoint"/>.</summary>
    public static EnumCodec<TrialEndpoint> Endpoint => EnumCodec.Of<TrialEndpoint>();

    /// <summary><see cref="TrialSetting"/>.</summary>
    public static EnumCodec<TrialSetting> TrialSetting => EnumCodec.Of<TrialSetting>();

    /// <summary><see cref="ReferenceKind"/>.</summary>
    public static EnumCodec<ReferenceKind> ReferenceKind => EnumCodec.Of<ReferenceKind>();

    /// <summary><see cref="EvidenceLevel"/>.</summary>
    public static EnumCodec<EvidenceLevel> EvidenceLevel => EnumCodec.Of<EvidenceLevel>();

    /// <summary><see cref="InteractionClassCode"/>.</summary>
    public static EnumCodec<InteractionClassCode> InteractionClass => EnumCodec.Of<InteractionClassCode>();

    /// <summary><see cref="Model.ComedicationGroup"/>.</summary>
    public static EnumCodec<ComedicationGroup> ComedicationGroup => EnumCodec.Of<ComedicationGroup>();

    /// <summary><see cref="PanelAlteration"/>.</summary>
    public static EnumCodec<PanelAlteration> PanelAlteration => EnumCodec.Of<PanelAlteration>();

    /// <summary><see cref="CarePathwayCode"/> (<c>knowledge/local/</c>).</summary>
    public static EnumCodec<CarePathwayCode> CarePathway => EnumCodec.Of<CarePathwayCode>();

    /// <summary><see cref="ReproductiveTopic"/> (<c>reproductive/</c>).</summary>
    public static EnumCodec<ReproductiveTopic> ReproductiveTopic => EnumCodec.Of<ReproductiveTopic>();

    /// <summary><see cref="PathwayOption"/> (a care step's <c>option</c>).</summary>
    public static EnumCodec<PathwayOption> PathwayOption => EnumCodec.Of<PathwayOption>();
}

/// <summary>A knowledge term as the files write it, for sentences that name it ("intracranial activity is high").</summary>
public static class TermCodes
{
    /// <summary>The file's code.</summary>
    public static string Code(this CnsLevel v) => Terms.Cns.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this RegimenAgent v) => Terms.RegimenAgent.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this CombinationUse v) => Terms.CombinationUse.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this CarePathwayCode v) => Terms.CarePathway.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this ReproductiveTopic v) => Terms.ReproductiveTopic.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this CellActivity v) => Terms.Activity.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this CautionEffect v) => Terms.CautionEffect.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this PatientFactor v) => Terms.Factor.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this RegimenCondition v) => Terms.Condition.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this RegimenSetting v) => Terms.RegimenSetting.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this TrialSetting v) => Terms.TrialSetting.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this InteractionClassCode v) => Terms.InteractionClass.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this ComedicationGroup v) => Terms.ComedicationGroup.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this Resume v) => Terms.Resume.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this ApprovalSetting v) => Terms.ApprovalSetting.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this ApprovalStatus v) => Terms.ApprovalStatus.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this ReferenceKind v) => Terms.ReferenceKind.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this TrialEndpoint v) => Terms.Endpoint.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this EvidenceLevel v) => Terms.EvidenceLevel.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this DrugKind v) => Terms.DrugKind.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this CellBasis v) => Terms.Basis.Code(v);
    /// <summary>The file's code.</summary>
    public static string Code(this PanelAlteration v) => Terms.PanelAlteration.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this Therapy v) => Codes.Therapy.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this Gene v) => Codes.Gene.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this Preference v) => Codes.Preference.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this Comorbidity v) => Codes.Comorbidity.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this Histology v) => Codes.Histology.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this Severity v) => Codes.Severity.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this ToxicityAction v) => Codes.ToxicityAction.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this AdverseEventCode v) => Codes.AdverseEventCode.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this Transformation v) => Codes.Transformation.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this Region v) => Codes.Region.Code(v);
    /// <summary>The contract code.</summary>
    public static string Code(this TestMethod v) => Codes.TestMethod.Code(v);
    /// <summary>A date as the files write it (YYYY-MM-DD).</summary>
    public static string Code(this DateOnly v) => Loading.KnowledgeDate.Format(v);
}
