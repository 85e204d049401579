using FusionGuide.Domain;
using FusionGuide.Domain.Validation;
using FusionGuide.Knowledge.Loading.Wire;
using Terms = FusionGuide.Knowledge.Model.Terms;

namespace FusionGuide.Knowledge.Loading;

/// <summary>The checks of each kind of record (the shared checks are in KnowledgeValidator.cs).</summary>
internal static partial class KnowledgeValidator
{
    private sealed partial class Checker
    {
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
            Term(file, "kind", r.Kind, Terms.ReferenceKind.Codes);
            if (r.Driver is not null)
            {
                Term(file, "driver", r.Driver, Terms.Kinase.Codes);
            }

            ReferenceDate(file, r.Date);
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
            Term(file, "kind", d.Kind, Terms.DrugKind.Codes);
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
                Term(file, "cns.activity", cns.Activity, Terms.Cns.Codes);
                // The summary's figures are quoted only for a case in their setting (issue #20 item 7): a summary says which
                // (format 2; a format-1 release's summaries are never quoted).
                if ((FormatTwo && cns.Summary is not null) || cns.Setting is not null)
                {
                    Term(file, "cns.setting", cns.Setting, Terms.TrialSetting.Codes);
                }

                Sourced(file, $"{d.Id} cns", cns.Sources, cns);
            }

            foreach (var a in d.Approvals)
            {
                Sourced(file, a);
                Term(file, "approvals.region", a.Region, Terms.Region.Codes);
                Term(file, "approvals.setting", a.Setting, Terms.ApprovalSetting.Codes);
                Term(file, "approvals.status", a.Status, Terms.ApprovalStatus.Codes);
                if (a.Gene is not null)
                {
                    Term(file, "approvals.gene", a.Gene, Terms.Kinase.Codes);
                }

                foreach (var after in a.After)
                {
                    Term(file, $"{a.Id}.after", after, Codes.Therapy.Codes);
                }

                foreach (var sequence in a.AfterSequence)
                {
                    Term(file, $"{a.Id}.afterSequence.first", sequence.First, Codes.Therapy.Codes);
                    foreach (var then in sequence.Then)
                    {
                        Term(file, $"{a.Id}.afterSequence.then", then, Codes.Therapy.Codes);
                    }

                    if (sequence.Then.Count == 0)
                    {
                        Add(KnowledgeCodes.SelfContradiction, file, $"{a.Id}: an 'afterSequence' step names no TKI after {sequence.First}");
                    }
                }

                // 'after' names the TKIs a label was written for use after: a subsequent-line label, or an advanced-disease label
                // written "with or without a prior TKI" (repotrectinib). A sequence belongs to a subsequent-line label only.
                if ((a.After.Count > 0 && a.Setting is not ("subsequent" or "advanced")) || (a.AfterSequence.Count > 0 && a.Setting != "subsequent"))
                {
                    Add(KnowledgeCodes.SelfContradiction, file, $"{a.Id}: 'after' names the TKIs a subsequent-line (or 'with or without a prior TKI') label was written for, and 'afterSequence' a subsequent-line one, but the approval's setting is {a.Setting}");
                }

                if (a.AfterIntolerance is not null && a.After.Count == 0)
                {
                    Add(KnowledgeCodes.SelfContradiction, file, $"{a.Id}: 'afterIntolerance' says whether the label covers intolerance to its 'after' TKIs, but the approval names none");
                }

                ApprovalDate(file, a);
                Dated(file, a.Id, a.ValidFrom, a.ValidTo);

                if (a.Status == "approved" && a.Date is null && a.Verified != false)
                {
                    Add(KnowledgeCodes.BadDate, file, $"{a.Id}: an approval needs its date");
                }
            }

            foreach (var r in d.Dosing)
            {
                Sourced(file, r);
                Dated(file, r.Id, r.ValidFrom, r.ValidTo);
                if (r.Region is not null)
                {
                    Term(file, "dosing.region", r.Region, Terms.Region.Codes);
                }
                else if (r.AdvancedOnly == true)
                {
                    Add(KnowledgeCodes.SelfContradiction, file, $"{r.Id}: 'advancedOnly' belongs to a regional record; the default record covers every setting");
                }
            }

            // Records of one region (or the default ones) are alternatives in time; a regional record stands beside the default.
            foreach (var group in d.Dosing.GroupBy(r => (r.Region, r.AdvancedOnly == true)))
            {
                NoOverlap(file, group.ToList());
            }
            foreach (var o in d.OrganAdjustments)
            {
                Sourced(file, o);
                Term(file, "organAdjustments.comorbidity", o.Comorbidity, Terms.Organ.Codes);
                Dated(file, o.Id, o.ValidFrom, o.ValidTo);
            }

