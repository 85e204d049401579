using System.Text.Json;

namespace FusionGuide.Domain.Validation;

/// <summary>
/// Finds strings and property names that cannot become .NET text: invalid UTF-8 bytes, or an escaped surrogate
/// (<c>\ud800</c>) without its pair. JSON's grammar admits both; reading them would throw, so they are problems.
/// </summary>
internal static class UnicodeText
{
    /// <summary>Adds a problem for every unreadable string under <paramref name="element"/>; true when there was none.</summary>
    public static bool Check(JsonElement element, string path, List<Problem> problems)
    {
        var before = problems.Count;
        Walk(element, path, problems);
        return problems.Count == before;
    }

    private static void Walk(JsonElement element, string path, List<Problem> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when !Readable(() => element.GetString()):
                problems.Add(new(path, "is not valid Unicode text (invalid UTF-8 or an unpaired surrogate escape)"));
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!Readable(() => property.Name))
                    {
                        problems.Add(new(path, "has a field name that is not valid Unicode text (invalid UTF-8 or an unpaired surrogate escape)"));
                        continue;
                    }

                    Walk(property.Value, $"{path}.{property.Name}", problems);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{i}]", problems);
                    i++;
                }

                break;
            default:
                break;
        }
    }

    private static bool Readable(Func<string?> read)
    {
        try
        {
            _ = read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
