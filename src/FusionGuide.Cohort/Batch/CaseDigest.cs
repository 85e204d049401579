using FusionGuide.Domain;

namespace FusionGuide.Cohort.Batch;

/// <summary>What the cohort report needs of one evaluated case (a few fields, not the whole result).</summary>
/// <param name="Line">1-based input line.</param>
/// <param name="CaseId">The case id, when given.</param>
/// <param name="Driver">The established driver.</param>
/// <param name="Setting">The setting.</param>
/// <param name="Options">The ranked options with their preference (the first is the first choice).</param>
/// <param name="Avoid">Each therapy avoided with its reason text.</param>
/// <param name="WarningCodes">Warning codes of the diagnosis and of the case, each once.</param>
/// <param name="GivenNext">The therapy actually given next, when the case says.</param>
public sealed record CaseDigest(long Line, string? CaseId, Driver Driver, Setting Setting,
    IReadOnlyList<(Therapy Therapy, Preference Preference)> Options, IReadOnlyList<(Therapy Therapy, string Reason)> Avoid,
    IReadOnlyList<string> WarningCodes, Therapy? GivenNext)
{
    /// <summary>Builds the digest of a result.</summary>
    public static CaseDigest Of(long line, Case @case, Result result)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(result);
        var codes = new List<string>();
        foreach (var w in result.Diagnosis.Warnings)
        {
            if (!codes.Contains(w.Code))
            {
                codes.Add(w.Code);
            }
        }

        foreach (var w in result.Warnings)
        {
            if (!codes.Contains(w.Code))
            {
                codes.Add(w.Code);
            }
        }

        return new CaseDigest(line, result.CaseId, result.Diagnosis.Driver, result.SystemicTherapy.Setting,
            [.. result.SystemicTherapy.Options.Select(o => (o.Therapy, o.Preference))],
            [.. result.SystemicTherapy.Avoid.Select(a => (a.Therapy, a.Reason))],
            codes, @case.GivenNext);
    }
}

/// <summary>Receives, in input order and on one thread, every line of a batch.</summary>
public interface ICohortSink
{
    /// <summary>A case was evaluated.</summary>
    void OnEvaluated(CaseDigest digest);

    /// <summary>A line could not be evaluated (invalid input, or a fault).</summary>
    void OnRejected(long line, string firstProblem);
}
