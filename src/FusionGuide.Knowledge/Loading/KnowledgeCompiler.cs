using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;
using W = FusionGuide.Knowledge.Loading.Wire;

namespace FusionGuide.Knowledge.Loading;

/// <summary>
/// Turns the validated files into the typed snapshot: every term into its enumeration (with the codec the validator
/// checked it against, <see cref="Terms"/> and <see cref="Codes"/>), every date into a <see cref="DateOnly"/>, every
/// validFrom/validTo into a <see cref="Validity"/>, the provenance fields into one <see cref="Provenance"/>. Runs only
/// on a base without problems, so a parse here cannot fail.
/// </summary>
internal static class KnowledgeCompiler
{
    /// <summary>Compiles <paramref name="c"/>; <paramref name="provenance"/> is the same base with full provenance when <paramref name="c"/> is a runtime image.</summary>
    public static KnowledgeBase Compile(W.WireContent c, Lazy<KnowledgeBase>? provenance)
    {
        // Each reference is typed once; its short name, declared driver and date serve the records that cite it.
        List<Reference> references = [.. c.References.Select(Reference)];
        var shortNames = references.ToDictionary(r => r.Id, r => r.Label ?? r.Id, StringComparer.Ordinal);
        var declaredDriver = c.References.Where(r => r.Driver is not null).ToDictionary(r => r.Id, r => r.Driver!, StringComparer.Ordinal);
        // A guideline table starts no earlier than the FIRST day of its guideline's period (docs/knowledge-format.md).
        var published = references.ToDictionary(r => r.Id, r => r.EarliestDay, StringComparer.Ordinal);
        var content = new KnowledgeContent(
            new Manifest(c.Manifest.Version, KnowledgeDate.Parse(c.Manifest.ReleaseDate), c.Manifest.ContractVersion, c.Manifest.Title, c.Manifest.FormatVersion ?? 1),
            references,
            [.. c.Drugs.Select(Drug)],
            [.. c.Toxicity.Select(Toxicity)],
            [.. c.InteractionClasses.Select(cls => new InteractionClass(cls.Id, Terms.InteractionClass.Parse(cls.Class),
                [.. cls.Members.Select(m => new ClassMember(m.Name, m.Aliases, m.Verified is not null || m.Evidence.Count > 0 ? Of(m, []) : null))], Of(cls)))],
            [.. c.DrugInteractions.Select(Interactions)],
            [.. c.Resistance.Select(r => Resistance(r, shortNames, declaredDriver))],
            [.. c.OffTarget.Select(OffTarget)],
            [.. c.Regimens.Select(r => Regimen(r, published.GetValueOrDefault(r.Guideline)))],
            [.. c.Trials.Select(Trial)],
            [.. c.Thresholds.Select(t => new Threshold(t.Id, t.Value, t.Unit, t.Meaning, Of(t)))],
            [.. c.Rules.Select(r => new RuleInfo(r.Id, r.Stage, r.Title, Of(r)) { CitesRecordsRead = r.CitesRecordsRead })],
            [.. c.Panel.Select(p => new PanelGene(p.Id, Codes.Gene.Parse(p.Gene), Terms.PanelAlteration.Parse(p.Alteration),
                [.. p.AdequateNegativeMethods.Select(Codes.TestMethod.Parse)], Of(p))
            {
                CanonicalPartners = p.CanonicalPartners is { } cp ? new CanonicalFusionPartners(cp.Partners, Of(cp)) : null,
            })],
            [.. c.CarePathways.Select(p => new CarePathway(p.Id, Terms.CarePathway.Parse(p.Pathway), p.Title,
                [.. p.Steps.Select(s => new CareStep(s.Id, s.Text, s.Item, s.Schedule, Of(s), s.Option is { } o ? Terms.PathwayOption.Parse(o) : null))], Of(p)))],
            [.. c.Comedications.Select(Comedication)],
            [.. c.Reproductive.Select(r => new ReproductiveFacts(r.Id, Codes.Therapy.Parse(r.Drug),
                [.. r.Facts.Select(f => new ReproductiveFact(f.Id, Terms.ReproductiveTopic.Parse(f.Topic), Terms.Region.Parse(f.Region), f.Text, Of(f)))], Of(r)))]);
        return new KnowledgeBase(c, content, provenance);
    }

    private static Provenance Of(W.WireSourced w) => Of(w, w.Sources);

