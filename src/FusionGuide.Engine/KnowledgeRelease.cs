using FusionGuide.Domain.Validation;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Engine;

/// <summary>
/// Whether a loaded knowledge folder can run this engine: every problem the loader's validator found, then what the
/// engine's rules need and the base lacks, then the release's RxNorm medication-code table (missing, or not matching
/// the interaction classes: the FHIR reader and CDS Hooks read codes from it). One list for <c>kb validate DIR</c> and for <c>--knowledge DIR</c>, so a
/// release the validator passes is a release the CLI and the server accept. Pure: the folder is read by the caller.
/// </summary>
public static class KnowledgeRelease
{
    /// <summary>Every problem of <paramref name="load"/>, each at the file at fault; empty when the release can be used.</summary>
    public static IReadOnlyList<Problem> Problems(LoadResult load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var problems = load.Problems.Select(p => new Problem(p.File, $"{p.Code} {p.Message}")).ToList();
        if (load.KnowledgeBase is { } kb)
        {
            problems.AddRange(FusionEngine.MissingRequirements(kb)
                .Select(m => new Problem("engine", $"{KnowledgeCodes.MissingRequired} the engine needs {m}")));
            problems.AddRange(Knowledge.Medications.MedicationCodeLoader.Check(kb).Problems.Select(p => new Problem(p.File, $"{p.Code} {p.Message}")));
        }
        else if (problems.Count == 0)
        {
            problems.Add(new Problem("manifest.json", $"{KnowledgeCodes.BadManifest} the folder did not load as a knowledge base"));
        }

        return problems;
    }
}
