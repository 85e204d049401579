using FusionGuide.Domain;
using FusionGuide.Knowledge;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Pipeline;

/// <summary>
/// The state of one evaluation: the case, the knowledge base, the evaluation date, and the trace and warnings
/// the rules write. Created per call and discarded: the engine keeps nothing between cases.
/// </summary>
internal sealed class Evaluation(Case @case, KnowledgeBase kb, DateOnly asOf)
{
    private readonly List<TraceEntry> trace = [];
    private readonly WarningList warnings = new();
    private readonly WarningList diagnosticWarnings = new();
    private readonly SortedDictionary<string, string> unverified = new(StringComparer.Ordinal);
    // Most texts built in it are a sentence or two; a longer one grows it by another chunk.
    private readonly System.Text.StringBuilder text = new(256);

    public Case Case { get; } = @case;

    public KnowledgeBase Kb { get; } = kb;

    public DateOnly AsOf { get; } = asOf;

    /// <summary>The evaluation date as the contract and the rationales write it (YYYY-MM-DD), formatted once.</summary>
    public string AsOfText { get; } = IsoDate(asOf);

    public IReadOnlyList<TraceEntry> Trace => trace;

    public IReadOnlyList<Warning> Warnings => warnings.Items;

    public IReadOnlyList<Warning> DiagnosticWarnings => diagnosticWarnings.Items;

    /// <summary>Records that a rule shaped the result; its catalogue sources come first, then the case-specific ones (only those for a rule that cites the records it read).</summary>
    public void Fire(string rule, string detail, params IEnumerable<string> references)
    {
        // Most rules cite only their catalogue sources: the catalogue's list is shared (read-only) rather than copied.
        // A rule that applies each case's own record cites only the records it read (its catalogue lists examples).
        var entry = Kb.Rule(rule);
        IReadOnlyList<string> catalogue = entry is { CitesRecordsRead: true } ? [] : entry?.Provenance.Sources ?? [];
        List<string>? merged = null;
        if (references is IReadOnlyList<string> list)
        {
            // The usual shapes (no argument, a knowledge record's source list): indexed, without an enumerator.
            for (var i = 0; i < list.Count; i++)
            {
                Merge(catalogue, ref merged, list[i]);
            }
        }
        else
        {
            foreach (var r in references)
            {
                Merge(catalogue, ref merged, r);
            }
        }

        trace.Add(new TraceEntry { Rule = rule, Detail = Sentence(detail), References = merged ?? catalogue });
    }

    private static void Merge(IReadOnlyList<string> catalogue, ref List<string>? merged, string reference)
    {
        if (merged is null ? !catalogue.Contains(reference) : !merged.Contains(reference))
        {
            merged ??= [.. catalogue];
            merged.Add(reference);
        }
    }

    /// <summary>Adds a case-level warning once per code and message.</summary>
    public void Warn(WarningCode code, string message) => warnings.AddOnce(code, Sentence(message));

    /// <summary>Adds a diagnostic warning once per code and message.</summary>
    public void WarnDiagnosis(WarningCode code, string message) => diagnosticWarnings.AddOnce(code, Sentence(message));

    /// <summary>Facts used for this result that the knowledge base marks unverified (id → what is missing).</summary>
    public IReadOnlyDictionary<string, string> Unverified => unverified;

    /// <summary>Records that the result leans on a fact not yet verified against a primary source.</summary>
    public void UsedUnverified(string id, Knowledge.Model.Provenance fact)
    {
        if (!fact.Verified)
        {
            UsedUnverified(id, fact.VerificationNote);
        }
    }

    /// <summary>Records that the result leans on something not verified (id → what is missing).</summary>
    public void UsedUnverified(string id, string? note) => unverified.TryAdd(id, note ?? "not verified");

    /// <summary>
    /// How a therapy is named inside a sentence: the lower-case generic name for a drug ("alectinib"), the
    /// knowledge base's name for a regimen. <see cref="Fire"/> and <see cref="Warn"/> capitalise sentence starts.
    /// </summary>
    public string Name(Therapy t) => Kb.NameInSentence(t);

    /// <summary>Capitalises the first letter of a sentence.</summary>
    public static string Sentence(string s) => s.Length == 0 || char.IsUpper(s[0]) ? s : Capitalised(s);

    /// <summary>The string with its first letter upper-cased, copied once.</summary>
    public static string Capitalised(string s) =>
        s.Length == 0 || char.ToUpperInvariant(s[0]) == s[0] ? s : string.Create(s.Length, s, static (span, source) =>
        {
            source.CopyTo(span);
            span[0] = char.ToUpperInvariant(source[0]);
        });

    /// <summary>A builder for one piece of text at a time (cleared on each call), so rationales are not copied clause by clause.</summary>
    public System.Text.StringBuilder Text()
    {
        text.Clear();
        return text;
    }

    /// <summary>
    /// True when the case lists the comorbidity. A pneumonitis entered as an adverse event counts as interstitial lung
    /// disease, as if entered as a comorbidity.
    /// </summary>
    public bool HasComorbidity(Comorbidity comorbidity) =>
        Case.Comorbidities.Contains(comorbidity) || PriorEventFor(comorbidity) is not null;