    private static Provenance Of(W.WireEvidenced w, IReadOnlyList<string> sources) =>
        new(sources, w.Verified != false, w.VerificationNote, [.. w.Evidence.Select(Evidence)],
            w.EvidenceLevel is { } level ? Terms.EvidenceLevel.Parse(level) : null, w.Notes)
        {
            Disputed = w.Disputed is { } d ? new Dispute(d.Summary, [.. d.Positions.Select(p => new DisputePosition(p.Value, [.. p.Evidence.Select(Evidence)]))]) : null,
        };

    private static Evidence Evidence(W.Evidence e) => new(e.Reference, e.Locator, e.Url, KnowledgeDate.Parse(e.Retrieved), e.Says);

    private static DateOnly? OptionalDate(string? s) => s is null ? null : KnowledgeDate.Parse(s);

    private static Validity Validity(string? from, string? to) => new(OptionalDate(from), OptionalDate(to));

    // The date stays as written (for display) and is typed once: its precision and the first day it is certainly published.
    private static Reference Reference(W.Reference r)
    {
        var dated = KnowledgeDate.TryParseReference(r.Date, out var d);
        return new(r.Id, r.ShortName, Terms.ReferenceKind.Parse(r.Kind), r.Citation, r.Date, r.SeedNumber, r.Url, r.Supersedes, Of(r, []),
            r.Driver is null ? null : Terms.Kinase.Parse(r.Driver))
        {
            DatePrecision = dated ? d.Precision : DatePrecision.Day,
            KnownFrom = dated ? d.KnownFrom : null,
            EarliestDay = dated ? d.First : null,
        };
    }

    private static Drug Drug(W.Drug d) => new(
        Codes.Therapy.Parse(d.Id), d.Name, d.Brands, Terms.DrugKind.Parse(d.Kind), [.. d.Targets.Select(Codes.Gene.Parse)], d.Generation,
        d.Cns is { } cns ? new CnsActivity(Terms.Cns.Parse(cns.Activity), cns.Rank,
            cns.RankByTarget?.ToDictionary(k => Codes.Gene.Parse(k.Key), k => k.Value), cns.Summary, Of(cns),
            cns.Setting is null ? null : Terms.TrialSetting.Parse(cns.Setting)) : null,
        [.. d.Approvals.Select(Approval)],
        [.. d.Dosing.Select(r => new DosingRegimen(r.Id, r.Start, r.LeadIn is { } l ? new LeadIn(l.Text, l.Days) : null, r.Reductions,
            r.AfterLastReduction, r.Food, Validity(r.ValidFrom, r.ValidTo), Of(r))
        {
            Region = r.Region is null ? null : Terms.Region.Parse(r.Region),
            AdvancedOnly = r.AdvancedOnly == true,
        })],
        [.. d.OrganAdjustments.Select(o => new OrganAdjustment(o.Id, Terms.Organ.Parse(o.Comorbidity), o.Criterion, o.Dose, o.Text,
            Validity(o.ValidFrom, o.ValidTo), Of(o)))],
        [.. d.Monitoring.Select(m => new MonitoringItem(m.Id, m.Item, m.Schedule, Of(m), m.Region is null ? null : Terms.Region.Parse(m.Region))
            { NotIn = [.. m.NotIn.Select(Codes.Histology.Parse)] })],
        d.KeyToxicities,
        [.. d.Cautions.Select(k => new Caution(k.Id, Codes.Comorbidity.Parse(k.Comorbidity), Terms.CautionEffect.Parse(k.Effect), k.Message, Of(k),
            k.Region is null ? null : Terms.Region.Parse(k.Region)) { NotIn = [.. k.NotIn.Select(Codes.Histology.Parse)] })],
        d.Place, [.. d.NotIn.Select(Codes.Histology.Parse)], Of(d))
    {
        PatientFactors = [.. d.PatientFactors.Select(f => new PatientFactorFact(f.Id, Terms.Factor.Parse(f.Factor), f.AtOrAbove,
            Terms.FactorEffect.Parse(f.Effect), f.Message, Of(f)))],
        Regimen = d.Regimen is { } r ? ChemoRegimen(r) : null,
        DosingNotRead = d.DosingNotRead,
    };

