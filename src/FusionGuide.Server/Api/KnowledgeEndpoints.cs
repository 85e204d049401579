using FusionGuide.Domain;
using FusionGuide.Engine;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Knowledge.Model;
using FusionGuide.Rendering;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FusionGuide.Server.Api;

/// <summary><c>GET /v1/knowledge</c>, <c>GET /v1/knowledge/drugs/{id}</c> and <c>GET /healthz</c>.</summary>
internal static class KnowledgeEndpoints
{
    public static IEndpointRouteBuilder MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        var kb = app.MapGroup("/v1/knowledge").WithTags("Knowledge");
        kb.MapGet("/", Knowledge).WithSummary("Knowledge-base version, release date, drug ids and the reference list.");
        kb.MapGet("/drugs/{id}", DrugById).WithSummary("One drug record as the knowledge base holds it, with its sources.");
        app.MapGet("/healthz", Health).WithTags("Operations").WithSummary("Liveness: the knowledge base is loaded.");
        return app;
    }

    public static Ok<KnowledgeDto> Knowledge(FusionEngine engine, ReferenceList references)
    {
        var kb = engine.KnowledgeBase;
        // The readable forms come from the reports' rules (ReadableReferences), so the web page keeps no copy of them.
        var listedAs = ReadableReferences.Canonical(references);
        var refs = kb.References.Select(r => new ReferenceDto(r.Id, r.ShortName ?? r.Id, r.Kind.Code(), r.Citation, r.Date, r.Url, r.Provenance.Verified,
            ReadableReferences.Label(r.ShortName ?? r.Id), ReadableReferences.Citation(r.Citation), listedAs(r.Id))).ToList();
        return TypedResults.Ok(new KnowledgeDto(kb.Version, kb.ReleaseDate.Code(), kb.Manifest.ContractVersion, [.. kb.Drugs.Select(d => d.Id)], refs));
    }

    /// <summary>The drug's knowledge file as JSON (its own field names), not the compiled typed record.</summary>
    public static Results<ContentHttpResult, ProblemHttpResult> DrugById(string id, FusionEngine engine)
    {
        var kb = engine.KnowledgeBase;
        return Codes.Therapy.TryParse(id, out var therapy) && kb.HasDrug(therapy)
            ? TypedResults.Text(KnowledgeRecordJson.Write(kb, kb.Drug(therapy)), "application/json")
            : ApiProblems.NotFound($"The knowledge base has no drug '{id}'. GET /v1/knowledge lists the drug ids.");
    }

    public static Ok<HealthDto> Health(FusionEngine engine) => TypedResults.Ok(new HealthDto("ok", engine.KnowledgeBase.Version));
}
