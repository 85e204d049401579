using System.Reflection;
using System.Text.Json.Nodes;
using FusionGuide.Domain.Tests.Support;
using FusionGuide.Domain.Wire;

namespace FusionGuide.Domain.Tests;

/// <summary>The C# vocabularies cannot drift from the contract: every codec's codes are the schema's enum, as a set.</summary>
public class CodeVocabularyTests
{
    // Each codec in Codes and where its vocabulary lives: "case:" or "result:" and a JSON Pointer into that schema.
    private static readonly Dictionary<string, string[]> Locations = new(StringComparer.Ordinal)
    {
        [nameof(Codes.Gene)] = ["case:/properties/tests/items/properties/gene"],
        [nameof(Codes.TestMethod)] = ["case:/properties/tests/items/properties/method", "result:/properties/diagnosis/properties/nextTests/items/properties/method"],
        [nameof(Codes.Sample)] = ["case:/properties/tests/items/properties/sample", "result:/properties/diagnosis/properties/nextTests/items/properties/sample"],
        [nameof(Codes.Clone)] = ["case:/properties/tests/items/properties/clone"],
        [nameof(Codes.TestResult)] = ["case:/properties/tests/items/properties/result"],
        [nameof(Codes.TestTiming)] = ["case:/properties/tests/items/properties/timing"],
        [nameof(Codes.Therapy)] =
        [
            "case:/properties/history/items/properties/therapy", "case:/properties/adverseEvents/items/properties/therapy",
            "case:/properties/context/properties/available/items", "case:/properties/context/properties/unavailable/items",
        ],
        [nameof(Codes.Histology)] = ["case:/properties/tumor/properties/histology"],
        [nameof(Codes.Stage)] = ["case:/properties/tumor/properties/stage"],
        [nameof(Codes.Transformation)] = ["case:/properties/tumor/properties/transformation"],
        [nameof(Codes.Sex)] = ["case:/properties/patient/properties/sex"],
        [nameof(Codes.Smoking)] = ["case:/properties/patient/properties/smoking"],
        [nameof(Codes.StopReason)] = ["case:/properties/history/items/properties/stopReason"],
        [nameof(Codes.ProgressionPattern)] = ["case:/properties/history/items/properties/progressionPattern"],
        [nameof(Codes.AdverseEventCode)] = ["case:/properties/adverseEvents/items/properties/event"],
        [nameof(Codes.Comorbidity)] = ["case:/properties/comorbidities/items"],
        [nameof(Codes.Region)] = ["case:/properties/context/properties/region"],
        [nameof(Codes.MetastaticSite)] = ["case:/properties/disease/properties/sites/items"],
        [nameof(Codes.LocalTherapy)] = ["result:/properties/localTherapy/items/properties/therapy"],
        [nameof(Codes.LocalIndication)] = ["result:/properties/localTherapy/items/properties/indication"],
        [nameof(Codes.Preference)] = ["result:/properties/systemicTherapy/properties/options/items/properties/preference"],
        [nameof(Codes.Driver)] = ["result:/properties/diagnosis/properties/driver"],
        [nameof(Codes.Setting)] = ["result:/properties/systemicTherapy/properties/setting"],
        [nameof(Codes.ToxicityAction)] = ["result:/properties/toxicityManagement/items/properties/action"],
        [nameof(Codes.GeneStatus)] = ["result:/$defs/geneStatus"],
        [nameof(Codes.Severity)] = ["result:/properties/interactions/items/properties/severity"],
    };

    private static readonly Lazy<JsonNode> CaseSchema = new(() => JsonNode.Parse(ContractFiles.CaseSchemaText)!);
    private static readonly Lazy<JsonNode> ResultSchema = new(() => JsonNode.Parse(ContractFiles.ResultSchemaText)!);

    public static TheoryData<string> CodecNames => [.. Codecs().Select(f => f.Name)];

