using System.Text.RegularExpressions;
using FusionGuide.Knowledge.Loading.Wire;
using Terms = FusionGuide.Knowledge.Model.Terms;

namespace FusionGuide.Knowledge.Loading;

/// <summary>Checks the whole knowledge base and lists every problem with its permanent code.</summary>
internal static partial class KnowledgeValidator
{
    public static void Validate(WireContent c, List<KnowledgeProblem> problems)
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

        // Known names: every class member and every co-medication (the alternatives of a swap must be among them).
        var known = c.InteractionClasses.SelectMany(cls => cls.Members.Select(m => KnowledgeBase.NormaliseMedication(m.Name)))
            .Concat(c.Comedications.Select(m => KnowledgeBase.NormaliseMedication(m.Name))).ToHashSet(StringComparer.Ordinal);
        foreach (var m in c.Comedications)
        {
            v.Comedication(m, known);
        }

        foreach (var r in c.Resistance)
        {
            v.Resistance(r);
        }

        v.SolventFronts();

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

        v.CarePathways();
        v.Reproductive();

        v.Completeness();
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\b(doi|pmid)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ResolvableCitation();

    [GeneratedRegex("^[A-Z]+(-[A-Z0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPattern();

    private sealed partial class Checker(WireContent c, List<KnowledgeProblem> problems)
    {
        private readonly HashSet<string> referenceIds = [.. c.References.Select(r => r.Id)];
        private readonly Dictionary<string, string> seenIds = new(StringComparer.Ordinal);

        // Format 2 (release 2026.12.0 on) requires evidence on every verified fact and resolvable references; older
        // releases still load (kb diff against them).
        private bool FormatTwo => c.Manifest.FormatVersion >= 2;

        public void Sourced(string file, WireFact s) => Sourced(file, s.Id, s.Sources, s, checkId: true);

        private void Sourced(string file, string what, IReadOnlyList<string> sources, WireEvidenced fact, bool checkId = false, bool isFact = true)
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
        private void Provenance(string file, string what, WireEvidenced fact, bool isFact = true)
        {
            if (isFact && FormatTwo && fact.Verified != false && fact.Evidence.Count == 0)
            {
                Add(KnowledgeCodes.VerifiedWithoutEvidence, file, $"{what} counts as verified but records no evidence: add where it was read (evidence) or mark it verified: false with what was searched");
            }

            if (fact.Verified == false && string.IsNullOrWhiteSpace(fact.VerificationNote))
            {
                Add(KnowledgeCodes.UnverifiedWithoutNote, file, $"{what} is marked unverified but does not say what is missing");
            }

            if (fact.EvidenceLevel is { } level && !Terms.EvidenceLevel.TryParse(level, out _))
            {
                Add(KnowledgeCodes.UnknownTerm, file, $"{what}: evidenceLevel '{level}' is not one of {string.Join(", ", Terms.EvidenceLevel.Codes)}");
            }

            foreach (var ev in fact.Evidence)
            {
                Evidence(file, what, ev);
            }

            Disputed(file, what, fact.Disputed);

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
                var month = KnowledgeDate.TryParseMonth(date, out _) ? " (a month without its day is accepted only as an approval's or a reference's date)" : "";
                Add(KnowledgeCodes.BadDate, file, $"{field} '{date}' is not YYYY-MM-DD{month}");
            }
        }

        // An approval's date may be YYYY-MM when only the month of the decision is known (issue #17: no invented days).
        private void ApprovalDate(string file, Approval a)
        {
            if (a.Date is not null && !KnowledgeDate.TryParse(a.Date, out _) && !KnowledgeDate.TryParseMonth(a.Date, out _))
            {
                Add(KnowledgeCodes.BadDate, file, $"{a.Id}.date '{a.Date}' is not YYYY-MM-DD, or YYYY-MM when only the month is known");
            }
        }

        // A reference's date may be YYYY-MM or YYYY when the day (or month and day) was not read (issue #17: no invented days).
        private void ReferenceDate(string file, string? date)
        {
            if (date is not null && !KnowledgeDate.TryParseReference(date, out _))
            {
                Add(KnowledgeCodes.BadDate, file, $"date '{date}' is not YYYY-MM-DD, or YYYY-MM / YYYY when only the month / year is known");
            }
        }

        private void Dated(string file, string what, string? validFrom, string? validTo)
        {
            OptionalDate(file, $"{what}.validFrom", validFrom);
            OptionalDate(file, $"{what}.validTo", validTo);
            if (KnowledgeDate.TryParse(validFrom, out var from) && KnowledgeDate.TryParse(validTo, out var to) && to <= from)
            {
                Add(KnowledgeCodes.BadDate, file, $"{what}: validTo {validTo} is not after validFrom {validFrom}");
            }
        }

        private void NoOverlap<T>(string file, List<T> facts) where T : WireDatedFact
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

        private static bool Overlaps(WireDatedFact a, WireDatedFact b)
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
