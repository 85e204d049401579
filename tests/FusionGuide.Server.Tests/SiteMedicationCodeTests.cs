using FusionGuide.Engine;
using FusionGuide.Fhir;
using FusionGuide.Fhir.CdsHooks;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Knowledge.Medications;
using FusionGuide.Server.Commands;
using FusionGuide.Testing.Fhir;
using Hl7.Fhir.Model;

namespace FusionGuide.Server.Tests;

/// <summary>
/// Session 6 (closing-s5 "noticed"): the RxNorm medication-code table comes from the knowledge release the engine was
/// loaded with, in every front end that reads medication codes — the FHIR reader, CDS Hooks and the FHIR commands — so
/// a site's knowledge update can change medication codes. The site's copy here files RxNorm 308460 (azithromycin 250 MG
/// Oral Tablet in the shipped table) under clarithromycin; the embedded release is unchanged.
/// </summary>
public sealed class SiteMedicationCodeTests : IDisposable
{
    private const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private const string Code = "308460";

    private readonly TempDir dir = new("fg-kb-rxnorm-");

    public void Dispose() => dir.Dispose();

    /// <summary>The G1202R patient on lorlatinib, also taking the medication coded <see cref="Code"/> (code only, no words).</summary>
    private static BundleBuilder TakingTheCode() => Scenarios.AlkG1202R().Therapy("2103164", "lorlatinib", "2024-07", null, null).With(new MedicationStatement
    {
        Status = MedicationStatement.MedicationStatusCodes.Active, Medication = new CodeableConcept { Coding = [new Coding(RxNorm, Code)] },
        Subject = new ResourceReference("Patient/alk03"),
    });

    private Knowledge.KnowledgeBase SiteRelease()
    {
        var load = KnowledgeLoader.LoadDirectory(KnowledgeCopy.WithMedicationCodeMoved(dir, Code, "clarithromycin"));
        Assert.Empty(KnowledgeRelease.Problems(load));
        return load.KnowledgeBase!;
    }

    [Fact]
    public void FHIR_reader_reads_a_medication_code_with_the_table_of_the_loaded_release()
    {
        var site = FhirCaseReader.Read(TakingTheCode().Bundle(), Scenarios.Options, SiteRelease());
        var embedded = FhirCaseReader.Read(TakingTheCode().Bundle(), Scenarios.Options, KnowledgeLoader.Embedded);

        Assert.Contains("clarithromycin", site.Case!.Medications);
        Assert.DoesNotContain("azithromycin", site.Case.Medications);
        Assert.Contains("azithromycin", embedded.Case!.Medications);
        Assert.Equal("azithromycin", Assert.Single(MedicationCodeLoader.For(KnowledgeLoader.Embedded).Concept(Code)!.Ingredients).Name);
    }

    [Fact]
    public async System.Threading.Tasks.Task CDS_Hooks_over_an_engine_on_a_site_release_reads_the_order_with_its_table()
    {
        var service = new CdsHooksService(new FusionEngine(SiteRelease()), CdsFixture.Options);
        var draft = CdsFixture.CoMedicationDraft("draft-rx", Code, "");
        draft.Medication = new CodeableConcept { Coding = [new Coding(RxNorm, Code)] };

        var outcome = await service.OrderSelectAsync(CdsFixture.OrderSelect(Scenarios.AlkG1202R().Therapy("2103164", "lorlatinib", "2024-07", null, null), draft),
            TestContext.Current.CancellationToken);

        Assert.Contains("clarithromycin", outcome.Case!.Medications);
        Assert.Contains(outcome.Response!.Cards, c => c.Summary.StartsWith("clarithromycin + Lorlatinib", StringComparison.Ordinal));
    }

    [Fact]
    public void Fhir_command_reads_medication_codes_with_the_knowledge_folder_it_is_given()
    {
        var folder = KnowledgeCopy.WithMedicationCodeMoved(dir, Code, "clarithromycin");
        var bundle = dir.File("bundle.json");
        File.WriteAllText(bundle, FhirJson.Serialize(TakingTheCode().Bundle()));

        var (code, output, _) = Run("fhir", bundle, "--as-of", "2026-11-24", "--region", "US", "--knowledge", folder);
        var (_, embedded, _) = Run("fhir", bundle, "--as-of", "2026-11-24", "--region", "US");

        Assert.Equal(0, code);
        Assert.Contains("\"clarithromycin\"", output, StringComparison.Ordinal);
        Assert.Contains("\"azithromycin\"", embedded, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_its_medication_code_table_is_refused_rather_than_read_with_another_releases()
    {
        var folder = KnowledgeCopy.WithoutMedicationCodes(dir);
        var bundle = dir.File("bundle.json");
        File.WriteAllText(bundle, FhirJson.Serialize(TakingTheCode().Bundle()));

        var (code, output, error) = Run("recommend", "--fhir", bundle, "--knowledge", folder);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("medication-codes/rxnorm.json", error, StringComparison.Ordinal);
        Assert.Contains("\"--knowledge\"", error, StringComparison.Ordinal);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = FhirCommands.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
