using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Safety;

/// <summary>What one label says about a pair.</summary>
/// <param name="Severity">The label's severity.</param>
/// <param name="Advice">The label's advice.</param>
/// <param name="Mechanism">The class the rule is about, or <c>named-medication</c>.</param>
/// <param name="Whose">Whose label it is, in a sentence ("lorlatinib's", "lurasidone's").</param>
/// <param name="FromComedication">True when the co-medication's own label says it.</param>
/// <param name="Class">The class the rule is about (null for a rule naming the medication).</param>
/// <param name="References">Its sources.</param>
/// <param name="Disputes">
/// "sources disagree: …" for each fact the finding rests on whose sources disagree (<see cref="RowCaveats.Disputed"/>):
/// the label rule, and the medication's place in the class the rule is about (its class-file entry or its own record).
/// </param>
internal sealed record InteractionFinding(Severity Severity, string Advice, string Mechanism, string Whose, bool FromComedication, InteractionClassCode? Class, IReadOnlyList<string> References,
    IReadOnlyList<string> Disputes)
{
    /// <summary>The TKI label's dose change for the pair ("100 -> 75 mg once daily"), which the dosing row carries too.</summary>
    public string? DoseChange { get; init; }
}

/// <summary>
/// The pair's standing: the stricter severity of the two labels and whose label sets it. The interaction row and the
/// ranking rule SYS-PAT-MED-001 both take it from <see cref="InteractionFindings.Standing"/>, so they cannot disagree.
/// </summary>
/// <param name="Severity">The stricter of the two labels' severities.</param>
/// <param name="Whose">Whose label sets it, in a sentence ("lurasidone's", "ceritinib's").</param>
/// <param name="Findings">Every finding, the stricter first.</param>
internal sealed record PairStanding(Severity Severity, string Whose, IReadOnlyList<InteractionFinding> Findings);

/// <summary>A fact that places a medication in an interaction class: its entry in a class file, or its own co-medication record.</summary>
/// <param name="Provenance">The fact's sources and verification (a class-file entry without its own: the class file's, as kb audit counts it).</param>
/// <param name="Source">The class file's id, or the co-medication record's id.</param>
/// <param name="Member">The entry's name in the class file; null for a co-medication record.</param>
internal sealed record MembershipFact(Provenance Provenance, string Source, string? Member)
{
    /// <summary>Its knowledge id as <c>kb audit</c> lists it: <c>cyp3a-strong-inhibitors/darunavir</c>, or the record's id.</summary>
    public string Id => Member is null ? Source : $"{Source}/{Member}";
}

/// <summary>The two sides of a pair: the TKI's label (SAFE-INT-001) and the co-medication's own label (SAFE-INT-003).</summary>
internal static class InteractionFindings
{
    /// <summary>The stricter label wins (contraindicated before major before moderate …); null when neither label speaks.</summary>
    public static PairStanding? Standing(IReadOnlyList<InteractionFinding> findings)
    {
        if (findings.Count == 0)
        {
            return null;
        }

        var ordered = findings.OrderBy(f => f.Severity).ToList();
        return new PairStanding(ordered[0].Severity, ordered[0].Whose, ordered);
    }

    /// <summary>The pair's standing read quietly (no trace entries): how the ranking rule weighs a co-medication.</summary>
    public static PairStanding? StandingQuietly(Evaluation e, Therapy therapy, string generic, IReadOnlyList<InteractionClassCode> classes)
    {
        var findings = new List<InteractionFinding>();
        FromTherapyLabel(e, therapy, generic, classes, findings, Use.Quiet);
        FromComedicationLabel(e, therapy, generic, findings, Use.Quiet);
        return Standing(findings);
    }

    /// <summary>Every finding for <paramref name="therapy"/> with this medication, from both labels.</summary>
    public static IReadOnlyList<InteractionFinding> For(Evaluation e, Therapy therapy, string generic, IReadOnlyList<InteractionClassCode> classes)
    {
        var findings = new List<InteractionFinding>();
        FromTherapyLabel(e, therapy, generic, classes, findings, Use.Traced);
        FromComedicationLabel(e, therapy, generic, findings, Use.Traced);
        return findings;
    }

    /// <summary>
    /// The same findings without trace entries: how an alternative of a swap would fare with the therapy. The row's
    /// check sentence rests on them, so an unverified rule or class membership behind them is counted in the
    /// unverified-knowledge warning.
    /// </summary>
    public static IReadOnlyList<InteractionFinding> Quietly(Evaluation e, Therapy therapy, string generic)
    {
        var findings = new List<InteractionFinding>();
        FromTherapyLabel(e, therapy, generic, e.Kb.Medication(generic).Classes, findings, Use.Counted);
        FromComedicationLabel(e, therapy, generic, findings, Use.Counted);
        return findings;
    }

    /// <summary>
    /// What reading a pair leaves behind: nothing (a ranking look-up, SYS-PAT-MED-001, whose options get their own rows
    /// where it is counted), the unverified facts counted (a swap's check), or those counted and a trace entry (a row).
    /// </summary>
    private enum Use
    {
        Quiet,
        Counted,
        Traced,
    }

