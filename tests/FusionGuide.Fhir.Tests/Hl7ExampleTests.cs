
namespace FusionGuide.Fhir.Tests;

/// <summary>The real HL7 examples (tests/fhir-examples, copied from ../shared/fhir-examples): what each maps to, and that every skipped fact is named.</summary>
public sealed class Hl7ExampleTests
{
    [Fact]
    public void ROS1_fusion_without_partner_is_ROS1_positive_with_no_partner()
    {
        var m = Examples.Map("gr3-Observation-ROS1-Fusion-var.json");
        var test = Assert.Single(m.Case!.Tests);
        Assert.Equal((Gene.Ros1, Domain.TestResult.Positive, TestMethod.NgsDna, "2023-02-01"), (test.Gene, test.Result!.Value, test.Method, test.Date));
        Assert.Null(test.FusionPartner);
        Assert.Empty(test.Mutations);
        Assert.Equal("ROS1", Scenarios.Engine.Evaluate(m.Case, Examples.AsOf).Diagnosis.Driver is Driver.Ros1 ? "ROS1" : "other");
    }

    [Fact]
    public void EGFR_L858R_is_EGFR_positive_with_the_mutation()
    {
        var m = Examples.Map("gr3-Observation-EGFR-L858R-var.json");
        var test = Assert.Single(m.Case!.Tests);
        Assert.Equal((Gene.Egfr, Domain.TestResult.Positive), (test.Gene, test.Result!.Value));
        Assert.Equal(["L858R"], test.Mutations);
        Assert.Equal(Driver.Other, Scenarios.Engine.Evaluate(m.Case, Examples.AsOf).Diagnosis.Driver);
    }

    [Fact]
    public void Therapeutic_implication_is_named_as_skipped_with_its_drug()
    {
        var m = Examples.Map("gr3-Observation-ROS1-Fusion-therapuDrug.json");
        Assert.Empty(m.Case!.Tests);
        Assert.Contains(m.Warnings, w => w.Path == "Observation.code" && w.Message.Contains("crizotinib", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void NSCLC_condition_is_adenocarcinoma_stage_IIIC()
    {
        var m = Examples.Map("mcode4-Condition-primary-cancer-condition-nsclc.json");
        Assert.Equal((Histology.Adenocarcinoma, Stage.IIIC), (m.Case!.Tumor.Histology!.Value, m.Case.Tumor.Stage!.Value));
        Assert.Empty(m.Problems);
    }

    [Fact]
    public void Brain_metastasis_condition_is_brain_metastases_present()
    {
        var m = Examples.Map("mcode4-Condition-secondary-cancer-condition-brain-mets.json");
        Assert.True(m.Case!.Disease.BrainMetastases!.Present);
        Assert.Equal([MetastaticSite.Brain], m.Case.Disease.Sites);
    }

    [Fact]
    public void GenomeX_bundle_reads_the_MET_ALK_fusion_the_negatives_and_names_everything_else()
    {
        var m = Examples.Map("mcode4-Bundle-gx-genomic-bundle-adam-anyperson.json");
        var c = m.Case!;
        Assert.Equal(("gx-cancer-patient-adam-anyperson", 36, Sex.Male, Histology.Adenocarcinoma), (c.Id, c.Patient.Age!.Value, c.Patient.Sex!.Value, c.Tumor.Histology!.Value));
        var alk = Assert.Single(c.Tests, t => t.Gene == Gene.Alk);
        Assert.Equal((Domain.TestResult.Positive, "MET", Sample.Tissue, TestMethod.NgsDna), (alk.Result!.Value, alk.FusionPartner, alk.Sample!.Value, alk.Method));
        var braf = Assert.Single(c.Tests, t => t.Gene == Gene.Braf);
        Assert.Equal(Domain.TestResult.Negative, braf.Result);
        Assert.Equal(2, c.Tests.Count);

        // NRAS and KIT are outside the vocabulary; the other variants, signatures and implications are named, with their paths.
        Assert.Contains(m.Warnings, w => w.Path == "Bundle.entry[18].resource.component[0].valueCodeableConcept" && w.Message.Contains("NRAS", StringComparison.Ordinal));
        Assert.Contains(m.Warnings, w => w.Path == "Bundle.entry[18].resource.component[1].valueCodeableConcept" && w.Message.Contains("KIT", StringComparison.Ordinal));
        foreach (var gene in new[] { "BAP1", "CDKN2A", "CDKN2B", "KDM5D", "MTAP", "MYCN", "POF1B", "POLRMT" })
        {
            Assert.Contains(m.Warnings, w => w.Message.Contains(gene, StringComparison.Ordinal));
        }

        Assert.Equal(5, m.Warnings.Count(w => w.Message.Contains("therapeutic-implication", StringComparison.Ordinal)));
        Assert.Contains(m.Warnings, w => w.Path == "Bundle.entry[19].resource.code");
        Assert.Contains(m.Warnings, w => w.Path == "Bundle.entry[1].resource.result[14]");

        var result = Scenarios.Engine.Evaluate(c, Examples.AsOf, m.Warnings);
        Assert.Equal((Driver.Alk, "MET"), (result.Diagnosis.Driver, result.Diagnosis.FusionPartner));
    }

    [Fact]
    public void Every_entry_of_the_GenomeX_bundle_is_read_or_named()
    {
        var m = Examples.Map("mcode4-Bundle-gx-genomic-bundle-adam-anyperson.json");
        var bundle = (Hl7.Fhir.Model.Bundle)Examples.Resource("mcode4-Bundle-gx-genomic-bundle-adam-anyperson.json");
        string[] readWithoutWarning = ["Patient", "ServiceRequest", "Practitioner", "Specimen", "DiagnosticReport"];
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var type = bundle.Entry[i].Resource!.TypeName;
            var named = m.Warnings.Any(w => w.Path.StartsWith($"Bundle.entry[{i}].", StringComparison.Ordinal));
            var used = type == "Observation" && (i == 17 || i == 18);
            Assert.True(named || used || readWithoutWarning.Contains(type), $"entry {i} ({type}) was neither used nor named");
        }
    }

    [Fact]
    public void Fusion_partners_are_unordered()
    {
        var one = new BundleBuilder("p").Variant("2024-01-01", "TUMOR", "RNA sequencing", null, ("HGNC:3467", "EML4"), ("HGNC:427", "ALK"));
        var other = new BundleBuilder("p").Variant("2024-01-01", "TUMOR", "RNA sequencing", null, ("HGNC:427", "ALK"), ("HGNC:3467", "EML4"));
        var options = new FhirMappingOptions { AsOf = Examples.AsOf };
        foreach (var b in new[] { one, other })
        {
            var test = Assert.Single(FhirCaseReader.Read(b.Bundle(), options).Case!.Tests);
            Assert.Equal((Gene.Alk, "EML4", TestMethod.NgsRna), (test.Gene, test.FusionPartner, test.Method));
        }
    }

    [Fact]
    public void The_older_HGNC_system_uri_is_read_too()
    {
        var o = (Hl7.Fhir.Model.Observation)Examples.Resource("gr3-Observation-ROS1-Fusion-var.json");
        var gene = o.Component.Select(c => c.Value).OfType<Hl7.Fhir.Model.CodeableConcept>().SelectMany(c => c.Coding).Single(c => c.Code == "HGNC:10261");
        gene.System = "http://www.genenames.org/geneId";
        gene.Display = null;
        Assert.Equal(Gene.Ros1, Assert.Single(FhirCaseReader.Read(o, new FhirMappingOptions { AsOf = Examples.AsOf }).Case!.Tests).Gene);
    }
}
