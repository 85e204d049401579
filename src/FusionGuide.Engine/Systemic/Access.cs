using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
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

    /// <summary>
    /// The drug's standing for this gene and setting in the case's region on the evaluation date. An approval covers
    /// the setting its label names (advanced: every line of advanced disease, never adjuvant); one without a date leaves
    /// the standing unknown; one limited to inhibitor-naive patients does not cover a patient who has had an inhibitor
    /// of this kinase (<paramref name="priorInhibitor"/>), who is then off-label for it.
    /// </summary>
    public static (Standing Standing, Approval? Record) StandingOf(Evaluation e, Drug drug, Gene gene, ApprovalSetting setting, bool priorInhibitor = false)
    {
        if (e.Case.Context.Region is not { } region || region == Region.Other || !drug.IsTargeted)
        {
            return (Standing.NotAssessed, null);
        }

        // One pass over the drug's approvals in this region and in force, in file order, keeping the first of each kind
        // the decision below asks for.
        Approval? firstRecord = null, firstApprovedNow = null, forSetting = null, forFirstLine = null, firstNotApproved = null, firstApproved = null;
        Approval? naiveOnly = null, undated = null;
        foreach (var a in drug.Approvals)
        {
            if (a.Region != region || !a.Validity.Contains(e.AsOf))
            {
                continue;
            }

            firstRecord ??= a;
            if (a.Status == ApprovalStatus.NotApproved)
            {
                firstNotApproved ??= a;
            }

            if (a.Status != ApprovalStatus.Approved)
            {
                continue;
            }

            // A month-precision approval counts from the first day of the next month (ApprovalDates): inside its month it
            // is not yet approved here.
            if (a.Date is not { } approvedOn)
            {
                // Approved on an unknown day: whether it was in force on the evaluation date is not known.
                undated ??= a.Gene == gene ? a : null;
                continue;
            }

            firstApproved ??= a;
            if (approvedOn > e.AsOf)
            {
                continue;
            }

            firstApprovedNow ??= a;
            var covers = a.Gene == gene && (Covers(a.Setting, setting) || (setting == ApprovalSetting.Subsequent && a.Setting == ApprovalSetting.FirstLine));
            if (covers && priorInhibitor && a.NaiveOnly)
            {
                naiveOnly ??= a;
                continue;
            }

            if (a.Gene == gene && Covers(a.Setting, setting))
            {
                forSetting ??= a;
            }
            else if (covers)
            {
                forFirstLine ??= a;
            }
        }

        if ((forSetting ?? forFirstLine) is { } forIndication)
        {
            return (Standing.Approved, forIndication);
        }

        if ((naiveOnly ?? firstApprovedNow) is { } marketed)
        {
            return (Standing.OffLabel, marketed);
        }

        if (undated is not null)
        {
            return (Standing.Unknown, undated);
        }

        var negative = firstNotApproved ?? firstApproved;
        return negative is not null ? (Standing.NotApproved, negative) : (Standing.Unknown, firstRecord);
    }

    // An approval covers the setting its label names; "advanced" covers every line of advanced disease but never
    // adjuvant use. "any" on an approval names no setting, so it covers none (the label always names one).
    private static bool Covers(ApprovalSetting approved, ApprovalSetting setting) =>
        approved == setting || (approved == ApprovalSetting.Advanced && setting is ApprovalSetting.FirstLine or ApprovalSetting.Subsequent);

    public static string Describe(Evaluation e, Standing standing, Approval? record, string drugName)
    {
        var region = e.Case.Context.Region is { } r ? Codes.Region.Code(r) : "the region";
        return standing switch
        {
            Standing.NotApproved when record is { Status: ApprovalStatus.Approved, Date: not null } => $"{drugName} is not approved in {region} on {e.AsOfText} ({record.Dated()})",
            Standing.NotApproved => $"{drugName} is not approved in {region} as of {e.AsOfText}",
            Standing.OffLabel when record?.NaiveOnly == true => $"{drugName}'s {region} approval is limited to patients who have not had {(record.Gene == Gene.Alk ? "an ALK" : $"a {record.Gene?.Code()}")} inhibitor, and this patient has had one: off-label here",
            Standing.OffLabel => $"{drugName} is marketed in {region} but not approved for this indication (off-label; guideline-supported)",
            Standing.Unknown when record is { Status: ApprovalStatus.Approved, Date: null } => $"the approval status of {drugName} in {region} on {e.AsOfText} is not known: the knowledge base records an approval without its date",
            Standing.Unknown => $"the approval status of {drugName} in {region} is not known to the knowledge base",
            _ => "",
        };
    }
}
