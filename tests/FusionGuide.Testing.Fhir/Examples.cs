using Hl7.Fhir.Model;

namespace FusionGuide.Testing.Fhir;

/// <summary>The HL7 example files: the repository's copy in tests/fhir-examples (else ../shared/fhir-examples), found by walking up from the test binary.</summary>
public static class Examples
{
    public static readonly DateOnly AsOf = new(2026, 11, 24);

    public static string Directory { get; } = Find();

    public static string Json(string file) => File.ReadAllText(Path.Combine(Directory, file));

    public static Resource Resource(string file) => FhirJson.Parse(Json(file)).Resource ?? throw new InvalidOperationException($"{file} did not parse");

    public static FhirMapping Map(string file, FhirMappingOptions? options = null) =>
        FhirCaseReader.ReadJson(Json(file), options ?? new FhirMappingOptions { AsOf = AsOf });

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "FusionGuide.slnx")))
            {
                continue;
            }

            foreach (var candidate in new[] { Path.Combine(dir.FullName, "tests", "fhir-examples"), Path.Combine(dir.FullName, "..", "shared", "fhir-examples") })
            {
                if (System.IO.Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException("tests/fhir-examples (or ../shared/fhir-examples) was not found above the test binary");
    }
}
