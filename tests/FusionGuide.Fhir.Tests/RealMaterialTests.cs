using System.Text.Json.Nodes;
using FusionGuide.Fhir.CdsHooks;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace FusionGuide.Fhir.Tests;

/// <summary>
/// Issue #21 item 6: the HL7 IG examples (mCODE STU4 GenomeX bundle, Genomics Reporting STU3 observations; CC0, in
/// tests/fhir-examples) and a synthetic EHR record — paged observations, product-coded orders, a chemotherapy line —
/// through the FHIR reader and the CDS services, asserting scope, completeness, coded medications, history and the
/// report-link rule.
/// </summary>
public sealed class RealMaterialTests
{
    private const string Ehr = "https://ehr.example/fhir";
    private const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private const string Snomed = "http://snomed.info/sct";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonNode Node(Resource r) => JsonNode.Parse(FhirJson.Serialize(r, indented: false))!;

    /// <summary>The IG bundle split into the prefetch keys an EHR would send (searchsets by resource type).</summary>
    private static JsonObject PrefetchOf(Bundle bundle, string patientId)
    {
        Bundle Search(params string[] types)
        {
            var b = new Bundle { Type = Bundle.BundleType.Searchset };
            b.Entry.AddRange(bundle.Entry.Where(e => e.Resource is not null && types.Contains(e.Resource.TypeName))
                .Select(e => new Bundle.EntryComponent { FullUrl = e.FullUrl, Resource = e.Resource }));
            b.Total = b.Entry.Count;
            return b;
        }

        var patient = bundle.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Patient>().Single(p => p.Id == patientId);
        return new JsonObject
        {
            ["patient"] = Node(patient), ["conditions"] = Node(Search("Condition")),
            ["observations"] = Node(Search("Observation", "Specimen", "DiagnosticReport", "ServiceRequest")),
            ["medicationStatements"] = Node(Search("MedicationStatement")), ["medicationRequests"] = Node(Search("MedicationRequest")),
            ["adverseEvents"] = Node(Search("AdverseEvent")),
        };
    }