    /// <summary>
    /// The adverse event that stands for a comorbidity the patient's list does not name (SYS-COMORB-002): a pneumonitis
    /// of any grade for interstitial lung disease; a symptomatic bradycardia (grade 2 or more) for bradycardia — the
    /// labels manage asymptomatic bradycardia without a change, and a grade 4 bradycardia on alectinib left brigatinib's
    /// bradycardia caution unsaid. Null for any other comorbidity, or when no such event is recorded.
    /// </summary>
    public AdverseEvent? PriorEventFor(Comorbidity comorbidity) => comorbidity switch
    {
        Comorbidity.InterstitialLungDisease => PriorPneumonitis,
        Comorbidity.Bradycardia => Case.AdverseEvents.FirstOrDefault(ae => ae.Event == AdverseEventCode.Bradycardia && ae.Grade >= 2),
        _ => null,
    };

    /// <summary>True when the history holds a targeted therapy (a TKI) given in any way.</summary>
    public bool TkiGiven => Case.History.Any(h => Kb.Drug(h.Therapy).IsTargeted);

    /// <summary>True when the history holds a TKI against <paramref name="gene"/>, given in any way (its fusion was established then).</summary>
    public bool TkiGivenAgainst(Gene gene) => Case.History.Any(h => Kb.Drug(h.Therapy).Targets.Contains(gene));

    /// <summary>
    /// The histologic transformation read as a resistance mechanism: only after a TKI. Recorded in a patient who never had
    /// one (a small-cell recurrence after adjuvant chemotherapy, Balla 2018), it is the tumour's histology now, not a
    /// mechanism the TKI no longer controls.
    /// </summary>
    public Transformation? ResistanceTransformation => TkiGiven ? Case.Tumor.Transformation : null;

    /// <summary>Squamous histology, or a squamous transformation at progression (treated as squamous disease).</summary>
    public bool Squamous => Case.Tumor.Histology == Histology.Squamous || Case.Tumor.Transformation == Transformation.Squamous;

    /// <summary>Small-cell histology, or a small-cell transformation (treated as small-cell lung cancer).</summary>
    public bool SmallCell => Case.Tumor.Histology == Histology.SmallCell || Case.Tumor.Transformation == Transformation.SmallCell;

    /// <summary>
    /// True when the tumour's histology is one of <paramref name="histologies"/> (a record's <c>notIn</c>); a squamous
    /// transformation counts as squamous, a small-cell transformation as small-cell.
    /// </summary>
    public bool HistologyAmong(IReadOnlyList<Histology> histologies) => HistologyOf(histologies) is not null;

    /// <summary>The first of <paramref name="histologies"/> the tumour has (as <see cref="HistologyAmong"/> reads it), or null.</summary>
    public Histology? HistologyOf(IReadOnlyList<Histology> histologies) =>
        histologies.Where(x => Case.Tumor.Histology == x || (x == Histology.Squamous && Squamous) || (x == Histology.SmallCell && SmallCell))
            .Select(x => (Histology?)x).FirstOrDefault();

    /// <summary>
    /// The tumour's histology as a sentence says it: "squamous histology", or "disease after a squamous transformation"
    /// when a non-squamous tumour transformed (the reason a record's <c>notIn</c> applies, in words).
    /// </summary>
    public string HistologyWords => Transformed is { } t
        ? $"disease after a {Codes.Transformation.Code(t)} transformation"
        : Case.Tumor.Histology is { } h ? $"{h.Code()} histology" : "histology not recorded";

    /// <summary>
    /// The transformation recorded, when it changed the tumour's histology (null when none is recorded, or the histology
    /// written is already the transformed one).
    /// </summary>
    public Transformation? Transformed => Case.Tumor.Transformation switch
    {
        Transformation.Squamous when Case.Tumor.Histology != Histology.Squamous => Transformation.Squamous,
        Transformation.SmallCell when Case.Tumor.Histology != Histology.SmallCell => Transformation.SmallCell,
        _ => null,
    };

    /// <summary>True when the case has any comorbidity, listed or implied by an adverse event (see <see cref="HasComorbidity"/>).</summary>
    public bool AnyComorbidity => Case.Comorbidities.Count > 0 || PriorPneumonitis is not null || PriorEventFor(Comorbidity.Bradycardia) is not null;

    /// <summary>The first pneumonitis recorded as an adverse event (drug-induced interstitial lung disease), if any.</summary>
    public AdverseEvent? PriorPneumonitis
    {
        get
        {
            foreach (var ae in Case.AdverseEvents)
            {
                if (ae.Event == AdverseEventCode.Pneumonitis)
                {
                    return ae;
                }
            }

            return null;
        }
    }

    /// <summary>Short display name of a reference (for rationales), or its id.</summary>
    public string Cite(string referenceId) => Kb.Reference(referenceId)?.Label ?? referenceId;

    /// <summary>YYYY-MM-DD, as the contract writes dates.</summary>
    public static string IsoDate(DateOnly d) => string.Create(10, d, static (span, date) =>
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        date.Year.TryFormat(span[..4], out _, "D4", c);
        span[4] = '-';
        date.Month.TryFormat(span[5..7], out _, "D2", c);
        span[7] = '-';
        date.Day.TryFormat(span[8..], out _, "D2", c);
    });
}
