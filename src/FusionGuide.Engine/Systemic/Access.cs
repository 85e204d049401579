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

        var code = Codes.Region.Code(region);
        var records = drug.Approvals.Where(a => a.Region == code && KnowledgeBase.InForce(a, e.AsOf)).ToList();
        var approvedNow = records.Where(a => a.Status == "approved" && a.Date is not null && KnowledgeDate.Parse(a.Date) <= e.AsOf).ToList();
        var forIndication = approvedNow.FirstOrDefault(a => a.Gene == gene && (a.Setting == setting || a.Setting == "any"))
            ?? approvedNow.FirstOrDefault(a => a.Gene == gene && setting == "subsequent" && a.Setting == "first-line");
        if (forIndication is not null)
        {
            return (Standing.Approved, forIndication);
        }

        if (approvedNow.Count > 0)
        {
            return (Standing.OffLabel, approvedNow[0]);
        }

        var negative = records.FirstOrDefault(a => a.Status == "not-approved")
            ?? records.FirstOrDefault(a => a.Status == "approved");
        return negative is not null ? (Standing.NotApproved, negative) : (Standing.Unknown, records.FirstOrDefault());
    }

    public static string Describe(Evaluation e, Standing standing, Approval? record, string drugName)
    {
        var region = e.Case.Context.Region is { } r ? Codes.Region.Code(r) : "the region";
        return standing switch
        {
            Standing.NotApproved when record?.Status == "approved" => $"{drugName} is not approved in {region} on {e.AsOf:yyyy-MM-dd} (approval dated {record.Date})",
            Standing.NotApproved => $"{drugName} is not approved in {region} as of {e.AsOf:yyyy-MM-dd}",
            Standing.OffLabel => $"{drugName} is marketed in {region} but not approved for this indication (off-label; guideline-supported)",
            Standing.Unknown => $"the approval status of {drugName} in {region} is not known to the knowledge base",
            _ => "",
        };
    }
}
