using System.Reflection;
using FusionGuide.Fhir.CdsHooks;

namespace FusionGuide.Fhir.Tests;

/// <summary>
/// The FHIR library reads FHIR and builds CDS Hooks answers; it neither renders reports (the command that printed them
/// lives in the server executable) nor decides HTTP: statuses and problem details are the server's.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Fhir = typeof(FhirCaseReader).Assembly;

    [Fact]
    public void Fhir_references_neither_Rendering_nor_AspNetCore_nor_a_front_end()
    {
        var references = Fhir.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.DoesNotContain("FusionGuide.Rendering", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("FusionGuide.Server", StringComparison.Ordinal) || r.StartsWith("FusionGuide.Cli", StringComparison.Ordinal));
    }

    [Fact]
    public void No_FHIR_type_carries_an_HTTP_status()
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var offenders = Fhir.GetTypes()
            .SelectMany(t => t.GetProperties(all).Select(p => (Type: t, p.Name, Of: p.PropertyType))
                .Concat(t.GetFields(all).Select(f => (Type: t, f.Name, Of: f.FieldType)))
                .Concat(t.GetMethods(all).SelectMany(m => m.GetParameters()).Select(p => (Type: t, Name: p.Name ?? "", Of: p.ParameterType))))
            .Where(m => m.Of == typeof(System.Net.HttpStatusCode)
                || (m.Of == typeof(int) && (m.Name.Equals("Status", StringComparison.OrdinalIgnoreCase) || m.Name.Contains("StatusCode", StringComparison.OrdinalIgnoreCase))))
            .Select(m => $"{m.Type.FullName}.{m.Name}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void A_CDS_Hooks_outcome_is_a_kind_of_ending_not_a_status()
    {
        Assert.Equal(["Answered", "InvalidRequest", "UnknownService", "PrefetchMissing", "PrefetchOtherPatient"], Enum.GetNames<CdsOutcomeKind>());
    }
}