    private static string PatientView(string patientId, JsonObject prefetch, string? fhirServer = null) => new JsonObject
    {
        ["hook"] = "patient-view", ["hookInstance"] = Guid.NewGuid().ToString(), ["fhirServer"] = fhirServer,
        ["context"] = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = patientId }, ["prefetch"] = prefetch,
    }.ToJsonString();

    [Fact]
    public async Task The_mCODE_GenomeX_bundle_through_patient_view_is_in_scope_and_every_card_links_the_calls_report()
    {
        var bundle = (Bundle)Examples.Resource("mcode4-Bundle-gx-genomic-bundle-adam-anyperson.json");
        var patientId = bundle.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Patient>().First().Id!;
        var outcome = await CdsFixture.Service().PatientViewAsync(PatientView(patientId, PrefetchOf(bundle, patientId)), Ct);
        Assert.Equal(CdsOutcomeKind.Answered, outcome.Kind);
        Assert.Null(outcome.OutOfScope);
        Assert.NotEmpty(outcome.Response!.Cards);
        Assert.All(outcome.Response.Cards, c => Assert.Equal($"https://fusionguide.example/reports/{outcome.ReportToken}", Assert.Single(c.Links!).Url));
        // The bundle's MET-ALK fusion is read from the IG's Genomics Reporting variant.
        Assert.Equal(GeneStatus.Positive, outcome.Result!.Diagnosis.Genes["ALK"]);
    }

    [Fact]
    public void The_Genomics_Reporting_ROS1_fusion_and_the_mCODE_NSCLC_condition_read_together_are_a_ROS1_positive_lung_cancer()
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        foreach (var file in new[] { "mcode4-Condition-primary-cancer-condition-nsclc.json", "gr3-Observation-ROS1-Fusion-var.json" })
        {
            var r = Examples.Resource(file);
            // The two IGs' examples name different patients: read as one record for this test.
            switch (r)
            {
                case Condition c: c.Subject = new ResourceReference("Patient/one"); break;
                case Observation o: o.Subject = new ResourceReference("Patient/one"); break;
            }

            bundle.Entry.Add(new Bundle.EntryComponent { Resource = r });
        }

        var m = FhirCaseReader.Read(bundle, new FhirMappingOptions { AsOf = Examples.AsOf });
        Assert.Null(m.OutOfScope);
        Assert.Equal(Domain.TestResult.Positive, m.Case!.Tests.Single(t => t.Gene == Gene.Ros1).Result);
    }

    /// <summary>
    /// A synthetic EHR record as a hospital's FHIR server returns it: an ALK-positive adenocarcinoma; the ALK result on
    /// page 2 of the observation search; cisplatin and pemetrexed given in 2023 (stopped for progression, one
    /// MedicationRequest per drug, coded at product level); lorlatinib ordered since 2024 by its SCD code; omeprazole
    /// by product name and rifampin by SBD code alone among the MedicationStatements.
    /// </summary>
    private static (JsonObject Prefetch, PagedServer Server) SyntheticEhrRecord()
    {
        var b = new BundleBuilder("ehr01").Patient("1968-04-02", AdministrativeGender.Male).Smoking("266919005").Ecog(1)
            .Primary("35917007", "1222841004").Metastasis("94222008", "Secondary malignant neoplasm of bone").AlkIhc("2023-01-05");
        var progression = new CodeableConcept(Snomed, "266721009", "Absent response to treatment (situation)");
        MedicationRequest Order(string code, string? display, MedicationRequest.MedicationrequestStatus status, string start, string? end, CodeableConcept? reason) => new()
        {
            Status = status, Intent = MedicationRequest.MedicationRequestIntent.Order, Subject = new ResourceReference("Patient/ehr01"),
            Medication = new CodeableConcept { Coding = [new Coding(RxNorm, code, display)] }, AuthoredOn = start, StatusReason = reason,
            DosageInstruction = [new Dosage { Timing = new Timing { Repeat = new Timing.RepeatComponent { Bounds = new Period { Start = start, End = end } } } }],
        };
        b.With(Order("309311", "cisplatin 1 MG/ML Injectable Solution", MedicationRequest.MedicationrequestStatus.Stopped, "2023-02-01", "2023-09-15", progression))
            .With(Order("68446", null, MedicationRequest.MedicationrequestStatus.Stopped, "2023-02-01", "2023-09-15", progression))
            .With(Order("2103177", "lorlatinib 100 MG Oral Tablet", MedicationRequest.MedicationrequestStatus.Active, "2023-10-01", null, null))
            .With(new MedicationStatement { Status = MedicationStatement.MedicationStatusCodes.Active, Subject = new ResourceReference("Patient/ehr01"), Medication = new CodeableConcept { Text = "Omeprazole 20 MG Delayed Release Oral Capsule" } })
            .With(new MedicationStatement { Status = MedicationStatement.MedicationStatusCodes.Active, Subject = new ResourceReference("Patient/ehr01"), Medication = new CodeableConcept { Coding = [new Coding(RxNorm, "201868")] } });
        var prefetch = CdsFixture.Prefetch(b);
        var all = b.Search("Observation", "Specimen");
        var page1 = new Bundle { Type = Bundle.BundleType.Searchset };
        page1.Entry.AddRange(all.Entry.Where(e => e.Resource is not Observation { Code.Text: { } text } || !text.StartsWith("ALK", StringComparison.Ordinal)));
        var page2 = new Bundle { Type = Bundle.BundleType.Searchset };
        page2.Entry.AddRange(all.Entry.Except(page1.Entry));
        page1.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = Ehr + "/Observation?patient=ehr01&_page=2" });
        prefetch["observations"] = Node(page1);
        return (prefetch, new PagedServer(new() { ["Observation?patient=ehr01"] = page1, ["Observation?patient=ehr01&_page=2"] = page2 }));
    }

    [Fact]
    public async Task The_synthetic_EHR_record_with_an_unfollowed_next_page_is_412_never_not_tested()
    {
        var (prefetch, _) = SyntheticEhrRecord();
        var outcome = await CdsFixture.Service().PatientViewAsync(PatientView("ehr01", prefetch), Ct);
        Assert.Equal(CdsOutcomeKind.PrefetchMissing, outcome.Kind);
        Assert.Null(outcome.Result);
    }

    [Fact]
    public async Task The_synthetic_EHR_record_read_in_full_gives_history_coded_medications_and_a_critical_rifampin_card()
    {
        var (prefetch, server) = SyntheticEhrRecord();
        var service = new CdsHooksService(Scenarios.Engine, CdsFixture.Options, server);
        var outcome = await service.PatientViewAsync(PatientView("ehr01", prefetch, Ehr), Ct);
        Assert.Equal(CdsOutcomeKind.Answered, outcome.Kind);
        Assert.Null(outcome.OutOfScope);
        Assert.Contains("Observation?patient=ehr01&_page=2", server.Queries);
        var c = outcome.Case!;
        Assert.Equal(Domain.TestResult.Positive, c.Tests.Single(t => t.Gene == Gene.Alk).Result);
        Assert.Equal([(Therapy.PlatinumPemetrexed, StopReason.Progression), (Therapy.Lorlatinib, StopReason.Ongoing)], c.History.Select(h => (h.Therapy, h.StopReason!.Value)));
        Assert.Equal(["omeprazole", "rifampin"], c.Medications.Order(StringComparer.Ordinal));
        var interactions = Assert.Single(outcome.Response!.Cards, x => x.Source.Topic!.Code == "interactions");
        Assert.Equal("critical", interactions.Indicator);
        Assert.Contains("rifampin", interactions.Summary, StringComparison.Ordinal);
        // On lorlatinib: never offered an order of it.
        Assert.DoesNotContain(outcome.Response.Cards.SelectMany(x => x.Suggestions ?? []), s => s.Label.StartsWith("Order Lorlatinib", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_hook_instance_called_twice_never_gets_the_same_report_link()
    {
        var (prefetch, server) = SyntheticEhrRecord();
        var service = new CdsHooksService(Scenarios.Engine, CdsFixture.Options, server);
        var body = PatientView("ehr01", prefetch, Ehr);
        var first = await service.PatientViewAsync(body, Ct);
        var second = await service.PatientViewAsync(body, Ct);
        var links = new[] { first, second }.Select(o => o.Response!.Cards.SelectMany(c => c.Links ?? []).Select(l => l.Url).Distinct().Single()).ToList();
        Assert.NotEqual(links[0], links[1]);
        Assert.All(links, l => Assert.DoesNotContain(first.Request!.HookInstance, l, StringComparison.Ordinal));
    }

    private sealed class PagedServer(Dictionary<string, Resource> pages) : IFhirQueryClient
    {
        public List<string> Queries { get; } = [];

        public System.Threading.Tasks.Task<Resource?> GetAsync(Uri fhirServer, string relativeQuery, string? accessToken, CancellationToken cancellationToken)
        {
            Queries.Add(relativeQuery);
            return System.Threading.Tasks.Task.FromResult(pages.GetValueOrDefault(relativeQuery));
        }
    }
}
