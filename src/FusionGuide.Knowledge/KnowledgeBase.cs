using System.Collections.Frozen;
using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Knowledge;

/// <summary>
/// An immutable, validated snapshot of the knowledge base. Built once by <see cref="Loading.KnowledgeLoader"/>;
/// every lookup the engine makes goes through it.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly FrozenDictionary<string, Reference> references;
    private readonly FrozenDictionary<Therapy, Drug> drugs;
    private readonly FrozenDictionary<Therapy, ToxicityTable> toxicity;
    private readonly FrozenDictionary<Therapy, DrugInteractions> interactions;
    private readonly FrozenDictionary<string, string[]> medicationClasses;
    private readonly FrozenDictionary<string, string> medicationCanonical;
    private readonly string[] medicationNames;
    private readonly FrozenDictionary<string, Threshold> thresholds;
    private readonly FrozenDictionary<string, RuleInfo> rules;
    private readonly FrozenDictionary<string, Trial> trials;

    internal KnowledgeBase(KnowledgeContent c)
    {
        Manifest = c.Manifest;
        References = c.References;
        references = c.References.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
        Drugs = c.Drugs;
        drugs = c.Drugs.ToFrozenDictionary(d => Codes.Therapy.Parse(d.Id));
        ToxicityTables = c.Toxicity;
        toxicity = c.Toxicity.ToFrozenDictionary(t => Codes.Therapy.Parse(t.Drug));
        InteractionClasses = c.InteractionClasses;
        InteractionTables = c.DrugInteractions;
        interactions = c.DrugInteractions.ToFrozenDictionary(d => Codes.Therapy.Parse(d.Drug));
        (medicationClasses, medicationCanonical) = IndexMedications(c.InteractionClasses);
        medicationNames = [.. medicationCanonical.Keys.Order(StringComparer.Ordinal)];
        Resistance = c.Resistance;
        OffTarget = c.OffTarget;
        Regimens = c.Regimens;
        Trials = c.Trials;
        trials = c.Trials.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
        Thresholds = c.Thresholds;
        thresholds = c.Thresholds.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
        Rules = c.Rules;
        rules = c.Rules.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
        Panel = c.Panel;
        ReleaseDate = DateOnly.Parse(c.Manifest.ReleaseDate, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Version and release date.</summary>
    public Manifest Manifest { get; }

    /// <summary>The knowledge-base version string stamped on every result.</summary>
    public string Version => Manifest.Version;

    /// <summary>Release date: the default evaluation date.</summary>
    public DateOnly ReleaseDate { get; }

    /// <summary>The reference list, ordered by id.</summary>
    public IReadOnlyList<Reference> References { get; }

    /// <summary>Every drug and other therapy.</summary>
    public IReadOnlyList<Drug> Drugs { get; }

    /// <summary>Every drug's label dose-modification table.</summary>
    public IReadOnlyList<ToxicityTable> ToxicityTables { get; }

    /// <summary>Every drug's interaction rules.</summary>
    public IReadOnlyList<DrugInteractions> InteractionTables { get; }

    /// <summary>Every threshold.</summary>
    public IReadOnlyList<Threshold> Thresholds { get; }

    /// <summary>Interaction classes.</summary>
    public IReadOnlyList<InteractionClass> InteractionClasses { get; }

    /// <summary>Resistance activity rows.</summary>
    public IReadOnlyList<ResistanceRow> Resistance { get; }

    /// <summary>Off-target mechanisms and transformations.</summary>
    public IReadOnlyList<OffTargetMechanism> OffTarget { get; }

    /// <summary>Guideline preference tables.</summary>
    public IReadOnlyList<Regimen> Regimens { get; }

    /// <summary>Trials.</summary>
    public IReadOnlyList<Trial> Trials { get; }

    /// <summary>The engine's rule catalogue.</summary>
    public IReadOnlyList<RuleInfo> Rules { get; }

    /// <summary>Driver genes of the testing panel.</summary>
    public IReadOnlyList<PanelGene> Panel { get; }

    /// <summary>A reference by id.</summary>
    public Reference? Reference(string id) => references.GetValueOrDefault(id);

    /// <summary>A drug record (every contract therapy has one in a valid base).</summary>
    public Drug Drug(Therapy therapy) => drugs[therapy];

    /// <summary>True when the base has a record for the therapy.</summary>
    public bool HasDrug(Therapy therapy) => drugs.ContainsKey(therapy);

    /// <summary>A drug's label toxicity table, if it has one.</summary>
    public ToxicityTable? Toxicity(Therapy therapy) => toxicity.GetValueOrDefault(therapy);

    /// <summary>A drug's interaction rules, if it has any.</summary>
    public DrugInteractions? Interactions(Therapy therapy) => interactions.GetValueOrDefault(therapy);

    /// <summary>A trial by id.</summary>
    public Trial? Trial(string id) => trials.GetValueOrDefault(id);

    /// <summary>A rule's catalogue entry.</summary>
    public RuleInfo? Rule(string id) => rules.GetValueOrDefault(id);

    /// <summary>A threshold's value; throws when the base lacks it (the engine checks its needs at start).</summary>
    public double Threshold(string id) => thresholds.TryGetValue(id, out var t) ? t.Value : throw new KeyNotFoundException($"threshold '{id}' is not in the knowledge base");

    /// <summary>A threshold record.</summary>
    public Threshold? ThresholdRecord(string id) => thresholds.GetValueOrDefault(id);

    /// <summary>
    /// The interaction classes of a medication named in a case (generic or brand, any case), with its canonical
    /// generic name; empty when the base does not know the name.
    /// </summary>
    public (string? Generic, IReadOnlyList<string> Classes) Medication(string name)
    {
        var key = NormaliseMedication(name);
        return medicationCanonical.TryGetValue(key, out var generic)
            ? (generic, medicationClasses[generic])
            : (null, []);
    }

    /// <summary>
    /// For a medication name the base does not know, the known names (generic names, aliases and brand names, in the
    /// base's lower-case form) it most likely means: the name without a dose or form written after it
    /// ("rifampin 600 mg" → rifampin), else the names within a typing slip of it ("rifampicine" → rifampicin). Empty
    /// for a known name or when nothing is close. Deterministic: drawn from the base alone.
    /// </summary>
    public IReadOnlyList<string> SuggestMedications(string name)
    {
        var key = NormaliseMedication(name);
        if (key.Length == 0 || medicationCanonical.ContainsKey(key))
        {
            return [];
        }

        // Words from the first one that holds a digit on are a dose, a strength or a schedule ("600 mg", "200mg bid").
        var words = key.Split(' ');
        var kept = words.TakeWhile(w => !w.Any(char.IsAsciiDigit)).ToArray();
        if (kept.Length == 0)
        {
            return [];
        }

        var bare = string.Join(' ', kept);
        if (kept.Length < words.Length && medicationCanonical.ContainsKey(bare))
        {
            return [bare];
        }

        return Domain.Validation.Suggestions.Closest(bare, medicationNames);
    }

    /// <summary>Lower-cases and folds spacing, apostrophes and hyphens so "St. John's Wort" meets "st-johns-wort".</summary>
    public static string NormaliseMedication(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 256)];
        var n = 0;
        foreach (var ch in name.AsSpan(0, Math.Min(name.Length, 256)))
        {
            if (char.IsLetterOrDigit(ch))
            {
                buffer[n++] = char.ToLowerInvariant(ch);
            }
            else if ((ch is ' ' or '-' or '/' or '_' or '+') && n > 0 && buffer[n - 1] != ' ')
            {
                buffer[n++] = ' ';
            }
        }

        return new string(buffer[..n]).TrimEnd();
    }

    /// <summary>True when a dated fact is in force on <paramref name="asOf"/> (from inclusive, to exclusive).</summary>
    public static bool InForce(IDated fact, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return InForce(fact.ValidFrom, fact.ValidTo, asOf);
    }

    /// <summary>True when <paramref name="asOf"/> lies in [from, to).</summary>
    public static bool InForce(string? from, string? to, DateOnly asOf) =>
        (from is null || KnowledgeDate.Parse(from) <= asOf) && (to is null || asOf < KnowledgeDate.Parse(to));

    private static (FrozenDictionary<string, string[]>, FrozenDictionary<string, string>) IndexMedications(IReadOnlyList<InteractionClass> classes)
    {
        var byGeneric = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cls in classes)
        {
            foreach (var m in cls.Members)
            {
                var generic = NormaliseMedication(m.Name);
                if (!byGeneric.TryGetValue(generic, out var set))
                {
                    byGeneric[generic] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(cls.Class);
                canonical[generic] = generic;
                foreach (var alias in m.Aliases)
                {
                    canonical.TryAdd(NormaliseMedication(alias), generic);
                }
            }
        }

        return (byGeneric.ToFrozenDictionary(k => k.Key, v => v.Value.ToArray(), StringComparer.Ordinal),
                canonical.ToFrozenDictionary(StringComparer.Ordinal));
    }
}

