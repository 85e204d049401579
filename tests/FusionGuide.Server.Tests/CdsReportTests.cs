using System.Net;
using FusionGuide.Fhir.CdsHooks;
using FusionGuide.Server.Tests.Support;
using FusionGuide.Testing.Fhir;
using Microsoft.Data.Sqlite;

namespace FusionGuide.Server.Tests;

/// <summary>
/// The report a CDS Hooks card links to stands on its own like every other report (issue #23 item 2): it opens with
/// "Patient and findings", restating the case read from the EHR's FHIR resources (stored with the audit record, #22).
/// </summary>
public sealed class CdsReportTests : IDisposable
{
    private readonly ApiFactory factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        factory.Dispose();
        SqliteConnection.ClearAllPools();
    }

    [Theory]
    [InlineData("text/markdown", "## Patient and findings", "## Diagnosis")]
    [InlineData("text/html", ">Patient and findings</h2>", ">Diagnosis</h2>")]
    public async Task The_report_behind_a_card_restates_the_patient_and_findings_read_from_FHIR_before_the_answer(string accept, string findings, string diagnosis)
    {
        var client = factory.CreateClient();
        using var call = await Http.Post(client, "/cds-services/" + CdsHooksService.PatientViewId, Http.Json(CdsFixture.PatientView(Scenarios.AlkG1202R())));
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        var cards = (await Http.Body(call)).GetProperty("cards").EnumerateArray();
        var link = new Uri(cards.Select(c => c.GetProperty("links")[0].GetProperty("url").GetString()!).First());

        using var request = new HttpRequestMessage(HttpMethod.Get, link.PathAndQuery);
        request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var at = text.IndexOf(findings, StringComparison.Ordinal);
        Assert.True(at >= 0, "no Patient and findings section");
        Assert.True(at < text.IndexOf(diagnosis, StringComparison.Ordinal), "Patient and findings comes before the diagnosis");
        var section = text[at..text.IndexOf(diagnosis, StringComparison.Ordinal)];
        // From the FHIR resources: the woman born in 1971, the ALK IHC, the plasma G1202R and the alectinib course.
        Assert.Contains("woman", section, StringComparison.Ordinal);
        Assert.Contains("G1202R", section, StringComparison.Ordinal);
        Assert.Contains("lectinib from 2022-01 to 2024-06", section, StringComparison.Ordinal);
    }
}
