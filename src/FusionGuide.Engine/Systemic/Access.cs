using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Knowledge;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Systemic;

/// <summary>Regulatory standing of a drug in the case's region on the evaluation date.</summary>
internal enum Standing
{
    /// <summary>Approved for this gene and setting.</summary>
    Approved,
    /// <summary>Marketed in the region, but not for this gene or setting (off-label).</summary>
    OffLabel,
    /// <summary>Not approved in the region on the date.</summary>
    NotApproved,
    /// <summary>No source says: never guessed.</summary>
    Unknown,
    /// <summary>No region given, or a therapy without approvals (chemotherapy, trials).</summary>
    NotAssessed,
}

/// <summary>Availability at the site and regional approvals on the evaluation date.</summary>
internal static class Access
{
    public static bool UnavailableAtSite(Evaluation e, Therapy t, out string reason)
    {
        var ctx = e.Case.Context;
        if (ctx.Unavailable.Contains(t))
        {
            reason = "the site cannot obtain it (context.unavailable)";
            return true;
        }

        if (ctx.Available is { } available && !available.Contains(t))
        {
            reason = "it is not on the site's list of obtainable therapies (context.available)";
            return true;
        }

        reason = "";
        return false;
    }

    public static (Standing Standing, Approval? Record) StandingOf(Evaluation e, Drug drug, string gene, string setting)
    {
        if (e.Case.Context.Region is not { } region || region == Region.Other || drug.Kind != "targeted")
        {
            return (Standing.NotAssessed, null);
        }

        // One pass over the drug's approvals in this region and in force, in file order, keeping the first of each kind
        // the decision below asks for.
        var code = Codes.Region.Code(region);
        Approval? firstRecord = null, firstApprovedNow = null, forSetting = null, forFirstLine = null, firstNotApproved = null, firstApproved = null;
        foreach (var a in drug.Approvals)
        {
            if (a.Region != code || !KnowledgeBase.InForce(a, e.AsOf))
            {
                continue;
            }

            firstRecord ??= a;
            if (a.Status == "not-approved")
            {
                firstNotApproved ??= a;
            }

            if (a.Status != "approved")
            {
                continue;
            }

            firstApproved ??= a;
            if (a.Date is null || KnowledgeDate.Parse(a.Date) > e.AsOf)
            {
                continue;
            }

            firstApprovedNow ??= a;
            if (a.Gene == gene && Covers(a.Setting, setting))
            {
                forSetting ??= a;
            }
            else if (a.Gene == gene && setting == "subsequent" && a.Setting == "first-line")
            {
                forFirstLine ??= a;
            }
        }

        if ((forSetting ?? forFirstLine) is { } forIndication)
        {
            return (Standing.Approved, forIndication);
        }

        if (firstApprovedNow is not null)
        {
            return (Standing.OffLabel, firstApprovedNow);
        }

        var negative = firstNotApproved ?? firstApproved;
        return negative is not null ? (Standing.NotApproved, negative) : (Standing.Unknown, firstRecord);
    }

    // An approval covers its own setting; "advanced" covers every line of advanced disease but never adjuvant use.
    private static bool Covers(string approved, string setting) =>
        approved == setting || approved == "any" || (approved == "advanced" && setting is "first-line" or "subsequent");

    public static string Describe(Evaluation e, Standing standing, Approval? record, string drugName)
    {
        var region = e.Case.Context.Region is { } r ? Codes.Region.Code(r) : "the region";
        return standing switch
        {
            Standing.NotApproved when record?.Status == "approved" => $"{drugName} is not approved in {region} on {e.AsOfText} (approval dated {record.Date})",
            Standing.NotApproved => $"{drugName} is not approved in {region} as of {e.AsOfText}",
            Standing.OffLabel => $"{drugName} is marketed in {region} but not approved for this indication (off-label; guideline-supported)",
            Standing.Unknown => $"the approval status of {drugName} in {region} is not known to the knowledge base",
            _ => "",
        };
    }
}
