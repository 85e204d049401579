using System.Text.RegularExpressions;
using FusionGuide.Domain;
using FusionGuide.Domain.Validation;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Knowledge.Loading;

/// <summary>Checks the whole knowledge base and lists every problem with its permanent code.</summary>
internal static partial class KnowledgeValidator
{
    private static readonly string[] Regions = ["US", "EU", "TR", "JP", "CN"];
    private static readonly string[] ApprovalSettings = ["first-line", "subsequent", "advanced", "adjuvant", "any", "other-indication"];
    private static readonly string[] EvidenceLevels = ["primary", "secondary"];
    private static readonly string[] CellBases = ["in-vitro", "clinical", "in-vitro-and-clinical"];
    private static readonly string[] ApprovalStatuses = ["approved", "not-approved", "unknown"];
    private static readonly string[] CnsLevels = ["high", "moderate", "low"];
    private static readonly string[] CautionEffects = ["deprioritise", "avoid", "warn"];
    private static readonly string[] Resumes = ["same", "reduced", "same-or-reduced", "none"];
    private static readonly string[] Activities = ["sensitive", "intermediate", "resistant"];
    private static readonly string[] RegimenSettings = ["first-line", "subsequent", "post-targeted", "adjuvant", "small-cell"];
    private static readonly string[] Conditions = ["any", "brain-metastases", "preferred-unavailable", "genotype-directed", "cns-progression", "nonsquamous", "extensive-stage"];
    private static readonly string[] Endpoints = ["PFS", "OS", "ORR", "IC-ORR", "IC-PFS", "DFS", "CNS-DFS", "DOR"];
    private static readonly string[] ReferenceKinds = ["trial", "label", "guideline", "review", "study", "regulatory", "other"];
    private static readonly string[] Kinases = ["ALK", "ROS1"];

    /// <summary>Interaction classes the engine understands.</summary>
    internal static readonly string[] InteractionClassCodes =
    [
        "cyp3a-strong-inhibitor", "cyp3a-moderate-inhibitor", "cyp3a-strong-inducer", "cyp3a-moderate-inducer",
        "qt-prolonging", "bradycardic", "pgp-inhibitor", "hormonal-contraceptive", "acid-reducing", "cyp3a-sensitive-substrate",
    ];

