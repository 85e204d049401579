using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using FusionGuide.Domain;
using FusionGuide.Domain.Wire;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Knowledge.Tests;

/// <summary>
/// The code tables the build generates (src/FusionGuide.CodeTables) are what the attributes say: every enumeration
/// with wire codes, in the domain and the knowledge model, gets its codes from its generated table, and that table
/// lists the same members with the same codes in the same order as reading the attributes by reflection.
/// </summary>
public class GeneratedCodeTableTests
{
    private static readonly Assembly[] Assemblies = [typeof(Codes).Assembly, typeof(Terms).Assembly];

    public static TheoryData<string> CodedEnumerations =>
    [
        .. Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.IsEnum && t.GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => f.IsDefined(typeof(JsonStringEnumMemberNameAttribute))))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void The_domain_and_the_knowledge_model_have_coded_enumerations() =>
        Assert.True(CodedEnumerations.Count >= 40, $"only {CodedEnumerations.Count} coded enumerations found");

    [Theory]
    [MemberData(nameof(CodedEnumerations))]
    public void An_enumeration_reads_its_codes_from_its_generated_table_which_equals_its_attributes(string name)
    {
        var type = Assemblies.Select(a => a.GetType(name)).Single(t => t is not null)!;
        // A process runs each assembly's module initializer before its code uses the enumeration; a test may touch the
        // codec first, so it runs them explicitly.
        foreach (var assembly in Assemblies)
        {
            RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        }

        var generated = (bool)Generic(nameof(EnumCodec.IsGenerated), type).Invoke(null, null)!;
        var fromAttributes = ((System.Collections.IEnumerable)Generic(nameof(EnumCodec.FromAttributes), type).Invoke(null, null)!).Cast<object>().Select(Pair).ToList();
        var codec = Generic(nameof(EnumCodec.Of), type).Invoke(null, null)!;
        var values = ((System.Collections.IEnumerable)codec.GetType().GetProperty(nameof(EnumCodec<Gene>.Values))!.GetValue(codec)!).Cast<object>();
        var codes = (IReadOnlyList<string>)codec.GetType().GetProperty(nameof(EnumCodec<Gene>.Codes))!.GetValue(codec)!;

        Assert.True(generated, $"{name} has no generated code table");
        Assert.Equal(fromAttributes, values.Zip(codes, (v, c) => (v.ToString()!, c)));
    }

    private static MethodInfo Generic(string method, Type type) => typeof(EnumCodec).GetMethod(method)!.MakeGenericMethod(type);

    private static (string Value, string Code) Pair(object tuple)
    {
        var t = (ITuple)tuple;
        return (t[0]!.ToString()!, (string)t[1]!);
    }
}