    [Fact]
    public void Every_codec_is_mapped_to_a_schema_vocabulary() =>
        Assert.Equal(Codecs().Select(f => f.Name).Order(StringComparer.Ordinal), Locations.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CodecNames))]
    public void A_codec_lists_exactly_the_codes_of_its_schema_enums(string codec)
    {
        var codes = CodesOf(codec);

        foreach (var location in Locations[codec])
        {
            var schemaCodes = SchemaEnum(location);
            Assert.True(schemaCodes.SetEquals(codes),
                $"{codec} differs from {location}: only in C#: [{string.Join(", ", codes.Except(schemaCodes))}]; " +
                $"only in the schema: [{string.Join(", ", schemaCodes.Except(codes))}]");
        }
    }

    [Theory]
    [MemberData(nameof(CodecNames))]
    public void A_codec_covers_every_enum_value_once(string codec)
    {
        var field = Codecs().Single(f => f.Name == codec);
        var value = field.GetValue(null)!;
        var enumType = field.PropertyType.GetGenericArguments()[0];
        var values = ((System.Collections.IEnumerable)field.PropertyType.GetProperty(nameof(EnumCodec<Gene>.Values))!.GetValue(value)!)
            .Cast<object>().ToList();

        Assert.Equal(Enum.GetValues(enumType).Cast<object>().Order(), values.Order());
        Assert.Equal(values.Count, CodesOf(codec).Count);
    }

    [Fact]
    public void A_code_is_written_once_on_its_enum_member_and_the_json_writes_it()
    {
        // The one place a code is written: [JsonStringEnumMemberName] on the member; the codec and the JSON follow it.
        var attribute = typeof(Gene).GetField(nameof(Gene.PdL1))!.GetCustomAttribute<System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute>();

        Assert.Equal("PD-L1", attribute?.Name);
        Assert.Equal("PD-L1", Codes.Gene.Code(Gene.PdL1));
        Assert.Equal("\"PD-L1\"", System.Text.Json.JsonSerializer.Serialize(Gene.PdL1, ContractJsonContext.Default.Gene));
        Assert.Equal(Gene.PdL1, System.Text.Json.JsonSerializer.Deserialize("\"PD-L1\"", ContractJsonContext.Default.Gene));
        Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize("\"pd-l1\"", ContractJsonContext.Default.Gene));
    }

    [Fact]
    public void Every_closed_vocabulary_of_the_case_schema_has_a_codec()
    {
        var mapped = Locations.Values.SelectMany(l => l).Where(l => l.StartsWith("case:", StringComparison.Ordinal)).Select(l => l[5..]).ToHashSet();

        var unmapped = EnumPointers(CaseSchema.Value, "").Where(p => !mapped.Contains(p)).ToList();

        Assert.Empty(unmapped);
    }

    private static IEnumerable<PropertyInfo> Codecs() =>
        typeof(Codes).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.PropertyType.IsGenericType && f.PropertyType.GetGenericTypeDefinition() == typeof(EnumCodec<>));

    private static HashSet<string> CodesOf(string codec)
    {
        var field = Codecs().Single(f => f.Name == codec);
        var codes = (IReadOnlyList<string>)field.PropertyType.GetProperty(nameof(EnumCodec<Gene>.Codes))!.GetValue(field.GetValue(null))!;
        var set = codes.ToHashSet(StringComparer.Ordinal);
        Assert.Equal(codes.Count, set.Count);
        return set;
    }

    // The non-null members of the enum at a location ("transformation" also admits null, which no codec spells).
    private static HashSet<string> SchemaEnum(string location)
    {
        var colon = location.IndexOf(':', StringComparison.Ordinal);
        var node = location[..colon] == "case" ? CaseSchema.Value : ResultSchema.Value;
        foreach (var segment in location[(colon + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node[segment] ?? throw new InvalidOperationException($"{location}: no '{segment}' in the schema");
        }

        var members = node["enum"]?.AsArray() ?? throw new InvalidOperationException($"{location} has no enum");
        return members.OfType<JsonNode>().Select(m => m.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> EnumPointers(JsonNode node, string pointer)
    {
        if (node is not JsonObject obj)
        {
            yield break;
        }

        if (obj.ContainsKey("enum"))
        {
            yield return pointer;
        }

        foreach (var (name, child) in obj)
        {
            foreach (var p in child is null ? [] : EnumPointers(child, $"{pointer}/{name}"))
            {
                yield return p;
            }
        }
    }
}