    public static void Validate(KnowledgeContent c, List<KnowledgeProblem> problems)
    {
        var v = new Checker(c, problems);
        v.Manifest();
        foreach (var r in c.References)
        {
            v.Reference(r);
        }

        foreach (var d in c.Drugs)
        {
            v.Drug(d);
        }

        foreach (var t in c.Toxicity)
        {
            v.Toxicity(t);
        }

        foreach (var cls in c.InteractionClasses)
        {
            v.InteractionClass(cls);
        }

        foreach (var di in c.DrugInteractions)
        {
            v.DrugInteractions(di);
        }

        foreach (var r in c.Resistance)
        {
            v.Resistance(r);
        }

        foreach (var o in c.OffTarget)
        {
            v.OffTarget(o);
        }

        foreach (var r in c.Regimens)
        {
            v.Regimen(r);
        }

        foreach (var t in c.Trials)
        {
            v.Trial(t);
        }

        foreach (var t in c.Thresholds)
        {
            v.Sourced($"thresholds/{t.Id}.json", t);
        }

        foreach (var r in c.Rules)
        {
            v.Rule(r);
        }

        foreach (var p in c.Panel)
        {
            v.Panel(p);
        }

        v.Completeness();
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\b(doi|pmid)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ResolvableCitation();

    [GeneratedRegex("^[A-Z]+(-[A-Z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPattern();

    private sealed class Checker(KnowledgeContent c, List<KnowledgeProblem> problems)
    {
        private readonly HashSet<string> referenceIds = [.. c.References.Select(r => r.Id)];
        private readonly Dictionary<string, string> seenIds = new(StringComparer.Ordinal);

        // Format 2 (release 2026.12.0 on) requires evidence on every verified fact and resolvable references; older
        // releases still load (kb diff against them).
        private bool FormatTwo => c.Manifest.FormatVersion >= 2;

        public void Manifest()
        {
            if (!KnowledgeDate.TryParse(c.Manifest.ReleaseDate, out _))
            {
                Add(KnowledgeCodes.BadManifest, "manifest.json", $"releaseDate '{c.Manifest.ReleaseDate}' is not YYYY-MM-DD");
            }

            if (string.IsNullOrWhiteSpace(c.Manifest.Version))
            {
                Add(KnowledgeCodes.BadManifest, "manifest.json", "version is empty");
            }
        }

        public void Reference(Reference r)
        {
            var file = $"references/{r.Id}.json";
            Id(file, r.Id);
            Term(file, "kind", r.Kind, ReferenceKinds);
            OptionalDate(file, "date", r.Date);
            if (r.Supersedes is not null && !referenceIds.Contains(r.Supersedes))
            {
                Add(KnowledgeCodes.DanglingReference, file, $"supersedes '{r.Supersedes}', which is not in references/");
            }

            Provenance(file, r.Id, r);
            if (FormatTwo && r.Verified != false && r.Url is null && !ResolvableCitation().IsMatch(r.Citation))
            {
                Add(KnowledgeCodes.UnresolvableReference, file, $"{r.Id} is verified but a reader cannot find it: give its url, or a DOI or PMID in the citation");
            }
        }

        public void Drug(Drug d)
        {
            var file = $"drugs/{d.Id}.json";
            Id(file, d.Id);
            Term(file, "id", d.Id, Codes.Therapy.Codes);
            Term(file, "kind", d.Kind, ["targeted", "other"]);
            Sourced(file, d.Id, d.Sources, d);
            foreach (var t in d.Targets)
            {
                Term(file, "targets", t, Codes.Gene.Codes);
            }

            foreach (var h in d.NotIn)
            {
                Term(file, "notIn", h, Codes.Histology.Codes);
            }

            if (d.Cns is { } cns)
            {
                Term(file, "cns.activity", cns.Activity, CnsLevels);
                Sourced(file, $"{d.Id} cns", cns.Sources, cns);
            }

            foreach (var a in d.Approvals)
            {
                Sourced(file, a);
                Term(file, "approvals.region", a.Region, Regions);
                Term(file, "approvals.setting", a.Setting, ApprovalSettings);
                Term(file, "approvals.status", a.Status, ApprovalStatuses);
                if (a.Gene is not null)
                {
                    Term(file, "approvals.gene", a.Gene, Kinases);
                }

                OptionalDate(file, $"{a.Id}.date", a.Date);
                Dated(file, a.Id, a);

                if (a.Status == "approved" && a.Date is null && a.Verified != false)
                {
                    Add(KnowledgeCodes.BadDate, file, $"{a.Id}: an approval needs its date");
                }
            }

            foreach (var r in d.Dosing)
            {
                Sourced(file, r);
                Dated(file, r.Id, r);
            }

            NoOverlap(file, d.Dosing);
            foreach (var o in d.OrganAdjustments)
            {
                Sourced(file, o);
                Term(file, "organAdjustments.comorbidity", o.Comorbidity, ["liver-impairment", "renal-impairment"]);
                Dated(file, o.Id, o);
            }

            foreach (var m in d.Monitoring)
            {
                Sourced(file, m);
            }

            foreach (var k in d.Cautions)
            {
                Sourced(file, k);
                Term(file, "cautions.comorbidity", k.Comorbidity, Codes.Comorbidity.Codes);
                Term(file, "cautions.effect", k.Effect, CautionEffects);
            }

            if (d.Kind == "targeted" && (d.Dosing.Count == 0 || d.Dosing.Any(r => string.IsNullOrWhiteSpace(r.Start) || r.Reductions.Count == 0)))
            {
                Add(KnowledgeCodes.DrugWithoutDose, file, "a targeted drug needs a start dose and its reduction ladder");
            }
        }

        public void Toxicity(ToxicityTable t)
        {
            var file = $"toxicity/{t.Id}.json";
            Id(file, t.Id);
            Term(file, "drug", t.Drug, Codes.Therapy.Codes);
            Refs(file, t.Id, t.Sources);
            Provenance(file, t.Id, t, isFact: false);
            foreach (var r in t.Rules)
            {
                Sourced(file, r);
                Dated(file, r.Id, r);
                Term(file, $"{r.Id}.event", r.Event, Codes.AdverseEventCode.Codes);
                Term(file, $"{r.Id}.action", r.Action, Codes.ToxicityAction.Codes);
                Term(file, $"{r.Id}.resume", r.Resume, Resumes);
                Consistent(file, r.Id, r.Action, r.Resume);
                if (r.WithComedication is { } branch)
                {
                    Term(file, $"{r.Id}.withComedication.action", branch.Action, Codes.ToxicityAction.Codes);
                    Term(file, $"{r.Id}.withComedication.resume", branch.Resume, Resumes);
                    Consistent(file, $"{r.Id}.withComedication", branch.Action, branch.Resume);
                    if (branch.Classes.Count == 0)
                    {
                        Add(KnowledgeCodes.MissingRequired, file, $"{r.Id}.withComedication names no interaction class");
                    }

                    foreach (var cls in branch.Classes)
                    {
                        Term(file, $"{r.Id}.withComedication.classes", cls, InteractionClassCodes);
                    }
                }

                if (r.Grades.Count == 0 || r.Grades.Any(g => g is < 1 or > 4))
                {
                    Add(KnowledgeCodes.UnknownTerm, file, $"{r.Id}: grades must be CTCAE 1–4 (grade 5 is reported, never managed)");
                }
            }

            // One event and grade must lead to one rule on any day, or the answer depends on file order.
            foreach (var clash in t.Rules.SelectMany(r => r.Grades.Select(g => (r, g))).GroupBy(x => (x.r.Event, x.g)).Where(g => g.Count() > 1))
            {
                var rs = clash.Select(x => x.r).ToList();
                for (var i = 0; i < rs.Count; i++)
                {
                    for (var j = i + 1; j < rs.Count; j++)
                    {
                        if (Overlaps(rs[i], rs[j]))
                        {
                            Add(KnowledgeCodes.OverlappingValidity, file, $"{rs[i].Id} and {rs[j].Id} both answer {clash.Key.Event} grade {clash.Key.g}");
                        }
                    }
                }
            }
        }

        public void InteractionClass(InteractionClass cls)
        {
            var file = $"interactions/classes/{cls.Id}.json";
            Id(file, cls.Id);
            Term(file, "class", cls.Class, InteractionClassCodes);
            Sourced(file, cls.Id, cls.Sources, cls);
            foreach (var m in cls.Members)
            {
                // A member with no verification fields of its own is covered by its class's evidence.
                Provenance(file, $"{cls.Id}/{m.Name}", m, isFact: m.Verified is not null || m.Evidence.Count > 0);
            }

            if (cls.Members.Count == 0)
            {
                Add(KnowledgeCodes.MissingRequired, file, "a class needs members");
            }
        }

        public void DrugInteractions(DrugInteractions di)
        {
            var file = $"interactions/drugs/{di.Id}.json";
            Id(file, di.Id);
            Term(file, "drug", di.Drug, Codes.Therapy.Codes);
            Provenance(file, di.Id, di, isFact: false);
            foreach (var r in di.Rules)
            {
                Sourced(file, r);
                Dated(file, r.Id, r);
                Term(file, $"{r.Id}.severity", r.Severity, Codes.Severity.Codes);
                if (r.Class is null && r.Medication is null)
                {
                    Add(KnowledgeCodes.MissingRequired, file, $"{r.Id}: a rule names a class or a medication");
                }

                if (r.Class is not null)
                {
                    Term(file, $"{r.Id}.class", r.Class, InteractionClassCodes);
                }
            }
        }

        public void Resistance(ResistanceRow r)
        {
            var file = $"resistance/mutations/{r.Id}.json";
            Id(file, r.Id);
            Term(file, "gene", r.Gene, Kinases);
            Refs(file, r.Id, r.Sources);
            Provenance(file, r.Id, r, isFact: false);
            if (r.Mutations.Count == 0)
            {
                Add(KnowledgeCodes.MissingRequired, file, "a row needs its mutation(s)");
            }

            foreach (var m in r.Mutations)
            {
                if (MutationNotation.Normalise(m).Mutation != m)
                {
                    Add(KnowledgeCodes.UnknownTerm, file, $"mutation '{m}' is not in normalised one-letter form");
                }
            }

            foreach (var cell in r.Cells)
            {
                Term(file, "cells.drug", cell.Drug, Codes.Therapy.Codes);
                Term(file, $"cells[{cell.Drug}].activity", cell.Activity, Activities);
                if (cell.Basis is not null)
                {
                    Term(file, $"cells[{cell.Drug}].basis", cell.Basis, CellBases);
                }

                if (cell.Sources.Count == 0)
                {
                    Add(KnowledgeCodes.CellWithoutSource, file, $"the {cell.Drug} cell cites no source");
                }

                Refs(file, $"{r.Id}/{cell.Drug}", cell.Sources);
                Provenance(file, $"{r.Id}/{cell.Drug}", cell);
            }

            foreach (var back in r.Resensitises)
            {
                Sourced(file, back);
                Term(file, $"{back.Id}.drug", back.Drug, Codes.Therapy.Codes);
                foreach (var after in back.After)
                {
                    Term(file, $"{back.Id}.after", after, Codes.Therapy.Codes);
                }

                if (r.Cells.FirstOrDefault(x => x.Drug == back.Drug) is { Activity: "resistant" })
                {
                    Add(KnowledgeCodes.SelfContradiction, file, $"{back.Id}: {back.Drug} is recorded as re-sensitised, but its cell says resistant");
                }
            }
        }

        public void OffTarget(OffTargetMechanism o)
        {
            var file = $"resistance/off-target/{o.Id}.json";
            Id(file, o.Id);
            Term(file, "gene", o.Gene, ["ALK", "ROS1", "any"]);
            Sourced(file, o.Id, o.Sources, o);
            if ((o.Alteration is null) == (o.Transformation is null))
            {
                Add(KnowledgeCodes.MissingRequired, file, "a mechanism names exactly one of alteration or transformation");
            }

            if (o.Alteration is not null)
            {
                Term(file, "alteration", o.Alteration, Alterations.Known);
            }

            if (o.Transformation is not null)
            {
                Term(file, "transformation", o.Transformation, Codes.Transformation.Codes);
            }

            foreach (var t in o.Therapies)
            {
                Term(file, "therapies.therapy", t.Therapy, Codes.Therapy.Codes);
                Term(file, "therapies.preference", t.Preference, Codes.Preference.Codes);
            }
        }

        public void Regimen(Regimen r)
        {
            var file = $"regimens/{r.Id}.json";
            Id(file, r.Id);
            // A small-cell carcinoma is treated by the SCLC guideline whatever fusion it carries: its table names no kinase.
            Term(file, "driver", r.Driver, r.Setting == "small-cell" ? ["any"] : Kinases);
            Term(file, "setting", r.Setting, RegimenSettings);
            Dated(file, r.Id, r);
            Refs(file, r.Id, [r.Guideline]);
            Sourced(file, r.Id, r.Sources, r);
            foreach (var a in r.After)
            {
                Term(file, "after", a, Codes.Therapy.Codes);
            }

            foreach (var e in r.Entries)
            {
                Term(file, "entries.therapy", e.Therapy, Codes.Therapy.Codes);
                Term(file, $"entries[{e.Therapy}].preference", e.Preference, Codes.Preference.Codes);
                Term(file, $"entries[{e.Therapy}].condition", e.Condition, Conditions);
                Refs(file, $"{r.Id}/{e.Therapy}", e.References);
                Provenance(file, $"{r.Id}/{e.Therapy}", e);
            }
        }

        public void Trial(Trial t)
        {
            var file = $"trials/{t.Id}.json";
            Id(file, t.Id);
            Sourced(file, t.Id, t.Sources, t);
            if (t.Drug is not null)
            {
                Term(file, "drug", t.Drug, Codes.Therapy.Codes);
            }

            foreach (var res in t.Results)
            {
                Term(file, "results.endpoint", res.Endpoint, Endpoints);
                if (res.Reference is not null)
                {
                    Refs(file, t.Id, [res.Reference]);
                }

                Provenance(file, $"{t.Id}/{res.Endpoint}", res);
            }
        }

        public void Rule(RuleInfo r)
        {
            var file = $"rules/{r.Id}.json";
            if (!RuleIdPattern().IsMatch(r.Id))
            {
                Add(KnowledgeCodes.BadId, file, $"rule id '{r.Id}' must look like DX-FISH-001");
            }

            Unique(file, r.Id);
            Sourced(file, r.Id, r.Sources, r, isFact: false);
        }

        public void Panel(PanelGene p)
        {
            var file = $"diagnostics/panel/{p.Id}.json";
            Sourced(file, p);
            Term(file, "gene", p.Gene, Codes.Gene.Codes);
            Term(file, "alteration", p.Alteration, ["fusion", "mutation"]);
            foreach (var m in p.AdequateNegativeMethods)
            {
                Term(file, "adequateNegativeMethods", m, Codes.TestMethod.Codes);
            }
        }

        public void Completeness()
        {
            var drugIds = c.Drugs.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var therapy in Codes.Therapy.Codes.Where(t => !drugIds.Contains(t)))
            {
                Add(KnowledgeCodes.MissingRequired, "drugs/", $"no record for the contract therapy '{therapy}'");
            }

            var toxDrugs = c.Toxicity.Select(t => t.Drug).ToHashSet(StringComparer.Ordinal);
            foreach (var d in c.Drugs.Where(d => d.Kind == "targeted" && d.Targets.Count > 0 && !toxDrugs.Contains(d.Id)))
            {
                Add(KnowledgeCodes.MissingRequired, "toxicity/", $"no toxicity table for the targeted drug '{d.Id}'");
            }
        }

        public void Sourced(string file, ISourced s) => Sourced(file, s.Id, s.Sources, s, checkId: true);

        private void Sourced(string file, string what, IReadOnlyList<string> sources, IEvidenced fact, bool checkId = false, bool isFact = true)
        {
            if (checkId)
            {
                Id(file, what);
            }

            if (sources.Count == 0)
            {
                Add(KnowledgeCodes.WithoutSource, file, $"{what} cites no source");
            }

            Refs(file, what, sources);
            Provenance(file, what, fact, isFact);
        }

        private void Refs(string file, string what, IEnumerable<string> ids)
        {
            foreach (var id in ids.Where(id => !referenceIds.Contains(id)))
            {
                Add(KnowledgeCodes.DanglingReference, file, $"{what} cites '{id}', which is not in references/");
            }
        }

        // A verified fact says where it was read; an unverified one says what was searched (docs/knowledge-format.md).
        // Containers (a toxicity table, a mutation row) and rule-catalogue entries may carry evidence but are not facts:
        // only facts must be either verified with evidence or unverified with a note.
        private void Provenance(string file, string what, IEvidenced fact, bool isFact = true)
        {
            if (isFact && FormatTwo && fact.Verified != false && fact.Evidence.Count == 0)
            {
                Add(KnowledgeCodes.VerifiedWithoutEvidence, file, $"{what} counts as verified but records no evidence: add where it was read (evidence) or mark it verified: false with what was searched");
            }

            if (fact.Verified == false && string.IsNullOrWhiteSpace(fact.VerificationNote))
            {
                Add(KnowledgeCodes.UnverifiedWithoutNote, file, $"{what} is marked unverified but does not say what is missing");
            }

            if (fact.EvidenceLevel is { } level && !EvidenceLevels.Contains(level))
            {
                Add(KnowledgeCodes.UnknownTerm, file, $"{what}: evidenceLevel '{level}' is not one of {string.Join(", ", EvidenceLevels)}");
            }

            foreach (var ev in fact.Evidence)
            {
                Evidence(file, what, ev);
            }

            if (fact.Verified != false && fact.EvidenceLevel == "secondary"
                && fact.Evidence.Select(ev => ev.Url).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                Add(KnowledgeCodes.WeakEvidence, file, $"{what} is verified on secondary evidence, which needs two independent sources (two evidence items with different addresses)");
            }
        }

        private void Evidence(string file, string what, Evidence ev)
        {
            if (!referenceIds.Contains(ev.Reference))
            {
                Add(KnowledgeCodes.DanglingReference, file, $"{what}: evidence cites '{ev.Reference}', which is not in references/");
            }

            if (string.IsNullOrWhiteSpace(ev.Locator) || string.IsNullOrWhiteSpace(ev.Says))
            {
                Add(KnowledgeCodes.WeakEvidence, file, $"{what}: evidence from '{ev.Reference}' needs a locator and what it says");
            }

            if (!Uri.TryCreate(ev.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            {
                Add(KnowledgeCodes.WeakEvidence, file, $"{what}: evidence url '{ev.Url}' is not an http(s) address");
            }

            if (!KnowledgeDate.TryParse(ev.Retrieved, out _))
            {
                Add(KnowledgeCodes.BadDate, file, $"{what}: evidence retrieved '{ev.Retrieved}' is not YYYY-MM-DD");
            }
        }

        private void Id(string file, string id)
        {
            if (!IdPattern().IsMatch(id))
            {
                Add(KnowledgeCodes.BadId, file, $"id '{id}' must be lower-case kebab-case");
            }

            Unique(file, id);
        }

        private void Unique(string file, string id)
        {
            if (!seenIds.TryAdd(id, file))
            {
                Add(KnowledgeCodes.DuplicateId, file, $"id '{id}' is also used in {seenIds[id]}");
            }
        }

        private void Term(string file, string field, string? value, IReadOnlyList<string> allowed)
        {
            if (value is null || !allowed.Contains(value))
            {
                Add(KnowledgeCodes.UnknownTerm, file, $"{field} '{value}' is not one of {string.Join(", ", allowed)}");
            }
        }

        private void OptionalDate(string file, string field, string? date)
        {
            if (date is not null && !KnowledgeDate.TryParse(date, out _))
            {
                Add(KnowledgeCodes.BadDate, file, $"{field} '{date}' is not YYYY-MM-DD");
            }
        }

        private void Dated(string file, string what, IDated d)
        {
            OptionalDate(file, $"{what}.validFrom", d.ValidFrom);
            OptionalDate(file, $"{what}.validTo", d.ValidTo);
            if (KnowledgeDate.TryParse(d.ValidFrom, out var from) && KnowledgeDate.TryParse(d.ValidTo, out var to) && to <= from)
            {
                Add(KnowledgeCodes.BadDate, file, $"{what}: validTo {d.ValidTo} is not after validFrom {d.ValidFrom}");
            }
        }

        private void NoOverlap<T>(string file, IReadOnlyList<T> facts) where T : IDated, ISourced
        {
            for (var i = 0; i < facts.Count; i++)
            {
                for (var j = i + 1; j < facts.Count; j++)
                {
                    if (Overlaps(facts[i], facts[j]))
                    {
                        Add(KnowledgeCodes.OverlappingValidity, file, $"{facts[i].Id} and {facts[j].Id} are both in force on some day");
                    }
                }
            }
        }

        private static bool Overlaps(IDated a, IDated b)
        {
            static DateOnly From(string? s) => KnowledgeDate.TryParse(s, out var d) ? d : DateOnly.MinValue;
            static DateOnly To(string? s) => KnowledgeDate.TryParse(s, out var d) ? d : DateOnly.MaxValue;
            return From(a.ValidFrom) < To(b.ValidTo) && From(b.ValidFrom) < To(a.ValidTo);
        }

        /// <summary>A rule that resumes at a reduced dose must reduce it, and a reducing action must resume reduced.</summary>
        private void Consistent(string file, string what, string action, string resume)
        {
            var reduces = action is "hold-then-reduce" or "reduce";
            if ((resume == "reduced") != reduces)
            {
                Add(KnowledgeCodes.SelfContradiction, file, $"{what}: action '{action}' does not agree with resume '{resume}' (a reduced dose needs hold-then-reduce or reduce, and those resume reduced)");
            }
        }

        private void Add(string code, string file, string message) => problems.Add(new(code, file, message));
    }
}
