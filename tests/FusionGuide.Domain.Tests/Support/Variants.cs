using System.Text.Json.Nodes;

namespace FusionGuide.Domain.Tests.Support;

/// <summary>One edit of the valid case, the problem path the reader must report, and where the schema reports it.</summary>
/// <param name="Name">What is wrong, as the test row is named.</param>
/// <param name="ExpectedPath">The reader's problem path (the contract's form).</param>
/// <param name="SchemaLocation">The JSON Pointer of the instance the schema reports (the parent object for a missing required field).</param>
/// <param name="Edit">The single change to the valid case.</param>
internal sealed record Variant(string Name, string ExpectedPath, string SchemaLocation, Action<JsonObject> Edit)
{
    public JsonObject Apply() => Cases.ValidWith(Edit);

    public override string ToString() => Name;

    /// <summary>Sets <paramref name="path"/> to <paramref name="value"/>; the problem is expected at that path.</summary>
    public static Variant Set(string name, string path, JsonNode? value) =>
        new(name, path, JsonPath.ToPointer(path), d => JsonPath.Set(d, path, value?.DeepClone()));

    /// <summary>Removes a required field; the reader reports the field, the schema its parent object.</summary>
    public static Variant Missing(string name, string path) =>
        new(name, path, JsonPath.ToPointer(JsonPath.Parent(path)), d => JsonPath.Remove(d, path));

    /// <summary>Replaces an array by <paramref name="count"/> copies of its first item.</summary>
    public static Variant TooMany(string name, string path, int count) =>
        new(name, path, JsonPath.ToPointer(path), d =>
        {
            var first = JsonPath.Get(d, path).AsArray()[0];
            JsonPath.Set(d, path, Cases.Repeat(count, _ => first?.DeepClone()));
        });

    /// <summary>A number written exactly as given (no rounding through double).</summary>
    public static JsonNode Number(string literal) => JsonNode.Parse(literal)!;

    /// <summary>A string of <paramref name="length"/> characters.</summary>
    public static JsonNode Text(int length, char c = 'x') => JsonValue.Create(new string(c, length));
}

/// <summary>Helpers to expose a variant table to xunit as serialisable row names.</summary>
internal static class VariantTable
{
    public static TheoryData<string> Names(IReadOnlyList<Variant> variants)
    {
        var duplicate = variants.GroupBy(v => v.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"two variants are named '{duplicate.Key}'");
        }

        return [.. variants.Select(v => v.Name)];
    }

    public static Variant Find(IReadOnlyList<Variant> variants, string name) =>
        variants.Single(v => string.Equals(v.Name, name, StringComparison.Ordinal));
}
