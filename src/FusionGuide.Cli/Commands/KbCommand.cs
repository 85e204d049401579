using System.Text;
using FusionGuide.Domain;
using FusionGuide.Engine;
using FusionGuide.Knowledge;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Cli.Commands;

/// <summary>
/// <c>kb validate [DIR]</c>, <c>kb version</c>, <c>kb show ID [--json]</c> and <c>kb refs</c>, each read by the shared
/// parser against its entry in <see cref="CommandTable"/> (<c>kb diff</c> and <c>kb audit</c> have their own files).
/// </summary>
internal static class KbCommand
{
    /// <summary><c>kb validate [DIR]</c>.</summary>
    public static int Validate(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = Read(args, CommandTable.KbValidate, required: null, most: 1);
        return a.Problems.Count > 0 ? Dispatcher.Problems(stderr, a.Problems) : Validate(a.Positional.Count == 1 ? a.Positional[0] : null, stdout, stderr);
    }

    /// <summary><c>kb version</c>.</summary>
    public static int Version(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = Read(args, CommandTable.KbVersion, required: null, most: 0);
        return a.Problems.Count > 0 ? Dispatcher.Problems(stderr, a.Problems) : Version(stdout, full: false);
    }

    /// <summary><c>kb show ID [--json]</c>.</summary>
    public static int Show(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = Read(args, CommandTable.KbShow, required: "an ID (a drug, reference, rule, regimen, trial or threshold)", most: 1);
        if (a.Problems.Count > 0)
        {
            return Dispatcher.Problems(stderr, a.Problems);
        }

        return a.Has("--json") ? ShowJson(a.Positional[0], stdout, stderr) : Show(a.Positional[0], stdout, stderr);
    }

    /// <summary><c>kb refs</c>.</summary>
    public static int Refs(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = Read(args, CommandTable.KbRefs, required: null, most: 0);
        return a.Problems.Count > 0 ? Dispatcher.Problems(stderr, a.Problems) : Refs(stdout);
    }

    /// <summary>
    /// Reads a kb command's arguments with the shared parser: <paramref name="required"/> names the one positional word
    /// the command needs (null: none needed), and words beyond <paramref name="most"/> are usage mistakes.
    /// </summary>
    private static ParsedArguments Read(string[] args, CommandSpec command, string? required, int most)
    {
        var a = ParsedArguments.Parse(args, command);
        if (required is not null && a.Positional.Count == 0)
        {
            a.Usage($"{command.Name} needs {required}; see {ParsedArguments.Help(command)}");
        }

        foreach (var extra in a.Positional.Skip(most))
        {
            a.Usage($"unknown argument '{extra}'; see {ParsedArguments.Help(command)}");
        }

        return a;
    }