    /// <summary>
    /// SAFE-INT-001: the rules of <paramref name="therapy"/>'s table in force that apply to this medication: those naming
    /// it, or else those of its interaction classes (a label's named advice is more specific than its class's).
    /// </summary>
    private static void FromTherapyLabel(Evaluation e, Therapy therapy, string generic, IReadOnlyList<InteractionClassCode> classes, List<InteractionFinding> findings, Use use)
    {
        if (e.Kb.Interactions(therapy) is not { } table)
        {
            return;
        }

        var inForce = table.Rules.Where(r => r.Validity.Contains(e.AsOf)).ToList();
        var named = inForce.Any(r => r.MedicationKey == generic);
        foreach (var r in inForce.Where(r => named ? r.MedicationKey == generic : r.Class is { } c && classes.Contains(c)))
        {
            var mechanism = r.Class?.Code() ?? "named-medication";
            var membership = r.Class is { } cls ? Membership(e, cls, generic) : [];
            if (use != Use.Quiet)
            {
                e.UsedUnverified(r.Id, r.Provenance);
                UsedUnverified(e, membership);
            }

            if (use == Use.Traced)
            {
                var because = r.Medication is not null ? $"{generic} (named in the label)" : r.Class!.Value.Code();
                e.Fire(RuleIds.Interaction, $"{e.Name(therapy)} + {generic} ({because}): {r.Severity.Code()}. {r.FullAdvice}", r.Provenance.Sources);
            }

            findings.Add(new(r.Severity, r.FullAdvice, mechanism, $"{e.Name(therapy)}'s", false, r.Class, r.Provenance.Sources, Disputes(r.Provenance, membership)) { DoseChange = r.DoseChange });
        }
    }

    /// <summary>
    /// SAFE-INT-003: the co-medication's own label about a drug of one of the therapy's classes (lurasidone with a
    /// strong CYP3A inhibitor such as ceritinib: contraindicated). The therapy's classes are its entries in the class
    /// files (ceritinib among the strong CYP3A inhibitors, crizotinib among the QT-prolonging drugs).
    /// </summary>
    private static void FromComedicationLabel(Evaluation e, Therapy therapy, string generic, List<InteractionFinding> findings, Use use)
    {
        if (e.Kb.Comedication(generic) is not { } record)
        {
            return;
        }

        var therapyClasses = e.Kb.Medication(therapy.Code()).Classes;
        foreach (var r in record.Rules.Where(r => r.Validity.Contains(e.AsOf) && therapyClasses.Contains(r.TherapyClass)))
        {
            var whose = $"{record.Name}'s";
            // Here the row rests on the TKI's place in the class (ceritinib among the strong CYP3A inhibitors).
            var membership = Membership(e, r.TherapyClass, therapy.Code());
            if (use != Use.Quiet)
            {
                e.UsedUnverified(r.Id, r.Provenance);
                UsedUnverified(e, membership);
            }

            if (use == Use.Traced)
            {
                e.Fire(RuleIds.InteractionOwnLabel, $"{generic} + {e.Name(therapy)} ({e.Name(therapy)} is a {r.TherapyClass.Code()} drug): {r.Severity.Code()} by {whose} own label. {r.Advice}", r.Provenance.Sources);
            }

            findings.Add(new(r.Severity, r.Advice, $"{r.TherapyClass.Code()} (the TKI)", whose, true, r.TherapyClass, r.Provenance.Sources, Disputes(r.Provenance, membership)));
        }
    }

    /// <summary>
    /// The facts that place a medication in a class: its entry in the class file and its own co-medication record when
    /// that record lists the class (dexamethasone's strength as a CYP3A inducer is its record's).
    /// </summary>
    public static IReadOnlyList<MembershipFact> Membership(Evaluation e, InteractionClassCode cls, string generic)
    {
        var facts = new List<MembershipFact>();
        if (e.Kb.ClassEntry(cls, generic) is var (file, member))
        {
            facts.Add(new(member.Provenance ?? file.Provenance, file.Id, member.Name));
        }

        if (e.Kb.Comedication(generic) is { } record && record.Classes.Contains(cls))
        {
            facts.Add(new(record.Provenance, record.Id, null));
        }

        return facts;
    }

    /// <summary>
    /// A row decided through a class rests on the facts that place the medication (or the TKI) in that class as much
    /// as on the rule: an unverified one is counted in the unverified-knowledge warning (KB-UNVERIFIED-001) by its id.
    /// </summary>
    public static void UsedUnverified(Evaluation e, IReadOnlyList<MembershipFact> membership)
    {
        foreach (var f in membership)
        {
            if (!f.Provenance.Verified)
            {
                e.UsedUnverified(f.Id, f.Provenance);
            }
        }
    }

    /// <summary>"sources disagree: …" for each of the facts that is disputed, once each.</summary>
    private static IReadOnlyList<string> Disputes(Provenance rule, IEnumerable<MembershipFact> membership) =>
        [.. membership.Select(f => f.Provenance).Prepend(rule).Select(RowCaveats.Disputed).OfType<string>().Distinct(StringComparer.Ordinal)];
}