            foreach (var m in d.Monitoring)
            {
                Sourced(file, m);
                if (m.Region is not null)
                {
                    Term(file, "monitoring.region", m.Region, Terms.Region.Codes);
                }

                foreach (var h in m.NotIn)
                {
                    Term(file, "monitoring.notIn", h, Codes.Histology.Codes);
                }
            }

            foreach (var k in d.Cautions)
            {
                Sourced(file, k);
                Term(file, "cautions.comorbidity", k.Comorbidity, Codes.Comorbidity.Codes);
                Term(file, "cautions.effect", k.Effect, Terms.CautionEffect.Codes);
                if (k.Region is not null)
                {
                    Term(file, "cautions.region", k.Region, Terms.Region.Codes);
                }

                foreach (var h in k.NotIn)
                {
                    Term(file, "cautions.notIn", h, Codes.Histology.Codes);
                }
            }

            foreach (var f in d.PatientFactors)
            {
                Sourced(file, f);
                Term(file, "patientFactors.factor", f.Factor, Terms.Factor.Codes);
                Term(file, "patientFactors.effect", f.Effect, Terms.FactorEffect.Codes);
            }

            ChemoRegimen(file, d);
            // A targeted drug is dosed, unless it says why its label's dose has not been read yet (dosingNotRead) and
            // then has no dosing record at all: never a partial or guessed dose.
            var notRead = !string.IsNullOrWhiteSpace(d.DosingNotRead);
            // A regional label with no reduced dose (alectinib in Japan) says instead what follows an interruption.
            if (d.Kind == "targeted" && (notRead ? d.Dosing.Count > 0 : d.Dosing.Count == 0 || d.Dosing.Any(r => string.IsNullOrWhiteSpace(r.Start) ||
                (r.Reductions.Count == 0 && (r.Region is null || string.IsNullOrWhiteSpace(r.AfterLastReduction))))))
            {
                Add(KnowledgeCodes.DrugWithoutDose, file, notRead
                    ? "dosingNotRead says the dose was not read, but the drug has dosing records: keep one or the other"
                    : "a targeted drug needs a start dose and its reduction ladder (or, with no dosing record, dosingNotRead saying why)");
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
                Dated(file, r.Id, r.ValidFrom, r.ValidTo);
                Term(file, $"{r.Id}.event", r.Event, Codes.AdverseEventCode.Codes);
                Term(file, $"{r.Id}.action", r.Action, Codes.ToxicityAction.Codes);
                Term(file, $"{r.Id}.resume", r.Resume, Terms.Resume.Codes);
                Consistent(file, r.Id, r.Action, r.Resume);
                if (r.OnRecurrence is { } recurrence)
                {
                    Term(file, $"{r.Id}.onRecurrence.action", recurrence.Action, Codes.ToxicityAction.Codes);
                    Term(file, $"{r.Id}.onRecurrence.resume", recurrence.Resume, Terms.Resume.Codes);
                    Consistent(file, $"{r.Id}.onRecurrence", recurrence.Action, recurrence.Resume);
                }

                if (r.WithComedication is { } branch)
                {
                    Term(file, $"{r.Id}.withComedication.action", branch.Action, Codes.ToxicityAction.Codes);
                    Term(file, $"{r.Id}.withComedication.resume", branch.Resume, Terms.Resume.Codes);
                    Consistent(file, $"{r.Id}.withComedication", branch.Action, branch.Resume);
                    if (branch.Classes.Count == 0)
                    {
                        Add(KnowledgeCodes.MissingRequired, file, $"{r.Id}.withComedication names no interaction class");
                    }

                    foreach (var cls in branch.Classes)
                    {
                        Term(file, $"{r.Id}.withComedication.classes", cls, Terms.InteractionClass.Codes);
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
            Term(file, "class", cls.Class, Terms.InteractionClass.Codes);
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
                Dated(file, r.Id, r.ValidFrom, r.ValidTo);
                Term(file, $"{r.Id}.severity", r.Severity, Codes.Severity.Codes);
                if (r.Class is null && r.Medication is null)
                {
                    Add(KnowledgeCodes.MissingRequired, file, $"{r.Id}: a rule names a class or a medication");
                }

                if (r.Class is not null)
                {
                    Term(file, $"{r.Id}.class", r.Class, Terms.InteractionClass.Codes);
                }
            }
        }

        public void Resistance(ResistanceRow r)
        {
            var file = $"resistance/mutations/{r.Id}.json";
            Id(file, r.Id);
            Term(file, "gene", r.Gene, Terms.Kinase.Codes);
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
                Term(file, $"cells[{cell.Drug}].activity", cell.Activity, Terms.Activity.Codes);
                if (cell.Basis is not null)
                {
                    Term(file, $"cells[{cell.Drug}].basis", cell.Basis, Terms.Basis.Codes);
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
            Term(file, "gene", o.Gene, [.. Terms.Kinase.Codes, "any"]);
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

            Combinations(file, o);
        }

        public void Regimen(Regimen r)
        {
            var file = $"regimens/{r.Id}.json";
            Id(file, r.Id);
            // A small-cell carcinoma is treated by the SCLC guideline whatever fusion it carries: its table names no kinase.
            Term(file, "driver", r.Driver, r.Setting == "small-cell" ? ["any"] : Terms.Kinase.Codes);
            Term(file, "setting", r.Setting, Terms.RegimenSetting.Codes);
            Dated(file, r.Id, r.ValidFrom, r.ValidTo);
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
                Term(file, $"entries[{e.Therapy}].condition", e.Condition, Terms.Condition.Codes);
                Refs(file, $"{r.Id}/{e.Therapy}", e.References);
                Provenance(file, $"{r.Id}/{e.Therapy}", e);
            }

            foreach (var u in r.NotCoded)
            {
                // Named in the answer by histology only: a regimen the vocabulary lacks is never conditional on a genotype.
                Term(file, $"notCoded[{u.Id}].condition", u.Condition, ["any", "squamous", "nonsquamous"]);
                Refs(file, $"{r.Id}/{u.Id}", u.References);
                Provenance(file, $"{r.Id}/{u.Id}", u);
                if (r.Entries.Any(e => e.Therapy == u.Id))
                {
                    Add(KnowledgeCodes.DuplicateId, file, $"{r.Id}: notCoded id '{u.Id}' is also an entry's therapy");
                }
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
            Term(file, "alteration", p.Alteration, Terms.PanelAlteration.Codes);
            foreach (var m in p.AdequateNegativeMethods)
            {
                Term(file, "adequateNegativeMethods", m, Codes.TestMethod.Codes);
            }

            if (p.CanonicalPartners is { } cp)
            {
                Sourced(file, $"{p.Id}/canonicalPartners", cp.Sources, cp);
                if (p.Alteration != Terms.PanelAlteration.Code(Model.PanelAlteration.Fusion))
                {
                    Add(KnowledgeCodes.MissingRequired, file, $"{p.Id}: canonicalPartners applies to a fusion gene only");
                }

                if (cp.Partners.Count == 0)
                {
                    Add(KnowledgeCodes.MissingRequired, file, $"{p.Id}: canonicalPartners lists no partner");
                }

                // Written as a case writes fusionPartner (a gene symbol in capitals), so the engine compares them as they are.
                foreach (var partner in cp.Partners.Where(x => !GeneSymbol.IsValid(x)))
                {
                    Add(KnowledgeCodes.UnknownTerm, file, $"{p.Id}: canonical partner '{partner}' is not a gene symbol (capital letters, digits and '-')");
                }
            }
        }

        /// <summary>Therapies added to the contract vocabulary after its first version, with the day they were added.</summary>
        private static readonly Dictionary<string, DateOnly> TherapiesAddedLater = new(StringComparer.Ordinal)
        {
            ["zidesamtinib"] = new(2026, 12, 6),
        };

        public void Completeness()
        {
            var drugIds = c.Drugs.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            // A therapy added to the vocabulary after a release was written is not required of that release, so older
            // releases still load (kb validate, show, diff); the engine itself refuses a base without a record for every
            // therapy (FusionEngine.MissingRequirements).
            var released = DateOnly.TryParseExact(c.Manifest.ReleaseDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : DateOnly.MaxValue;
            foreach (var therapy in Codes.Therapy.Codes.Where(t => !drugIds.Contains(t) && !(TherapiesAddedLater.TryGetValue(t, out var added) && released < added)))
            {
                Add(KnowledgeCodes.MissingRequired, "drugs/", $"no record for the contract therapy '{therapy}'");
            }

            var toxDrugs = c.Toxicity.Select(t => t.Drug).ToHashSet(StringComparer.Ordinal);
            foreach (var d in c.Drugs.Where(d => d.Kind == "targeted" && d.Targets.Count > 0 && !toxDrugs.Contains(d.Id)))
            {
                Add(KnowledgeCodes.MissingRequired, "toxicity/", $"no toxicity table for the targeted drug '{d.Id}'");
            }
        }
    }
}
