using System.Reflection;

namespace FusionGuide.Cli.Tests;

/// <summary>Dependencies point one way: the engine and the domain know nothing of HTTP or FHIR.</summary>
public sealed class ArchitectureTests
{
    [Theory]
    [InlineData("FusionGuide.Domain")]
    [InlineData("FusionGuide.Knowledge")]
    [InlineData("FusionGuide.Engine")]
    public void Core_assemblies_reference_neither_AspNetCore_nor_FHIR(string assembly)
    {
        var references = Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Hl7.Fhir", StringComparison.Ordinal) || r.StartsWith("Firely", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("FusionGuide.Server", StringComparison.Ordinal) || r.StartsWith("FusionGuide.Fhir", StringComparison.Ordinal) || r.StartsWith("FusionGuide.Cli", StringComparison.Ordinal));
    }

    [Fact]
    public void Engine_does_not_read_the_clock()
    {
        var engine = Assembly.Load("FusionGuide.Engine");
        var il = engine.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => m.GetMethodBody()?.GetILAsByteArray()).OfType<byte[]>().ToList();
        var module = engine.ManifestModule;
        var clock = new[] { typeof(DateTime).GetProperty(nameof(DateTime.Now))!.GetMethod!, typeof(DateTime).GetProperty(nameof(DateTime.UtcNow))!.GetMethod!, typeof(DateTime).GetProperty(nameof(DateTime.Today))!.GetMethod!, typeof(DateTimeOffset).GetProperty(nameof(DateTimeOffset.Now))!.GetMethod!, typeof(DateTimeOffset).GetProperty(nameof(DateTimeOffset.UtcNow))!.GetMethod! };
        foreach (var body in il)
        {
            for (var i = 0; i + 4 < body.Length; i++)
            {
                if (body[i] is 0x28 or 0x6F)
                {
                    var token = BitConverter.ToInt32(body, i + 1);
                    MethodBase? target = null;
                    try
                    {
                        target = module.ResolveMethod(token);
                    }
                    catch (ArgumentException)
                    {
                    }

                    Assert.DoesNotContain(target, clock);
                }
            }
        }
    }
}
