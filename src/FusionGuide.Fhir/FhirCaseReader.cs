using FusionGuide.Domain.Validation;
using FusionGuide.Fhir.Mapping;
using FusionGuide.Knowledge;
using FusionGuide.Knowledge.Loading;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir;

/// <summary>
/// Reads FHIR R4 resources (a Bundle, one resource, or a CDS Hooks prefetch whose values are resources or Bundles)
/// into a contract <see cref="Domain.Case"/>. What cannot be used is reported with its FHIR path: a problem when
/// required data is unusable, a warning when a fact is skipped. Nothing is dropped silently.
/// </summary>
public static class FhirCaseReader
{
    /// <summary>Reads every resource of a Bundle (nested Bundles included).</summary>
    public static FhirMapping Read(Bundle bundle, FhirMappingOptions options, KnowledgeBase? knowledgeBase = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var located = new List<Located>();
        var aliases = new List<(string, Located)>();
        Flatten(bundle, "Bundle", located, aliases);
        return Map(located, aliases, options, knowledgeBase);
    }

    /// <summary>Reads one resource; a Bundle is read entry by entry.</summary>
    public static FhirMapping Read(Resource resource, FhirMappingOptions options, KnowledgeBase? knowledgeBase = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource is Bundle b ? Read(b, options, knowledgeBase) : Map([new Located(resource, resource.TypeName)], [], options, knowledgeBase);
    }

    /// <summary>Reads a CDS Hooks prefetch: each value a resource, a Bundle, or null (no data).</summary>
    public static FhirMapping ReadPrefetch(IReadOnlyDictionary<string, Resource?> prefetch, FhirMappingOptions options, KnowledgeBase? knowledgeBase = null)
    {
        ArgumentNullException.ThrowIfNull(prefetch);
        var located = new List<Located>();
        var aliases = new List<(string, Located)>();
        foreach (var (key, value) in prefetch.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (value is Bundle b)
            {
                Flatten(b, $"prefetch.{key}", located, aliases);
            }
            else if (value is not null)
            {
                located.Add(new Located(value, $"prefetch.{key}"));
            }
        }

        return Map(located, aliases, options, knowledgeBase);
    }

    /// <summary>Parses FHIR JSON (a Bundle or one resource) and reads it; unparseable JSON is a problem at <c>$</c>.</summary>
    public static FhirMapping ReadJson(string json, FhirMappingOptions options, KnowledgeBase? knowledgeBase = null)
    {
        var parsed = FhirJson.Parse(json);
        return parsed.Resource is null
            ? new FhirMapping(null, [.. parsed.Errors.Select(e => new Problem("$", e))], [])
            : Read(parsed.Resource, options, knowledgeBase);
    }

    private static void Flatten(Bundle bundle, string path, List<Located> located, List<(string, Located)> aliases)
    {
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var e = bundle.Entry[i];
            var p = $"{path}.entry[{i}].resource";
            if (e.Resource is Bundle nested)
            {
                Flatten(nested, p, located, aliases);
            }
            else if (e.Resource is not null)
            {
                var l = new Located(e.Resource, p);
                located.Add(l);
                if (e.FullUrlElement is { } url && UnreadableValues.Find(url, "") is null && !string.IsNullOrEmpty(url.Value))
                {
                    aliases.Add((url.Value, l));
                }
            }
        }
    }

    /// <summary>
    /// A report and the results it holds contained (<c>result: #cv1</c>), each read as an Observation of its own right
    /// after it: a laboratory that sends the fusion inside its report must not lose it.
    /// </summary>
    private static IEnumerable<Located> WithContainedResults(Located l)
    {
        yield return l;
        if (l.Resource is not DiagnosticReport report)
        {
            yield break;
        }

        for (var i = 0; i < report.Contained.Count; i++)
        {
            if (report.Contained[i] is Observation o && report.Result.Any(r => r.Reference == $"#{o.Id}"))
            {
                yield return new Located(o, $"{l.Path}.contained[{i}]");
            }
        }
    }

    private static FhirMapping Map(List<Located> located, List<(string, Located)> aliases, FhirMappingOptions options, KnowledgeBase? kb)
    {
        ArgumentNullException.ThrowIfNull(options);

        // A value the SDK kept but cannot give back (a code outside its value set, a string for a boolean) makes its
        // typed property throw (found by fuzzing): such a resource is not read at all rather than half read.
        var unreadable = located.Select(l => (l, Bad: UnreadableValues.Find(l.Resource, l.Path))).Where(x => x.Bad is not null).ToList();
        located = [.. located.Except(unreadable.Select(x => x.l))];
        located = [.. located.SelectMany(WithContainedResults)];
        var kept = located.ToHashSet();
        aliases = [.. aliases.Where(a => kept.Contains(a.Item2))];
        var ctx = new MappingContext(options, kb ?? KnowledgeLoader.Embedded, located);
        foreach (var (l, bad) in unreadable)
        {
            ctx.Warn(bad!.Value.Path, $"{bad.Value.Reason.TrimEnd('.')}: this {l.Resource.TypeName} was not read");
        }

        foreach (var (url, l) in aliases)
        {
            ctx.Alias(url, l);
        }

        if (located.Count == 0)
        {
            ctx.Problem("$", "no FHIR resources to read");
            return new FhirMapping(null, ctx.Problems, ctx.Warnings);
        }

        // The Patient first: every other resource must be about that patient.
        foreach (var l in located.Where(l => l.Resource is Patient).Concat(located.Where(l => l.Resource is not Patient)))
        {
            SubjectCheck.Check(l, ctx);
            ResourceDispatch.Map(l, ctx);
        }

        AnticancerHistory.Assemble(ctx);
        var @case = CaseAssembler.Build(ctx);
        return new FhirMapping(ctx.Problems.Count == 0 ? @case : null, ctx.Problems, ctx.Warnings) { OutOfScope = CaseAssembler.OutOfScope(ctx) };
    }
}