    public static int Version(TextWriter stdout, bool full)
    {
        var kb = KnowledgeLoader.Embedded;
        // The informational version (-p:Version=1.2.0-rc.1 of scripts/release.sh), without the source hash.
        var engine = (System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(FusionEngine).Assembly)
            ?.InformationalVersion ?? "unknown").Split('+')[0];
        stdout.WriteLine(full
            ? $"fusionguide {engine}; contract {Domain.Wire.ContractVersion.Current}; knowledge base {kb.Version} (released {kb.ReleaseDate.Code()})"
            : $"knowledge base {kb.Version} (released {kb.ReleaseDate.Code()})");
        return ExitCodes.Ok;
    }

    private static int Validate(string? dir, TextWriter stdout, TextWriter stderr)
    {
        var result = dir is null ? KnowledgeLoader.LoadEmbedded() : KnowledgeLoader.LoadDirectory(dir);
        // The same list --knowledge DIR refuses a folder on: records, cross-record checks, the engine's needs, the RxNorm table.
        var problems = KnowledgeRelease.Problems(result);
        if (problems.Count > 0)
        {
            return Dispatcher.Problems(stderr, problems);
        }

        var k = result.KnowledgeBase!;
        var audit = Knowledge.Audit.KnowledgeAudit.Of(k).Total;
        stdout.WriteLine($"knowledge base {k.Version} (released {k.ReleaseDate.Code()}) is valid{(dir is null ? " (embedded copy)" : $" ({dir})")}");
        foreach (var (name, count) in result.Counts)
        {
            stdout.WriteLine($"  {name,-24} {count,5}");
        }

        stdout.WriteLine($"  {"facts",-24} {audit.Facts,5}  ({audit.Verified} verified, {audit.Secondary} on secondary evidence, {audit.Unverified} unverified: see kb audit)");
        return ExitCodes.Ok;
    }

    private static int Refs(TextWriter stdout)
    {
        var kb = KnowledgeLoader.Embedded;
        stdout.WriteLine($"Reference list of knowledge base {kb.Version}");
        foreach (var r in kb.References)
        {
            stdout.WriteLine($"{r.Id,-34} {r.ShortName ?? "",-32} {r.Citation}{Mark(r.Provenance)}");
        }

        return ExitCodes.Ok;
    }

    private static int Show(string id, TextWriter stdout, TextWriter stderr)
    {
        // A reference's or threshold's verification note and reviewer notes: the part with provenance, read on first use.
        var kb = KnowledgeLoader.EmbeddedWithProvenance;
        var text = Codes.Therapy.TryParse(id, out var therapy) ? ShowDrug(kb, therapy)
            : kb.Reference(id) is { } r ? $"{r.Id} ({r.Kind.Code()}) {r.ShortName}\n{r.Citation}\n{(r.Date is { } date ? $"date: {date}\n" : "")}{(r.Url is null ? "" : $"url: {r.Url}\n")}{Flag(r.Provenance)}{(r.Provenance.Notes is { } notes ? $"notes: {notes}\n" : "")}"
            : kb.Rule(id) is { } rule ? $"{rule.Id} [{rule.Stage}] {rule.Title}\nsources: {string.Join(", ", rule.Provenance.Sources)}\n"
            : kb.Regimens.FirstOrDefault(x => x.Id == id) is { } reg ? ShowRegimen(reg)
            : kb.Trial(id) is { } trial ? ShowTrial(trial)
            : kb.ThresholdRecord(id) is { } t ? $"{t.Id} = {t.Value} {t.Unit}\n{t.Meaning}\nsources: {string.Join(", ", t.Provenance.Sources)}\n{Flag(t.Provenance)}"
            : null;
        if (text is null)
        {
            return Dispatcher.Problems(stderr, [new Domain.Validation.Problem("args", $"no drug, reference, rule, regimen, trial or threshold has the id '{id}'")]);
        }

        stdout.WriteLine($"[knowledge base {kb.Version}]");
        stdout.Write(text);
        return ExitCodes.Ok;
    }

    /// <summary><c>kb show ID --json</c>: the record as the knowledge base holds it, as JSON (the same shape as its knowledge file).</summary>
    private static int ShowJson(string id, TextWriter stdout, TextWriter stderr)
    {
        var kb = KnowledgeLoader.Embedded;
        var json = Codes.Therapy.TryParse(id, out var therapy) && kb.HasDrug(therapy) ? KnowledgeRecordJson.Write(kb, kb.Drug(therapy))
            : kb.Reference(id) is { } r ? KnowledgeRecordJson.Write(kb, r)
            : kb.Rule(id) is { } rule ? KnowledgeRecordJson.Write(kb, rule)
            : kb.Regimens.FirstOrDefault(x => x.Id == id) is { } reg ? KnowledgeRecordJson.Write(kb, reg)
            : kb.Trial(id) is { } trial ? KnowledgeRecordJson.Write(kb, trial)
            : kb.ThresholdRecord(id) is { } t ? KnowledgeRecordJson.Write(kb, t)
            : null;
        if (json is null)
        {
            return Dispatcher.Problems(stderr, [new Domain.Validation.Problem("args", $"no drug, reference, rule, regimen, trial or threshold has the id '{id}'")]);
        }

        stdout.WriteLine(json);
        return ExitCodes.Ok;
    }

    private static string ShowDrug(KnowledgeBase kb, Therapy therapy)
    {
        var d = kb.Drug(therapy);
        var sb = new StringBuilder();
        sb.AppendLine($"{d.Name} ({d.Id}){(d.Brands.Count > 0 ? $" — {string.Join(", ", d.Brands)}" : "")}; {d.Kind.Code()}{(d.Targets.Count > 0 ? $", targets {string.Join(", ", d.Targets.Select(g => g.Code()))}" : "")}{(d.Generation is { } g ? $", generation {g}" : "")}");
        if (d.Cns is { } cns)
        {
            sb.AppendLine($"CNS activity: {cns.Activity.Code()} (rank {cns.Rank}) — {cns.Summary}{Cite(cns.Provenance)}");
        }

        if (d.Place is { } place)
        {
            sb.AppendLine($"Place: {place}");
        }

        foreach (var r in d.Dosing)
        {
            sb.AppendLine($"Dose{Dates(r)}: {r.StartAndScope}; reductions: {string.Join(" → ", r.Reductions)}{(r.AfterLastReduction is { } a ? $" → {a}" : "")}; food: {r.Food}{Cite(r.Provenance)}{Mark(r.Provenance)}");
        }

        foreach (var o in d.OrganAdjustments)
        {
            sb.AppendLine($"Adjustment ({o.Comorbidity.Code()}{(o.Criterion is { } c ? $", {c}" : "")}): {o.Text}{Cite(o.Provenance)}{Mark(o.Provenance)}");
        }

        foreach (var a in d.Approvals)
        {
            sb.AppendLine($"Approval {a.Region.Code()} {a.Gene?.Code() ?? "-"} {a.Setting.Code()}: {a.Status.Code()}{(a.When() is { } when ? $" {when}" : "")}{(a.Indication is null ? "" : $" — {a.Indication}")}{Cite(a.Provenance)}{Mark(a.Provenance)}");
        }

        foreach (var m in d.Monitoring)
        {
            sb.AppendLine($"Monitor{(m.Region is { } region ? $" ({region.Code()} label)" : "")}{HistologyScope.Said(m.NotIn)}: {m.Item} — {m.Schedule}{Cite(m.Provenance)}{Mark(m.Provenance)}");
        }

        foreach (var r in kb.Interactions(therapy)?.Rules ?? [])
        {
            sb.AppendLine($"Interaction {r.Class?.Code() ?? r.Medication}: {r.Severity.Code()} — {r.Advice}{(r.DoseChange is { } dc ? $" Dose: {dc}" : "")}{Cite(r.Provenance)}{Mark(r.Provenance)}");
        }

        foreach (var c in d.Cautions)
        {
            sb.AppendLine($"Caution {c.Comorbidity.Code()} ({c.Effect.Code()}{(c.Region is { } region ? $", {region.Code()} label" : "")}){HistologyScope.Said(c.NotIn)}: {c.Message}{Cite(c.Provenance)}{Mark(c.Provenance)}");
        }

        foreach (var r in kb.Toxicity(therapy)?.Rules ?? [])
        {
            sb.AppendLine($"Toxicity {r.Event.Code()} grade {string.Join("/", r.Grades)}: {r.Action.Code()} (resume {r.Resume.Code()}) — {r.Text}{Cite(r.Provenance)}{Mark(r.Provenance)}");
        }

        if (d.KeyToxicities.Count > 0)
        {
            sb.AppendLine($"Key toxicities: {string.Join("; ", d.KeyToxicities)}");
        }

        return sb.ToString();
    }

    private static string ShowRegimen(Regimen r)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{r.Id}: {r.Driver?.Code() ?? "any"} {r.Setting.Code()}{(r.After.Count > 0 ? $" after {string.Join(", ", r.After.Select(a => a.Code()))}" : "")}; {r.Guideline}; in force {r.Validity.From?.Code() ?? "…"} to {r.Validity.To?.Code() ?? "…"}{Mark(r.Provenance)}");
        foreach (var e in r.Entries)
        {
            sb.AppendLine($"  {e.Therapy.Code(),-32} {e.Preference.Code(),-22} {(e.Category ?? "-"),-4} {e.Condition.Code(),-22} {e.Rationale}{Cite(e.Provenance)}{Mark(e.Provenance)}");
        }

        return sb.ToString();
    }

    private static string ShowTrial(Trial t)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{t.Name} ({t.Id}): {t.Drug?.Code()} vs {t.Comparator ?? "-"}, {t.Driver?.Code() ?? "-"} {t.Setting?.Code() ?? "-"}; {t.Population}");
        foreach (var r in t.Results)
        {
            sb.AppendLine($"  {r.Endpoint.Code()}: {r.Value} [{r.Reference}]{Mark(r.Provenance)}");
        }

        return sb.ToString();
    }

    private static string Dates(DosingRegimen d) => d.Validity is { From: null, To: null } ? "" : $" ({d.Validity.From?.Code() ?? "…"} to {d.Validity.To?.Code() ?? "…"})";

    private static string Cite(Provenance p) => $" [{string.Join(", ", p.Sources)}]";

    private static string Mark(Provenance p) => p.Verified ? "" : " [unverified]";

    private static string Flag(Provenance p) => p.Verified ? "" : $"UNVERIFIED: {p.VerificationNote}\n";
}