/// <summary>The parsed files, before indexing.</summary>
internal sealed record KnowledgeContent(
    Manifest Manifest,
    IReadOnlyList<Reference> References,
    IReadOnlyList<Drug> Drugs,
    IReadOnlyList<ToxicityTable> Toxicity,
    IReadOnlyList<InteractionClass> InteractionClasses,
    IReadOnlyList<DrugInteractions> DrugInteractions,
    IReadOnlyList<ResistanceRow> Resistance,
    IReadOnlyList<OffTargetMechanism> OffTarget,
    IReadOnlyList<Regimen> Regimens,
    IReadOnlyList<Trial> Trials,
    IReadOnlyList<Threshold> Thresholds,
    IReadOnlyList<RuleInfo> Rules,
    IReadOnlyList<PanelGene> Panel);

/// <summary>ISO dates in knowledge files.</summary>
public static class KnowledgeDate
{
    /// <summary>Parses YYYY-MM-DD; throws on anything else (the validator has already checked).</summary>
    public static DateOnly Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);

        // The engine reads these dates on every case: the common, valid form is read by hand, anything else as before.
        return Plain(s, out var date) ? date : DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A valid date written exactly YYYY-MM-DD (ASCII digits), read without the culture-aware parser.</summary>
    private static bool Plain(string s, out DateOnly date)
    {
        if (s.Length == 10 && s[4] == '-' && s[7] == '-' && Digits(s, 0, 4, out var y) && Digits(s, 5, 2, out var m) && Digits(s, 8, 2, out var d)
            && y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            date = new DateOnly(y, m, d);
            return true;
        }

        date = default;
        return false;
    }

    private static bool Digits(string s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    /// <summary>Tries YYYY-MM-DD.</summary>
    public static bool TryParse(string? s, out DateOnly date) =>
        s is not null && Plain(s, out date)
        || DateOnly.TryParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);
}
