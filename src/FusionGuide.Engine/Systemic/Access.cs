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
    /// of this kinase (<paramref name="priorInhibitor"/>), who is then off-label for it. A subsequent-line approval written
    /// for use after named TKIs (<c>after</c>, <c>afterSequence</c>) covers a patient whose disease progressed on one of
    /// them (<paramref name="lastFailed"/>, after <paramref name="earlierFailed"/>); after another TKI it is off-label
    /// (lorlatinib in the EU after first-line brigatinib: its label names alectinib or ceritinib, or crizotinib then another).
    /// </summary>
    /// <remarks><paramref name="inRegion"/> asks about another jurisdiction than the case's (an approval elsewhere named
    /// when the case's region's standing is not known: LabelBasedOption).</remarks>
    public static (Standing Standing, Approval? Record) StandingOf(Evaluation e, Drug drug, Gene gene, ApprovalSetting setting, bool priorInhibitor = false,
        Therapy? lastFailed = null, IReadOnlyList<Therapy>? earlierFailed = null, IReadOnlyList<Therapy>? intolerantTo = null, Region? inRegion = null)
    {
        if ((inRegion ?? e.Case.Context.Region) is not { } region || region == Region.Other || !drug.IsTargeted)
        {
            return (Standing.NotAssessed, null);
        }

        // One pass over the drug's approvals in this region and in force, in file order, keeping the first of each kind
        // the decision below asks for.
        Approval? firstRecord = null, firstApprovedNow = null, forSetting = null, forFirstLine = null, firstNotApproved = null, firstApproved = null;
        Approval? naiveOnly = null, undated = null, otherSequence = null, unknownForSetting = null;
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

            if (a.Status == ApprovalStatus.Unknown && a.Gene == gene && Covers(a.Setting, setting))
            {
                // A record for exactly this use whose status is not known (taletrectinib first line in China): the drug
                // may be approved for it, so "off-label" (from another of its approvals) would be a guess.
                unknownForSetting ??= a;
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

            // A label written for use after a TKI "in patients who progressed on or are intolerant to" it covers a patient
            // who stopped that TKI for intolerance — whose setting stays first-line (contract 1.1): alectinib in the US in
            // 2016-2017 after crizotinib stopped for liver toxicity was called off-label "for another sequence".
            if (a.Gene == gene && a.Setting == ApprovalSetting.Subsequent && a.AfterIntolerance && setting is ApprovalSetting.FirstLine or ApprovalSetting.Subsequent &&
                intolerantTo is { Count: > 0 } && a.After.Any(intolerantTo.Contains))
            {
                forSetting ??= a;
                continue;
            }

            if (a.Gene == gene && setting == ApprovalSetting.Subsequent && a.Setting == ApprovalSetting.Subsequent && lastFailed is { } last
                && (a.After.Count > 0 || a.AfterSequence.Count > 0) && !a.WrittenForUseAfter(last, earlierFailed ?? []))
            {
                otherSequence ??= a;
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

        // Only while the drug is marketed in the region: before its first dated approval there, a record of unknown date
        // (a later label revision, ceritinib's broader CN indication) does not make it possibly approved.
        if (unknownForSetting is not null && firstApprovedNow is not null)
        {
            return (Standing.Unknown, unknownForSetting);
        }

        if ((otherSequence ?? naiveOnly ?? firstApprovedNow) is { } marketed)
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

    /// <summary>"alectinib or ceritinib, or crizotinib then brigatinib, alectinib or ceritinib".</summary>
    private static string AfterWords(Evaluation e, Approval a) => string.Join(", or ",
        new[] { a.After.Count > 0 ? Or(a.After.Select(e.Name).ToList()) : null }
            .Concat(a.AfterSequence.Select(s => $"{e.Name(s.First)} then {Or(s.Then.Select(e.Name).ToList())}"))
            .OfType<string>());

    private static string Or(List<string> names) => names.Count <= 1 ? string.Join("", names) : $"{string.Join(", ", names[..^1])} or {names[^1]}";

    // An approval covers the setting its label names; "advanced" covers every line of advanced disease but never
    // adjuvant use. "any" on an approval names no setting, so it covers none (the label always names one).
    private static bool Covers(ApprovalSetting approved, ApprovalSetting setting) =>
        approved == setting || (approved == ApprovalSetting.Advanced && setting is ApprovalSetting.FirstLine or ApprovalSetting.Subsequent);

    public static string Describe(Evaluation e, Standing standing, Approval? record, string drugName, bool guidelineSupported = true, Gene? gene = null, bool priorInhibitor = true)
    {
        var region = e.Case.Context.Region is { } r ? Codes.Region.Code(r) : "the region";
        var offLabel = guidelineSupported ? "off-label; guideline-supported" : "off-label";
        return standing switch
        {
            // The record that makes the drug marketed here is for another kinase (lorlatinib's EU approvals are for ALK):
            // its sequence words would read as a ROS1 approval the patient falls outside.
            Standing.OffLabel when record?.Gene is { } other && gene is { } mine && other != mine =>
                $"{drugName} is marketed in {region} for {other.Code()}-positive NSCLC but not approved for {mine.Code()}-positive disease ({offLabel})",
            // A label written only for use after a prior inhibitor, for a patient who has had none (lorlatinib in the EU
            // before its first-line approval).
            Standing.OffLabel when record is { Setting: ApprovalSetting.Subsequent } && !priorInhibitor =>
                $"{drugName}'s {region} approval in force on {e.AsOfText} is for use after a prior inhibitor, not for a patient who has had none: off-label here",
            Standing.NotApproved when record is { Status: ApprovalStatus.Approved, Date: not null } => $"{drugName} is not approved in {region} on {e.AsOfText} ({record.Dated()})",
            Standing.NotApproved => $"{drugName} is not approved in {region} as of {e.AsOfText}",
            Standing.OffLabel when record?.NaiveOnly == true => $"{drugName}'s {region} approval is limited to patients who have not had {(record.Gene == Gene.Alk ? "an ALK" : $"a {record.Gene?.Code()}")} inhibitor, and this patient has had one: off-label here",
            Standing.OffLabel when record is { Setting: ApprovalSetting.Subsequent } && (record.After.Count > 0 || record.AfterSequence.Count > 0) =>
                $"{drugName}'s {region} approval after a prior inhibitor is written for use after {AfterWords(e, record)}, which is not this patient's sequence: off-label here",
            Standing.OffLabel => $"{drugName} is marketed in {region} but not approved for this indication ({offLabel})",
            Standing.Unknown when record is { Status: ApprovalStatus.Approved, Date: null } => $"the approval status of {drugName} in {region} on {e.AsOfText} is not known: the knowledge base records an approval without its date",
            Standing.Unknown => $"the approval status of {drugName} in {region} is not known to the knowledge base",
            _ => "",
        };
    }
}
