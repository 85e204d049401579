using System.Globalization;
using System.Text.Json;

namespace FusionGuide.Domain.Validation;

/// <summary>
/// A problem as a sentence for a person: the field named in words instead of its JSON path
/// (<c>$.tests[0].percentRearrangedCells: must be between 0 and 100</c> becomes
/// <c>Test 1, FISH: % rearranged cells must be between 0 and 100.</c>). The JSON list stays the contract's form; this is
/// what a terminal shows.
/// </summary>
public static class ProblemWords
{
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["id"] = "case id",
        ["age"] = "age",
        ["sex"] = "sex",
        ["smoking"] = "smoking",
        ["ecog"] = "ECOG performance status",
        ["histology"] = "histology",
        ["stage"] = "stage",
        ["transformation"] = "transformation",
        ["resected"] = "resected",
        ["gene"] = "gene",
        ["method"] = "method",
        ["sample"] = "sample",
        ["clone"] = "IHC clone",
        ["result"] = "result",
        ["timing"] = "timing",
        ["intensity"] = "staining intensity",
        ["percentStainedCells"] = "% stained cells",
        ["percentRearrangedCells"] = "% rearranged cells",
        ["cellsScored"] = "cells scored",
        ["tps"] = "tumour proportion score",
        ["fusionPartner"] = "fusion partner",
        ["variant"] = "variant",
        ["mutations"] = "mutations",
        ["alterations"] = "alterations",
        ["date"] = "date",
        ["brainMetastases"] = "brain metastases",
        ["present"] = "present",
        ["count"] = "count",
        ["symptomatic"] = "symptomatic",
        ["largestMm"] = "largest diameter (mm)",
        ["massEffect"] = "mass effect",
        ["leptomeningeal"] = "leptomeningeal disease",
        ["sites"] = "metastatic sites",
        ["lesionCount"] = "lesion count",
        ["centralAirwayObstruction"] = "central airway obstruction",
        ["therapy"] = "therapy",
        ["start"] = "start date",
        ["end"] = "end date",
        ["stopReason"] = "reason stopped",
        ["progressionPattern"] = "progression pattern",
        ["event"] = "event",
        ["grade"] = "grade",
        ["comorbidities"] = "comorbidities",
        ["medications"] = "medications",
        ["region"] = "region",
        ["available"] = "available therapies",
        ["unavailable"] = "unavailable therapies",
        ["givenNext"] = "therapy given next",
        ["tests"] = "tests",
        ["history"] = "treatment history",
        ["adverseEvents"] = "adverse events",
        ["patient"] = "patient",
        ["tumor"] = "tumour",
        ["disease"] = "disease",
        ["context"] = "site",
    };

    private static readonly Dictionary<string, string> ItemNames = new(StringComparer.Ordinal)
    {
        ["mutations"] = "mutation",
        ["alterations"] = "alteration",
        ["sites"] = "metastatic site",
        ["comorbidities"] = "comorbidity",
        ["medications"] = "medication",
        ["available"] = "available therapy",
        ["unavailable"] = "unavailable therapy",
    };

    private static readonly Dictionary<string, string> MethodNames = new(StringComparer.Ordinal)
    {
        ["ihc"] = "IHC",
        ["fish"] = "FISH",
        ["ngs-dna"] = "DNA NGS",
        ["ngs-rna"] = "RNA NGS",
        ["rt-pcr"] = "RT-PCR",
        ["histology"] = "histology",
    };

    private static readonly Dictionary<string, string> SectionNames = new(StringComparer.Ordinal)
    {
        ["patient"] = "Patient",
        ["tumor"] = "Tumour",
        ["disease"] = "Disease",
        ["context"] = "Site",
    };

    /// <summary>Each problem as a sentence, in order; <paramref name="document"/> (the case as sent, when it parses) adds each test's method.</summary>
    public static IReadOnlyList<string> Sentences(IReadOnlyList<Problem> problems, ReadOnlyMemory<byte> document = default)
    {
        ArgumentNullException.ThrowIfNull(problems);
        JsonDocument? doc = null;
        try
        {
            if (!document.IsEmpty && problems.Any(p => p.Path.StartsWith("$.tests[", StringComparison.Ordinal)))
            {
                doc = JsonDocument.Parse(document, new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = true });
            }
        }
        catch (JsonException)
        {
            doc = null;
        }

        using (doc)
        {
            return [.. problems.Select(p => Sentence(p, doc?.RootElement))];
        }
    }

    /// <summary>One problem as a sentence; <paramref name="root"/> (the case as sent) adds a test's method where known.</summary>
    public static string Sentence(Problem problem, JsonElement? root = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var message = problem.Message.Trim();
        if (problem.Path == "$")
        {
            return Finish(message);
        }

        if (!problem.Path.StartsWith("$.", StringComparison.Ordinal) || Segments(problem.Path[2..]) is not { } segments)
        {
            // Not a path into the case (a command-line option, a file): its name stays as given.
            return Finish($"{problem.Path}: {message}");
        }

        var (context, field) = Describe(segments, root);
        var subject = field is null ? context : context is null ? Capital(field) : $"{context}: {field}";
        return Finish($"{subject}{(StartsWithVerb(message) ? " " : ": ")}{message}");
    }

    /// <summary>The place (e.g. "Test 1, FISH") and the field in words (e.g. "% rearranged cells"), either possibly null.</summary>
    private static (string? Context, string? Field) Describe(List<(string Name, int Index)> segments, JsonElement? root)
    {
        var first = segments[0];
        string? context;
        var rest = segments.Skip(1).ToList();
        switch (first.Name)
        {
            case "tests" when first.Index >= 0:
                context = MethodOf(root, first.Index) is { } m ? $"Test {first.Index + 1}, {m}" : $"Test {first.Index + 1}";
                break;
            case "history" when first.Index >= 0:
                context = $"Treatment {first.Index + 1} in the history";
                break;
            case "adverseEvents" when first.Index >= 0:
                context = $"Adverse event {first.Index + 1}";
                break;
            case var s when SectionNames.TryGetValue(s, out var section) && first.Index < 0:
                context = section;
                break;
            case var s when ItemNames.TryGetValue(s, out var item) && first.Index >= 0:
                return (Capital($"{item} {first.Index + 1}"), null);
            default:
                context = null;
                rest = segments;
                break;
        }

        if (rest.Count == 0)
        {
            return (context, null);
        }

        var words = new List<string>();
        foreach (var (name, index) in rest)
        {
            if (index >= 0 && ItemNames.TryGetValue(name, out var item))
            {
                words.Add($"{item} {index + 1}");
            }
            else
            {
                var word = FieldNames.TryGetValue(name, out var w) ? w : name;
                words.Add(index >= 0 ? $"{word} item {index + 1}" : word);
            }
        }

        return (context, string.Join(", ", words));
    }

    private static string? MethodOf(JsonElement? root, int index)
    {
        if (root is not { ValueKind: JsonValueKind.Object } r || !r.TryGetProperty("tests", out var tests) || tests.ValueKind != JsonValueKind.Array
            || index >= tests.GetArrayLength())
        {
            return null;
        }

        var test = tests[index];
        if (test.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var method = test.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String && MethodNames.TryGetValue(m.GetString()!, out var mm) ? mm : null;
        var gene = test.TryGetProperty("gene", out var g) && g.ValueKind == JsonValueKind.String && Codes.Gene.TryParse(g.GetString(), out _) ? g.GetString() : null;
        return (gene, method) switch
        {
            (null, null) => null,
            (null, _) => method,
            (_, null) => gene,
            _ => $"{gene} {method}",
        };
    }

    /// <summary>"tests[0].percentRearrangedCells" as (tests, 0), (percentRearrangedCells, -1); null when it is not that shape.</summary>
    private static List<(string Name, int Index)>? Segments(string path)
    {
        var list = new List<(string, int)>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                if (part.Length == 0)
                {
                    return null;
                }

                list.Add((part, -1));
                continue;
            }

            if (!part.EndsWith(']') || !int.TryParse(part.AsSpan(bracket + 1, part.Length - bracket - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                || bracket == 0)
            {
                return null;
            }

            list.Add((part[..bracket], index));
        }

        return list.Count == 0 ? null : list;
    }

    private static bool StartsWithVerb(string message) =>
        message.StartsWith("must ", StringComparison.Ordinal) || message.StartsWith("is ", StringComparison.Ordinal)
        || message.StartsWith("has ", StringComparison.Ordinal) || message.StartsWith("holds ", StringComparison.Ordinal);

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Finish(string s)
    {
        s = Capital(s);
        return s.Length > 0 && s[^1] is '.' or '?' or '!' or ')' ? s : $"{s}.";
    }
}
