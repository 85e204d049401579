using System.Collections.Concurrent;
using System.Reflection;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// Finds primitive values the SDK's recoverable parser kept but cannot give back: a code outside its required value
/// set (<c>"status": "Final"</c>) or a value of the wrong JSON type (<c>"active": "true"</c>). Reading such an
/// element's typed value (<c>Observation.Status</c>) throws, so a resource holding one is not read at all (found by
/// fuzzing, docs/reliability.md).
/// </summary>
internal static class UnreadableValues
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> ValueProperties = new();

    /// <summary>The first unreadable value in the resource (contained resources included): its path and why.</summary>
    public static (string Path, string Reason)? Find(Base resource, string path) => Walk(resource, path, depth: 0);

    private static (string, string)? Walk(Base element, string path, int depth)
    {
        if (element is PrimitiveType primitive && Unreadable(primitive) is { } reason)
        {
            return (path, reason);
        }

        // The parser caps nesting already; this cap only keeps the walk finite whatever built the resource.
        if (depth > 100)
        {
            return null;
        }

        foreach (var (name, child) in element.EnumerateElements())
        {
            switch (child)
            {
                case Base b when Walk(b, $"{path}.{name}", depth + 1) is { } found:
                    return found;
                case IReadOnlyList<Base> list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (Walk(list[i], $"{path}.{name}[{i}]", depth + 1) is { } inList)
                        {
                            return inList;
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        return null;
    }

    private static string? Unreadable(PrimitiveType primitive)
    {
        if (ValueProperties.GetOrAdd(primitive.GetType(), TypedValue) is not { } property)
        {
            return null;
        }

        try
        {
            _ = property.GetValue(primitive);
            return null;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is Hl7.Fhir.Utility.CodedException or InvalidCastException or FormatException)
        {
            return ex.InnerException.Message;
        }
    }

    // The typed Value of the most derived class (Code<T>.Value hides Code.Value, and so on).
    private static PropertyInfo? TypedValue(Type type)
    {
        for (var t = type; t is not null && t != typeof(PrimitiveType); t = t.BaseType)
        {
            if (t.GetProperty("Value", BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly) is { } p && p.GetIndexParameters().Length == 0)
            {
                return p;
            }
        }

        return null;
    }
}
