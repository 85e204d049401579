using FusionGuide.Domain.Validation;
using FusionGuide.Engine;
using FusionGuide.Knowledge.Loading;
using Hl7.Fhir.Model;

namespace FusionGuide.Testing.Fhir;

/// <summary>The main clinical scenarios, each as a FHIR bundle built with the SDK and as the equivalent contract case.</summary>
public static class Scenarios
{
    public static readonly DateOnly AsOf = new(2026, 11, 24);

    public static FusionEngine Engine { get; } = new(KnowledgeLoader.Embedded);

    public static FhirMappingOptions Options { get; } = new() { AsOf = AsOf, Region = Domain.Region.US };

    private static BundleBuilder Base(string id) => new BundleBuilder(id)
        .Patient("1971-03-15", AdministrativeGender.Female).Smoking("266919005").Ecog(1)
        .Primary("35917007", "1222841004");

    public static BundleBuilder AlkFirstLine() => Base("alk01").Metastasis("94222008", "Secondary malignant neoplasm of bone").AlkIhc("2024-01-10");

    public static BundleBuilder AlkG1202R() => Base("alk03").Metastasis("94222008", "Secondary malignant neoplasm of bone").AlkIhc("2021-12-01")
        .Therapy("1727455", "alectinib", "2022-01", "2024-06", "Systemic disease progression")
        .Variant("2024-06-20", "PLAS", "Plasma cell-free DNA sequencing", "NP_004295.2:p.Gly1202Arg", ("HGNC:427", "ALK"));

    public static BundleBuilder Ros1G2032R() => Base("ros103").Metastasis("94222008", "Secondary malignant neoplasm of bone")
        .Variant("2021-12-01", "TUMOR", "RNA sequencing (NGS)", null, ("HGNC:1697", "CD74"), ("HGNC:10261", "ROS1"))
        .Therapy("1148495", "crizotinib", "2022-01", "2024-06", "Systemic disease progression")
        .Variant("2024-06-20", "PLAS", "Plasma cell-free DNA sequencing", "p.Gly2032Arg", ("HGNC:10261", "ROS1"));

    public static BundleBuilder LorlatinibRifampin() => AlkG1202R().CoMedication("9384", "rifampin");

    private const string Demographics = """
        "patient": { "age": 55, "sex": "female", "smoking": "never", "ecog": 1 },
        "tumor": { "histology": "adenocarcinoma", "stage": "IVB" },
        "disease": { "sites": ["bone"] },
        "context": { "region": "US" },
        """;

    private const string AlkIhc = """{ "gene": "ALK", "method": "ihc", "sample": "tissue", "clone": "D5F3", "result": "positive", "date": "DATE" }""";

    public static string AlkFirstLineJson => "{ \"id\": \"alk01\", " + Demographics + "\"tests\": [" + AlkIhc.Replace("DATE", "2024-01-10", StringComparison.Ordinal) + "] }";

    public static string AlkG1202RJson(string id = "alk03", string medications = "") => $$"""
        { "id": "{{id}}", {{Demographics}}
          "tests": [ {{AlkIhc.Replace("DATE", "2021-12-01", StringComparison.Ordinal)}},
            { "gene": "ALK", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "mutations": ["G1202R"], "date": "2024-06-20" } ],
          "history": [ { "therapy": "alectinib", "start": "2022-01", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" } ],
          "medications": [{{medications}}] }
        """;

    public static string Ros1G2032RJson => $$"""
        { "id": "ros103", {{Demographics}}
          "tests": [ { "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "positive", "fusionPartner": "CD74", "date": "2021-12-01" },
            { "gene": "ROS1", "method": "ngs-dna", "sample": "plasma", "timing": "progression", "result": "positive", "mutations": ["G2032R"], "date": "2024-06-20" } ],
          "history": [ { "therapy": "crizotinib", "start": "2022-01", "end": "2024-06", "stopReason": "progression", "progressionPattern": "systemic" } ] }
        """;

    public static string LorlatinibRifampinJson => AlkG1202RJson(medications: "\"rifampin\"");

    public static Domain.Case Case(string json)
    {
        var read = CaseReader.Read(json);
        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        return read.Case!;
    }
}
