using System.Globalization;
using System.Text.Json.Nodes;

namespace FusionGuide.Domain.Tests.Support;

/// <summary>The contract's problem paths (<c>$.tests[2].gene</c>): parse, navigate, edit, and convert to a JSON Pointer.</summary>
internal static class JsonPath
{
    public static IReadOnlyList<object> Segments(string path)
    {
        if (!path.StartsWith('$'))
        {
            throw new ArgumentException($"'{path}' does not start with $", nameof(path));
        }

        var segments = new List<object>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                segments.Add(int.Parse(path[(i + 1)..end], CultureInfo.InvariantCulture));
                i = end + 1;
            }
            else
            {
                throw new ArgumentException($"cannot read '{path}' at {i}", nameof(path));
            }
        }

        return segments;
    }

    /// <summary>The JSON Pointer of a path, as JsonSchema.Net writes instance locations (<c>/tests/2/gene</c>).</summary>
    public static string ToPointer(string path) =>
        string.Concat(Segments(path).Select(s => "/" + Convert.ToString(s, CultureInfo.InvariantCulture)));

    public static string Parent(string path) => path[..path.LastIndexOfAny(['.', '['])];

    public static void Set(JsonNode root, string path, JsonNode? value)
    {
        var (parent, last) = Navigate(root, path);
        if (last is int index)
        {
            parent.AsArray()[index] = value;
        }
        else
        {
            parent.AsObject()[(string)last] = value;
        }
    }

    public static void Remove(JsonNode root, string path)
    {
        var (parent, last) = Navigate(root, path);
        if (last is int index)
        {
            parent.AsArray().RemoveAt(index);
        }
        else if (!parent.AsObject().Remove((string)last))
        {
            throw new ArgumentException($"{path} is not in the document", nameof(path));
        }
    }

    public static JsonNode Get(JsonNode root, string path)
    {
        var (parent, last) = Navigate(root, path);
        var node = last is int index ? parent.AsArray()[index] : parent.AsObject()[(string)last];
        return node ?? throw new ArgumentException($"{path} is null or missing", nameof(path));
    }

    private static (JsonNode Parent, object Last) Navigate(JsonNode root, string path)
    {
        var segments = Segments(path);
        var node = root;
        foreach (var s in segments.Take(segments.Count - 1))
        {
            node = (s is int i ? node.AsArray()[i] : node.AsObject()[(string)s])
                ?? throw new ArgumentException($"{path}: '{s}' is null or missing", nameof(path));
        }

        return (node, segments[^1]);
    }
}
