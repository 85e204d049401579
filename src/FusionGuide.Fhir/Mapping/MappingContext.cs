using FusionGuide.Domain;
using FusionGuide.Domain.Validation;
using FusionGuide.Knowledge;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>One resource to read and the FHIR path it sits at (e.g. <c>Bundle.entry[3].resource</c>).</summary>
internal sealed record Located(Resource Resource, string Path);

/// <summary>The state of one mapping: options, the resources by reference, the draft case and every problem and warning.</summary>
internal sealed class MappingContext(FhirMappingOptions options, KnowledgeBase kb, IReadOnlyList<Located> resources)
{
    private readonly Dictionary<string, Located> byReference = Index(resources);
    private readonly HashSet<string> warnedAbout = new(StringComparer.Ordinal);

    public FhirMappingOptions Options { get; } = options;

    public KnowledgeBase Kb { get; } = kb;

    public IReadOnlyList<Located> Resources { get; } = resources;

    public CaseDraft Draft { get; } = new();

    public List<Problem> Problems { get; } = [];

    public List<InputNotice> Warnings { get; } = [];

    /// <summary>
    /// A fact was skipped (<see cref="WarningCodes.FhirSkipped"/>, the default) or read with a stated assumption
    /// (<see cref="WarningCodes.FhirAssumed"/>): it becomes a warning with its path.
    /// </summary>
    public void Warn(string path, string message, WarningCode? code = null) => Warnings.Add(new InputNotice(code ?? WarningCodes.FhirSkipped, path, $"{path}: {message}"));

    /// <summary>
    /// As <see cref="Warn"/>, once per <paramref name="key"/> (e.g. the reference to a resource): the specimen shared by the
    /// eleven results of a panel is one fact, said once.
    /// </summary>
    public void WarnOnce(string key, string path, string message, WarningCode? code = null)
    {
        if (warnedAbout.Add(key))
        {
            Warn(path, message, code);
        }
    }

    /// <summary>Required data is unusable: the case is not produced.</summary>
    public void Problem(string path, string message) => Problems.Add(new Problem(path, message));

    /// <summary>Resolves a reference (Type/id, a fullUrl, or a contained-free absolute URL ending in Type/id).</summary>
    public T? Resolve<T>(ResourceReference? reference) where T : Resource => Resolve<T>(reference, null);

    /// <summary>
    /// Resolves a reference made from <paramref name="container"/>: a local one (<c>#id</c>) to the resource it contains
    /// (EHRs send a report's results and a result's specimen contained), else as <see cref="Resolve{T}(ResourceReference?)"/>.
    /// </summary>
    public T? Resolve<T>(ResourceReference? reference, DomainResource? container) where T : Resource
    {
        var r = reference?.Reference;
        if (string.IsNullOrEmpty(r))
        {
            return reference?.Identifier is { Value.Length: > 0 } id ? ByIdentifier<T>(id) : null;
        }

        if (r.StartsWith('#'))
        {
            return container?.Contained.FirstOrDefault(c => c is T && c.Id == r[1..]) as T;
        }

        if (byReference.TryGetValue(r, out var hit))
        {
            return hit.Resource as T;
        }

        var parts = r.Split('/');
        return parts.Length >= 2 && byReference.TryGetValue($"{parts[^2]}/{parts[^1]}", out var tail) ? tail.Resource as T : null;
    }

    /// <summary>
    /// The one resource of the type carrying the identifier (a reference by business identifier, e.g. the laboratory's
    /// specimen accession number); null when none or several do. A system on either side must match the other's.
    /// </summary>
    private T? ByIdentifier<T>(Identifier id) where T : Resource
    {
        var hits = Resources.Select(l => l.Resource).OfType<T>()
            .Where(res => res is IIdentifiable<List<Identifier>> i && i.Identifier.Any(x => SameIdentifier(x, id)))
            .Take(2).ToList();
        return hits.Count == 1 ? hits[0] : null;
    }

    /// <summary>Two identifiers name the same thing: the same value, and the same system where both give one.</summary>
    public static bool SameIdentifier(Identifier a, Identifier b) =>
        a.Value == b.Value && (a.System is null || b.System is null || a.System == b.System);

    /// <summary>The position of a resource in the input (bundle order), or -1: a later entry is the later record when dates are missing.</summary>
    public int EntryOf(Resource resource)
    {
        for (var i = 0; i < Resources.Count; i++)
        {
            if (ReferenceEquals(Resources[i].Resource, resource))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The resources of one type, with their paths.</summary>
    public IEnumerable<(T Resource, string Path)> All<T>() where T : Resource =>
        Resources.Where(l => l.Resource is T).Select(l => ((T)l.Resource, l.Path));

    private static Dictionary<string, Located> Index(IReadOnlyList<Located> resources)
    {
        var map = new Dictionary<string, Located>(StringComparer.Ordinal);
        foreach (var l in resources)
        {
            if (!string.IsNullOrEmpty(l.Resource.Id))
            {
                map.TryAdd($"{l.Resource.TypeName}/{l.Resource.Id}", l);
            }
        }

        return map;
    }

    /// <summary>Adds the fullUrl of a bundle entry as another way to reach its resource.</summary>
    public void Alias(string fullUrl, Located located) => byReference.TryAdd(fullUrl, located);
}
