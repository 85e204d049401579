using System.Text;
using System.Text.Json;
using FusionGuide.Cohort.Audit;
using FusionGuide.Domain.Validation;
using FusionGuide.Engine;
using FusionGuide.Knowledge;
using FusionGuide.Knowledge.Audit;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Rendering;

namespace FusionGuide.Cli.Commands;

/// <summary>
/// <c>kb audit [DIR] [--json] [--html FILE] [--cohort N [--seed S]]</c>: how much of the knowledge base is verified, by
/// folder and kind; the unverified facts with what was searched; an HTML review sheet a clinician signs off; and, with
/// <c>--cohort</c>, how many answers of a synthetic cohort lean on unverified facts and which facts those are.
/// </summary>
internal static class KbAuditCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = ParsedArguments.Parse(args, CommandTable.KbAudit);
        if (a.Positional.Count > 1)
        {
            a.Usage($"kb audit takes at most one knowledge folder ('{a.Positional[1]}')");
        }

        var cohort = a.Has("--cohort") ? a.Long("--cohort", 2000, 1, 1_000_000) : (long?)null;
        var seed = a.ULong("--seed", 1);
        if (a.Problems.Count > 0)
        {
            return Dispatcher.Problems(stderr, a.Problems);
        }

        var dir = a.Positional.Count == 1 ? a.Positional[0] : null;
        var loaded = dir is null ? KnowledgeLoader.LoadEmbedded() : KnowledgeLoader.LoadDirectory(dir);
        if (loaded.KnowledgeBase is not { } kb)
        {
            return Dispatcher.Problems(stderr, [.. loaded.Problems.Select(p => new Problem(p.File, $"{p.Code} {p.Message}"))]);
        }

        var audit = KnowledgeAudit.Of(kb);
        var exposure = cohort is { } n ? UnverifiedExposure.Measure(new FusionEngine(kb), n, seed) : null;
        if (a.Option("--html") is { } html)
        {
            try
            {
                File.WriteAllText(html, KnowledgeReviewSheet.Html(audit, kb), new UTF8Encoding(false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Dispatcher.Problems(stderr, [new Problem("--html", $"cannot write '{html}': {ex.Message}")]);
            }
        }

        if (a.Has("--json"))
        {
            stdout.WriteLine(Json(audit, kb, exposure));
        }
        else
        {
            Text(audit, kb, stdout);
            if (exposure is not null)
            {
                CohortText(exposure, audit, kb, stdout);
            }
        }

        return ExitCodes.Ok;
    }

    private static void Text(KnowledgeAudit audit, KnowledgeBase kb, TextWriter stdout)
    {
        var t = audit.Total;
        stdout.WriteLine($"knowledge base {audit.Version} (released {audit.ReleaseDate}): {t.Facts} facts, {t.Verified} verified, {t.Secondary} verified on secondary evidence, {t.Unverified} unverified ({t.UnverifiedShare:P1}); {t.Disputed} disputed (sources disagree)");
        stdout.WriteLine();
        stdout.WriteLine($"  {"folder",-14} {"facts",6} {"verified",9} {"secondary",10} {"unverified",11} {"disputed",9}");
        foreach (var (folder, c) in audit.ByFolder)
        {
            stdout.WriteLine($"  {folder,-14} {c.Facts,6} {c.Verified,9} {c.Secondary,10} {c.Unverified,11} {c.Disputed,9}");
        }

        stdout.WriteLine();
        stdout.WriteLine($"  {"kind",-18} {"facts",6} {"verified",9} {"secondary",10} {"unverified",11} {"disputed",9}");
        foreach (var (kind, c) in audit.ByKind)
        {
            stdout.WriteLine($"  {kind,-18} {c.Facts,6} {c.Verified,9} {c.Secondary,10} {c.Unverified,11} {c.Disputed,9}");
        }

        var unverified = audit.Unverified.ToList();
        stdout.WriteLine();
        stdout.WriteLine($"unverified facts ({unverified.Count}; * = decides a dose, reduction, grade >= 2 toxicity action, contraindicated/major interaction, US/EU approval or preferred entry):");
        foreach (var f in unverified)
        {
            stdout.WriteLine($"  {(KnowledgeAudit.IsCritical(f, kb) ? "*" : " ")} {f.Folder}/{f.Kind} {f.Id}: {f.Value}");
            stdout.WriteLine($"      {f.Note}");
        }

        var disputed = audit.Disputed.ToList();
        stdout.WriteLine();
        stdout.WriteLine($"disputed facts ({disputed.Count}; the value the knowledge base acts on, then what each side says):");
        foreach (var f in disputed)
        {
            stdout.WriteLine($"    {f.Folder}/{f.Kind} {f.Id}: {f.Value}");
            stdout.WriteLine($"      sources disagree: {f.Dispute!.Summary}");
            foreach (var p in f.Dispute.Positions)
            {
                stdout.WriteLine($"      - {p.Value} ({string.Join("; ", p.Evidence.Select(ev => $"{ev.Reference}, {ev.Locator}"))})");
            }
        }
    }

    // Issue #17's measure: at most 10 % of synthetic results carry the unverified-knowledge warning.
    private const double WarningShareTarget = 0.10;

    // The facts behind the warning, most results first: verifying the top of the list clears it from the most answers.
    private static void CohortText(UnverifiedExposure x, KnowledgeAudit audit, KnowledgeBase kb, TextWriter stdout)
    {
        var byId = UnverifiedById(audit);
        stdout.WriteLine();
        stdout.WriteLine($"synthetic cohort: {x.Cases} cases (seed {x.Seed}), evaluated on {KnowledgeDate.Format(kb.ReleaseDate)}: {x.WithWarning} results ({x.Share:P1}) carry the unverified-knowledge warning (target: at most {WarningShareTarget:P0})");
        stdout.WriteLine($"unverified facts behind it ({x.Facts.Count}; results that use each, most first; * = critical):");
        foreach (var f in x.Facts)
        {
            var fact = byId.GetValueOrDefault(f.Id);
            var critical = fact is not null && KnowledgeAudit.IsCritical(fact, kb) ? "*" : " ";
            stdout.WriteLine($"  {critical} {f.Results,6}  {f.Id}{(fact is null ? "" : $" ({fact.Folder}/{fact.Kind})")}");
        }
    }

    private static string Json(KnowledgeAudit audit, KnowledgeBase kb, UnverifiedExposure? exposure)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("knowledgeBase", audit.Version);
            w.WriteString("releaseDate", audit.ReleaseDate);
            Counts(w, audit.Total);
            w.WriteStartObject("byFolder");
            foreach (var (folder, c) in audit.ByFolder)
            {
                w.WriteStartObject(folder);
                Counts(w, c);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("byKind");
            foreach (var (kind, c) in audit.ByKind)
            {
                w.WriteStartObject(kind);
                Counts(w, c);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartArray("unverifiedFacts");
            foreach (var f in audit.Unverified)
            {
                w.WriteStartObject();
                w.WriteString("folder", f.Folder);
                w.WriteString("kind", f.Kind);
                w.WriteString("id", f.Id);
                w.WriteString("value", f.Value);
                w.WriteBoolean("critical", KnowledgeAudit.IsCritical(f, kb));
                w.WriteString("searched", f.Note);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            DisputedFacts(w, audit);
            if (exposure is not null)
            {
                CohortJson(w, exposure, audit, kb);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Counts(Utf8JsonWriter w, FactCounts c)
    {
        w.WriteNumber("facts", c.Facts);
        w.WriteNumber("verified", c.Verified);
        w.WriteNumber("secondary", c.Secondary);
        w.WriteNumber("unverified", c.Unverified);
        w.WriteNumber("disputed", c.Disputed);
    }

    // Each disputed fact with every side and its evidence, as the review sheet shows them side by side.
    private static void DisputedFacts(Utf8JsonWriter w, KnowledgeAudit audit)
    {
        w.WriteStartArray("disputedFacts");
        foreach (var f in audit.Disputed)
        {
            w.WriteStartObject();
            w.WriteString("folder", f.Folder);
            w.WriteString("kind", f.Kind);
            w.WriteString("id", f.Id);
            w.WriteString("value", f.Value);
            w.WriteString("summary", f.Dispute!.Summary);
            w.WriteStartArray("positions");
            foreach (var p in f.Dispute.Positions)
            {
                w.WriteStartObject();
                w.WriteString("value", p.Value);
                w.WriteStartArray("evidence");
                foreach (var ev in p.Evidence)
                {
                    w.WriteStartObject();
                    w.WriteString("reference", ev.Reference);
                    w.WriteString("locator", ev.Locator);
                    w.WriteString("url", ev.Url);
                    w.WriteString("retrieved", KnowledgeDate.Format(ev.Retrieved));
                    w.WriteString("says", ev.Says);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    // An id names one fact, or a few that share it (a trial's endpoint reported for two populations): the first says
    // where it lives.
    private static Dictionary<string, KnowledgeFact> UnverifiedById(KnowledgeAudit audit) =>
        audit.Unverified.GroupBy(f => f.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static void CohortJson(Utf8JsonWriter w, UnverifiedExposure x, KnowledgeAudit audit, KnowledgeBase kb)
    {
        var byId = UnverifiedById(audit);
        w.WriteStartObject("cohort");
        w.WriteNumber("cases", x.Cases);
        w.WriteNumber("seed", x.Seed);
        w.WriteString("asOf", KnowledgeDate.Format(kb.ReleaseDate));
        w.WriteNumber("withUnverifiedWarning", x.WithWarning);
        w.WriteNumber("share", Math.Round(x.Share, 4));
        w.WriteNumber("target", WarningShareTarget);
        w.WriteStartArray("facts");
        foreach (var f in x.Facts)
        {
            var fact = byId.GetValueOrDefault(f.Id);
            w.WriteStartObject();
            w.WriteString("id", f.Id);
            w.WriteNumber("results", f.Results);
            if (fact is not null)
            {
                w.WriteString("folder", fact.Folder);
                w.WriteString("kind", fact.Kind);
                w.WriteBoolean("critical", KnowledgeAudit.IsCritical(fact, kb));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
