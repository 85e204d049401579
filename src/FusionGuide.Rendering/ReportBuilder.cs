using System.Globalization;

namespace FusionGuide.Rendering;

/// <summary>Turns a <see cref="Result"/> into the format-neutral <see cref="Report"/>.</summary>
internal static partial class ReportBuilder
{
    /// <summary>Shown where the result has no value, so an empty cell is never ambiguous.</summary>
    public const string NotStated = "—";

    /// <param name="result">The engine's result.</param>
    /// <param name="refs">The reference list, or null.</param>
    /// <param name="input">The case the result answers; when given, the report restates it first ("Patient and findings").</param>
    public static Report Build(Result result, ReferenceList? refs, Case? input = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var labels = new ReferenceLabels(refs);
        Section[] body =
        [
            .. input is null ? (Section[])[] : [Patient(input, result.AsOf)],
            Diagnosis(result.Diagnosis, labels),
            Systemic(result.SystemicTherapy, labels),
            Local(result.LocalTherapy, result.BrainPlan, labels),
            Dosing(result.Dosing, labels),
            .. result.Dosing.Any(d => d.Reproductive is { Count: > 0 }) ? [Reproductive(result.Dosing)] : (Section[])[],
            Toxicity(result.ToxicityManagement, labels),
            Monitoring(result.Monitoring, labels),
            Interactions(result.Interactions, labels),
            Warnings(result.Warnings),
            .. result.Evidence is { Count: > 0 } evidence ? [Evidence(evidence, labels)] : (Section[])[],
            Trace(result.Trace, labels),
        ];
        var caseId = string.IsNullOrEmpty(result.CaseId) ? "(no case id)" : result.CaseId;
        Fact[] meta =
        [
            new("Case", Cell.Of(caseId)),
            new("Knowledge base", Cell.Of(result.KnowledgeBaseVersion)),
            new("As of", Cell.Of(result.AsOf ?? NotStated)),
        ];
        return new Report($"FusionGuide report: case {caseId}", meta, [.. body, References(body, refs)]);
    }

    private static Section References(IEnumerable<Section> body, ReferenceList? refs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cited = new List<CitedReference>();
        foreach (var link in Links(body))
        {
            if (!seen.Add(link.Id))
            {
                continue;
            }

            cited.Add(refs is not null && refs.TryGet(link.Id, out var e)
                ? new CitedReference(link.Id, ReadableReferences.Label(e.ShortName), ReadableReferences.Citation(e.Citation), e.Url)
                : new CitedReference(link.Id, null, null, null));
        }

        return new Section("references", "References", [new ReferenceEntries(cited)]);
    }

    // Document order, so the bibliography follows the order in which a reader meets the citations.
    private static IEnumerable<ReferenceLink> Links(IEnumerable<Section> sections) =>
        from section in sections
        from block in section.Blocks
        from cell in Cells(block)
        from link in cell.Content.OfType<ReferenceLink>()
        select link;

    private static IEnumerable<Cell> Cells(Block block) => block switch
    {
        Facts f => f.Items.Select(i => i.Value),
        Table t => t.Rows.SelectMany(r => r),
        _ => [],
    };

    private static Cell Text(string? text) => Cell.Of(string.IsNullOrWhiteSpace(text) ? NotStated : text);

    private static Cell Number(int value) => Cell.Of(value.ToString(CultureInfo.InvariantCulture));

    private static Cell Joined(IReadOnlyList<string>? items, string separator) =>
        Text(items is null ? null : string.Join(separator, items));

    private static Table Table(string? title, string[] headers, IEnumerable<Cell[]> rows) =>
        new(title, headers, [.. rows]);

    /// <summary>Resolves each cited id to the label a reader sees: the short name when the caller knows it.</summary>
    private sealed class ReferenceLabels(ReferenceList? refs)
    {
        private readonly Func<string, string> canonical = ReadableReferences.Canonical(refs);

        public Cell Cite(IReadOnlyList<string>? ids)
        {
            if (ids is null || ids.Count == 0)
            {
                return Cell.Of(NotStated);
            }

            var content = new List<Inline>();
            foreach (var id in ids.Select(canonical).Distinct(StringComparer.Ordinal))
            {
                if (content.Count > 0)
                {
                    content.Add(new TextRun(", "));
                }

                var label = refs is not null && refs.TryGet(id, out var e) && !string.IsNullOrWhiteSpace(e.ShortName)
                    ? ReadableReferences.Label(e.ShortName)
                    : id;
                content.Add(new ReferenceLink(id, label));
            }

            return new Cell(content);
        }
    }
}
