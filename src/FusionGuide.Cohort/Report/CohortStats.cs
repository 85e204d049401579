using FusionGuide.Cohort.Batch;
using FusionGuide.Domain;

namespace FusionGuide.Cohort.Report;

/// <summary>How a case's <c>givenNext</c> compares with the engine's answer.</summary>
public enum Concordance
{
    /// <summary>Given next is the engine's first choice.</summary>
    FirstChoice,
    /// <summary>Given next is another option the guideline marks preferred.</summary>
    OtherPreferred,
    /// <summary>Given next is an option, but only other-recommended or for certain circumstances.</summary>
    LowerPreference,
    /// <summary>Given next is on the engine's avoid list.</summary>
    Avoided,
    /// <summary>Given next is neither offered nor avoided.</summary>
    NotOffered,
}

/// <summary>A case whose therapy given next was not guideline-concordant.</summary>
public sealed record NonConcordantCase(long Line, string? CaseId, Setting Setting, Therapy GivenNext, Therapy? FirstChoice, Concordance Kind);

/// <summary>
/// Cohort counts for the report, fed in input order by the batch writer (so the report is deterministic).
/// </summary>
/// <remarks>
/// Concordance is assessed where a case carries <c>givenNext</c> and the engine offers at least one option.
/// A case is <b>guideline-concordant</b> when the therapy given next is the first choice or another option the
/// guideline marks <c>preferred</c> (<see cref="Concordance.FirstChoice"/>, <see cref="Concordance.OtherPreferred"/>);
/// otherwise it is non-concordant (a lower-preference option, an avoided therapy, or one not offered).
/// </remarks>
public sealed class CohortStats : ICohortSink
{
    /// <summary>Non-concordant cases listed in full; beyond this only counted (a million-case report stays readable).</summary>
    public const int ListedLimit = 500;

    private readonly List<NonConcordantCase> nonConcordant = [];

    /// <summary>Lines evaluated.</summary>
    public long Evaluated { get; private set; }

    /// <summary>Lines rejected (invalid input or faults).</summary>
    public long Rejected { get; private set; }

    /// <summary>The first rejected lines with their first problem.</summary>
    public List<(long Line, string Problem)> RejectedLines { get; } = [];

    /// <summary>Cases per driver.</summary>
    public Counter Drivers { get; } = new();

    /// <summary>Cases per setting.</summary>
    public Counter Settings { get; } = new();

    /// <summary>Cases per first choice ("none" when no option).</summary>
    public Counter FirstChoices { get; } = new();

    /// <summary>Avoid items per therapy.</summary>
    public Counter Avoided { get; } = new();

    /// <summary>Avoid items per reason category.</summary>
    public Counter AvoidReasons { get; } = new();

    /// <summary>Cases per warning code.</summary>
    public Counter WarningCodes { get; } = new();

    /// <summary>Cases that carry <c>givenNext</c>.</summary>
    public long WithGivenNext { get; private set; }

    /// <summary>Cases with <c>givenNext</c> and at least one option.</summary>
    public long Assessable { get; private set; }

    /// <summary>Assessable cases per concordance class.</summary>
    public Counter ConcordanceClasses { get; } = new();

    /// <summary>Assessable and guideline-concordant cases per setting.</summary>
    public Dictionary<Setting, (long Assessable, long Concordant)> BySetting { get; } = [];

    /// <summary>Non-concordant cases (the first <see cref="ListedLimit"/>, in input order).</summary>
    public IReadOnlyList<NonConcordantCase> NonConcordant => nonConcordant;

    /// <summary>All non-concordant cases, listed or not.</summary>
    public long NonConcordantCount { get; private set; }

    /// <summary>Guideline-concordant cases.</summary>
    public long Concordant { get; private set; }

    /// <inheritdoc />
    public void OnEvaluated(CaseDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        Evaluated++;
        Drivers.Add(Codes.Driver.Code(digest.Driver));
        Settings.Add(Codes.Setting.Code(digest.Setting));
        FirstChoices.Add(digest.Options.Count > 0 ? Codes.Therapy.Code(digest.Options[0].Therapy) : "(no option)");
        foreach (var (therapy, reason) in digest.Avoid)
        {
            Avoided.Add(Codes.Therapy.Code(therapy));
            foreach (var category in AvoidReason.Categories(therapy, reason))
            {
                AvoidReasons.Add(category);
            }
        }

        foreach (var code in digest.WarningCodes)
        {
            WarningCodes.Add(code);
        }

        Assess(digest);
    }

    /// <inheritdoc />
    public void OnRejected(long line, string firstProblem)
    {
        Rejected++;
        if (RejectedLines.Count < ListedLimit)
        {
            RejectedLines.Add((line, firstProblem));
        }
    }

    private void Assess(CaseDigest d)
    {
        if (d.GivenNext is not { } given)
        {
            return;
        }

        WithGivenNext++;
        if (d.Options.Count == 0)
        {
            return;
        }

        Assessable++;
        var index = -1;
        for (var i = 0; i < d.Options.Count; i++)
        {
            if (d.Options[i].Therapy == given)
            {
                index = i;
                break;
            }
        }

        var kind = index == 0 ? Concordance.FirstChoice
            : index > 0 && d.Options[index].Preference == Preference.Preferred ? Concordance.OtherPreferred
            : index > 0 ? Concordance.LowerPreference
            : d.Avoid.Any(a => a.Therapy == given) ? Concordance.Avoided
            : Concordance.NotOffered;
        ConcordanceClasses.Add(Label(kind));
        var concordant = kind is Concordance.FirstChoice or Concordance.OtherPreferred;
        var (a, c) = BySetting.GetValueOrDefault(d.Setting);
        BySetting[d.Setting] = (a + 1, c + (concordant ? 1 : 0));
        if (concordant)
        {
            Concordant++;
            return;
        }

        NonConcordantCount++;
        if (nonConcordant.Count < ListedLimit)
        {
            nonConcordant.Add(new NonConcordantCase(d.Line, d.CaseId, d.Setting, given, d.Options[0].Therapy, kind));
        }
    }

    /// <summary>The report's wording of a concordance class.</summary>
    public static string Label(Concordance kind) => kind switch
    {
        Concordance.FirstChoice => "first choice",
        Concordance.OtherPreferred => "another preferred option",
        Concordance.LowerPreference => "a lower-preference option",
        Concordance.Avoided => "a therapy the engine avoids",
        _ => "not offered",
    };
}

/// <summary>Counts by key; listed by count (descending), then key (ordinal), so output is deterministic.</summary>
public sealed class Counter
{
    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);

    /// <summary>Adds one to <paramref name="key"/>.</summary>
    public void Add(string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>The count of a key.</summary>
    public long this[string key] => counts.GetValueOrDefault(key);

    /// <summary>Keys by count, then name.</summary>
    public IReadOnlyList<(string Key, long Count)> Ranked() =>
        [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value))];

    /// <summary>Sum of all counts.</summary>
    public long Total => counts.Values.Sum();
}