    // A month-precision date (YYYY-MM) counts from the first day of the next month (KnowledgeDate.ParseApproval).
    private static Approval Approval(W.Approval a)
    {
        var (date, precision) = a.Date is null ? ((DateOnly?)null, DatePrecision.Day) : KnowledgeDate.ParseApproval(a.Date);
        return new(a.Id, Terms.Region.Parse(a.Region), a.Gene is null ? null : Terms.Kinase.Parse(a.Gene), Terms.ApprovalSetting.Parse(a.Setting),
            Terms.ApprovalStatus.Parse(a.Status), a.NaiveOnly == true, date, Validity(a.ValidFrom, a.ValidTo), a.Indication, Of(a))
        {
            DatePrecision = precision,
            After = [.. a.After.Select(Codes.Therapy.Parse)],
            AfterSequence = [.. a.AfterSequence.Select(s => new ApprovalSequence(Codes.Therapy.Parse(s.First), [.. s.Then.Select(Codes.Therapy.Parse)]))],
            AfterIntolerance = a.AfterIntolerance == true,
        };
    }

    private static ChemoRegimen ChemoRegimen(W.ChemoRegimen r) => new(r.Id,
        [.. r.Components.Select(c => new RegimenComponent(c.Id, Terms.RegimenAgent.Parse(c.Agent), c.Dose, c.Route, c.Days,
            c.AlternativeTo is null ? null : Terms.RegimenAgent.Parse(c.AlternativeTo), Of(c)))],
        r.CycleDays, r.Induction, r.Maintenance is { } m ? new RegimenStep(m.Id, m.Text, Of(m)) : null,
        [.. r.Premedication.Select(s => new RegimenStep(s.Id, s.Text, Of(s)))], Of(r))
    {
        NotIn = [.. r.NotIn.Select(Codes.Histology.Parse)],
        Instead = r.InsteadSteps().Where(i => i.Histology is not null).ToDictionary(i => Codes.Histology.Parse(i.Histology!),
            i => new InsteadStep(new RegimenStep(i.Id, i.Text, Of(i)), i.SameChemotherapyAs is null ? null : Codes.Therapy.Parse(i.SameChemotherapyAs))),
    };

    private static ToxicityTable Toxicity(W.ToxicityTable t) => new(t.Id, Codes.Therapy.Parse(t.Drug),
        [.. t.Rules.Select(r => new ToxicityRule(r.Id, Codes.AdverseEventCode.Parse(r.Event), r.Grades, Codes.ToxicityAction.Parse(r.Action),
            Terms.Resume.Parse(r.Resume), r.Text, r.Supportive, r.Referrals,
            r.WithComedication is { } b ? new ComedicationBranch([.. b.Classes.Select(Terms.InteractionClass.Parse)], Codes.ToxicityAction.Parse(b.Action),
                Terms.Resume.Parse(b.Resume), b.Dose, b.Text) : null,
            Validity(r.ValidFrom, r.ValidTo), Of(r))
        {
            OnRecurrence = r.OnRecurrence is { } rec ? new RecurrenceBranch(Codes.ToxicityAction.Parse(rec.Action), Terms.Resume.Parse(rec.Resume), rec.Text) : null,
        })],
        Of(t));

    private static DrugInteractions Interactions(W.DrugInteractions di) => new(di.Id, Codes.Therapy.Parse(di.Drug),
        [.. di.Rules.Select(r => new InteractionRule(r.Id, r.Class is null ? null : Terms.InteractionClass.Parse(r.Class), r.Medication,
            r.Medication is null ? null : KnowledgeBase.NormaliseMedication(r.Medication), Codes.Severity.Parse(r.Severity), r.Advice, r.DoseChange,
            Validity(r.ValidFrom, r.ValidTo), Of(r)))],
        Of(di));

    private static Comedication Comedication(W.Comedication m) => new(m.Id, m.Name, m.Aliases, Terms.ComedicationGroup.Parse(m.Group),
        [.. m.Classes.Select(Terms.InteractionClass.Parse)],
        [.. m.Rules.Select(r => new ComedicationRule(r.Id, Terms.InteractionClass.Parse(r.TherapyClass), Codes.Severity.Parse(r.Severity), r.Advice,
            Validity(r.ValidFrom, r.ValidTo), Of(r)))],
        m.Swap is { } s ? new ComedicationSwap(s.Id, [.. s.To.Select(KnowledgeBase.NormaliseMedication)], [.. s.Reasons.Select(Terms.InteractionClass.Parse)], s.Text, Of(s)) : null,
        Of(m));

