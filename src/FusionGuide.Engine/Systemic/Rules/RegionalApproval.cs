using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic.Rules;

/// <summary>
/// SYS-ACCESS-002: a TKI not approved in the case's region on asOf is avoided, unless the site lists it as obtainable;
/// off-label and unknown standing are said in the option. Sources: the rule catalogue and the approval record.
/// </summary>
internal static class RegionalApproval
{
    public const string Id = "SYS-ACCESS-002";

    public static void Check(PlanState p, Candidate c, Drug drug)
    {
        // An investigational drug is said to be one (SYS-ACCESS-005), not "not approved in the region".
        if (!drug.IsTargeted || c.Activity == Activity.Resistant || Investigational.IsInvestigational(p.E, drug))
        {
            return;
        }

        var e = p.E;
        // A TKI of this kinase in the history (stopped for intolerance, the setting stays first-line) still counts for
        // labels limited to inhibitor-naive patients.
        var (standing, record) = p.Standing(drug);
        // "Guideline-supported" only for an option a guideline placed (an in-vitro genotype addition is not, nor an entry
        // of a table of expert options drawn from a resistance study: cabozantinib after repotrectinib, probe S23C).
        var guideline = c.Category is not null || (c.Source is { } source && e.Kb.Reference(source.Table.Guideline)?.Kind == ReferenceKind.Guideline);
        var text = Access.Describe(e, standing, record, p.Name(c.Therapy), guidelineSupported: guideline, gene: p.Kinase, priorInhibitor: p.PriorInhibitor);
        if (standing == Standing.OffLabel && record?.NaiveOnly == true)
        {
            LabelScope.OutsideApproval(p, text, record);
        }

        switch (standing)
        {
            case Standing.NotApproved when e.Case.Context.Available?.Contains(c.Therapy) != true:
                p.Avoid.Add(c.Therapy, text, record?.Provenance.Sources);
                e.Fire(Id, $"{text}.", record?.Provenance.Sources ?? []);
                break;
            case Standing.NotApproved:
                c.Notes.Add($"{text}, but the site lists it as obtainable");
                break;
            case Standing.OffLabel:
                c.Notes.Add(text);
                break;
            case Standing.Unknown:
                c.Notes.Add(text);
                e.Warn(WarningCodes.ApprovalUnknown, $"{char.ToUpperInvariant(text[0])}{text[1..]}: check local access before prescribing.");
                break;
            default:
                break;
        }
    }
}