    /// <summary>
    /// A resistance row; each cell's citation names its sources except a study declared of the other kinase (a ROS1
    /// paper's remark on ALK G1202R stays in the cell's sources and evidence, but is never cited to a reader).
    /// </summary>
    private static ResistanceRow Resistance(W.ResistanceRow r, Dictionary<string, string> shortNames, Dictionary<string, string> declaredDriver) => new(r.Id, Terms.Kinase.Parse(r.Gene), r.Mutations,
        [.. r.Cells.Select(cell => new ResistanceCell(Codes.Therapy.Parse(cell.Drug), Terms.Activity.Parse(cell.Activity), cell.Ic50nM,
            cell.Basis is null ? null : Terms.Basis.Parse(cell.Basis), cell.EmergedOnDrug == true,
            (cell.Ic50nM is { } v ? $"IC50 {v:0.#} nM; " : "") + string.Join(", ", cell.Sources
                .Where(id => !declaredDriver.TryGetValue(id, out var g) || g == r.Gene)
                .Select(id => shortNames.GetValueOrDefault(id, id))),
            Of(cell)))],
        [.. r.Resensitises.Select(x => new Resensitisation(x.Id, Codes.Therapy.Parse(x.Drug), [.. x.After.Select(Codes.Therapy.Parse)], x.Summary, Of(x)))],
        Of(r))
    {
        SolventFront = r.SolventFront is { } marker ? Of(marker) : null,
        EnrichedInVariant = r.EnrichedInVariant is { } variant ? new FusionVariantEnrichment(variant.Variant, Of(variant)) : null,
    };

    private static OffTargetMechanism OffTarget(W.OffTargetMechanism o) => new(o.Id, o.Gene == "any" ? null : Terms.Kinase.Parse(o.Gene), o.Alteration,
        o.Transformation is null ? null : Codes.Transformation.Parse(o.Transformation), o.Approach,
        [.. o.Therapies.Select(t => new MechanismTherapy(Codes.Therapy.Parse(t.Therapy), Codes.Preference.Parse(t.Preference), t.Rationale, t.Notes))],
        Of(o))
    {
        Combinations = [.. o.Combinations.Select(x => new MechanismCombination(x.Id, Codes.Therapy.Parse(x.Therapy), Terms.CombinationUse.Parse(x.Use), x.Rationale, Of(x)))],
    };

    /// <summary>
    /// A table applies from its validFrom, but never before its guideline was published. A guideline dated only to the
    /// month or year counts from the first day of that period here (unlike SYS-DATE-001's findings): a placeholder year
    /// such as NCCN v2.2024's must not push its tables a whole year late, while a table's own validFrom still rules.
    /// </summary>
    private static Regimen Regimen(W.Regimen r, DateOnly? published)
    {
        var validity = Validity(r.ValidFrom, r.ValidTo);
        var from = validity.From is { } f && (published is not { } p || p <= f) ? f : published;
        return new Regimen(r.Id, r.Driver == "any" ? null : Terms.Kinase.Parse(r.Driver), Terms.RegimenSetting.Parse(r.Setting),
            [.. r.After.Select(Codes.Therapy.Parse)], r.Guideline, validity, validity with { From = from },
            [.. r.Entries.Select(e => new RegimenEntry(Codes.Therapy.Parse(e.Therapy), Codes.Preference.Parse(e.Preference), e.Category,
                Terms.Condition.Parse(e.Condition), e.NaiveOnly == true, e.Rationale, Of(e, e.References)))],
            Of(r))
        {
            NotCoded = [.. r.NotCoded.Select(u => new UncodedRegimen(u.Id, u.Regimens, Terms.Condition.Parse(u.Condition), Of(u, u.References)))],
        };
    }

    private static Trial Trial(W.Trial t) => new(t.Id, t.Name, t.Drug is null ? null : Codes.Therapy.Parse(t.Drug), t.Comparator,
        t.Driver is null ? null : Terms.Kinase.Parse(t.Driver), Terms.TrialSetting.TryParse(t.Setting, out var setting) ? setting : null, t.Population,
        [.. t.Results.Select(x => new TrialResult(Terms.Endpoint.Parse(x.Endpoint), x.Value, x.Reference, Of(x, [])))], Of(t));
}
