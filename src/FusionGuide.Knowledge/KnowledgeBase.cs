using System.Collections.Frozen;
using FusionGuide.Domain;
using FusionGuide.Domain.Validation;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Knowledge;

/// <summary>
/// An immutable, validated, typed snapshot of the knowledge base, compiled once at load by
/// <see cref="Loading.KnowledgeCompiler"/> (the pattern of NodaTime's compiled tzdb: parse once, then only typed
/// facts). Every closed vocabulary is an enumeration, every date a <see cref="DateOnly"/>, every dated fact a
/// <see cref="Validity"/>; the indexes the engine needs are built here, once.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly FrozenDictionary<string, Reference> references;
    private readonly FrozenDictionary<Therapy, Drug> drugs;
    private readonly FrozenDictionary<Therapy, ToxicityTable> toxicity;
    private readonly FrozenDictionary<Therapy, DrugInteractions> interactions;
    private readonly FrozenDictionary<string, InteractionClassCode[]> medicationClasses;
    private readonly FrozenDictionary<string, string> medicationCanonical;
    private readonly FrozenDictionary<string, Comedication> comedications;
    private readonly Lazy<NameSuggester> medicationNames; // "did you mean" for an unknown medication: built on the first one
    private readonly FrozenDictionary<(InteractionClassCode Class, string Generic), (InteractionClass File, ClassMember Member)> classMembers;
    private readonly FrozenDictionary<string, Drug> targetedByName;
    private readonly FrozenSet<string> targetedGenerics;
    // Each drug's table is chosen on the first case that reads it: a start (one case) needs a few drugs' tables, not all.
    private readonly FrozenDictionary<Therapy, Lazy<RegionalTable<MonitoringItem>>> monitoring;
    private readonly FrozenDictionary<Therapy, Lazy<RegionalTable<Caution>>> cautions;
    private readonly FrozenDictionary<string, Threshold> thresholds;
    private readonly FrozenDictionary<string, RuleInfo> rules;
    private readonly FrozenDictionary<string, Trial> trials;
    private readonly FrozenDictionary<string, ResistanceRow> resistance;
    private readonly FrozenDictionary<string, Gene> kinaseOfReference;
    private readonly FrozenDictionary<Therapy, string> names;
    private readonly FrozenDictionary<CarePathwayCode, CarePathway> pathways;
    private readonly FrozenDictionary<Therapy, ReproductiveFacts> reproductive;

    private readonly Lazy<KnowledgeBase>? withProvenance;

    internal KnowledgeBase(Loading.Wire.WireContent wire, KnowledgeContent c, Lazy<KnowledgeBase>? withProvenance)
    {
        Wire = wire;
        this.withProvenance = withProvenance;
        Manifest = c.Manifest;
        References = c.References;
        references = c.References.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
        Drugs = c.Drugs;
        drugs = c.Drugs.ToFrozenDictionary(d => d.Therapy);
        ToxicityTables = c.Toxicity;
        toxicity = c.Toxicity.ToFrozenDictionary(t => t.Drug);
        InteractionClasses = c.InteractionClasses;
        InteractionTables = c.DrugInteractions;
        interactions = c.DrugInteractions.ToFrozenDictionary(d => d.Drug);
        Comedications = c.Comedications;
        comedications = c.Comedications.ToFrozenDictionary(m => KnowledgeBase.NormaliseMedication(m.Name), StringComparer.Ordinal);
        (medicationClasses, medicationCanonical) = Indexes.Medications(c.InteractionClasses, c.Comedications);
        medicationNames = new(() => new NameSuggester(medicationCanonical.Keys.Order(StringComparer.Ordinal)));
        classMembers = Indexes.ClassMembers(c.InteractionClasses);
        targetedByName = Indexes.TargetedByName(c.Drugs);
        monitoring = c.Drugs.ToFrozenDictionary(d => d.Therapy, d => new Lazy<RegionalTable<MonitoringItem>>(() => new(d.Monitoring)));
        cautions = c.Drugs.ToFrozenDictionary(d => d.Therapy, d => new Lazy<RegionalTable<Caution>>(() => new(d.Cautions)));
        targetedGenerics = c.Drugs.Where(d => d.IsTargeted).Select(d => NormaliseMedication(d.Name)).ToFrozenSet(StringComparer.Ordinal);
        Resistance = c.Resistance;
        resistance = Indexes.Resistance(c.Resistance);
        OffTarget = c.OffTarget;
        Regimens = c.Regimens;
        Trials = c.Trials;
        trials = c.Trials.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
        Thresholds = c.Thresholds;
        thresholds = c.Thresholds.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
        ClinicalThresholds = new ClinicalThresholds(this);
        Rules = c.Rules;
        rules = c.Rules.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
        Panel = c.Panel;
        kinaseOfReference = Indexes.KinaseOfReferences(c, references);
        names = c.Drugs.ToFrozenDictionary(d => d.Therapy, d => Indexes.InSentence(d.Name));
        CarePathways = c.CarePathways;
        pathways = c.CarePathways.ToFrozenDictionary(p => p.Pathway);
        ReproductiveRecords = c.Reproductive;
        reproductive = c.Reproductive.ToFrozenDictionary(r => r.Drug);
    }

    /// <summary>The files as read, for writing a record back as JSON (<see cref="Loading.KnowledgeRecordJson"/>).</summary>
    internal Loading.Wire.WireContent Wire { get; }

    /// <summary>
    /// The same release with every fact's full provenance (verification notes, evidence readings, reviewer notes, the
    /// evidence of each side of a dispute): what <c>kb audit</c>, <c>kb show</c> and a record written as JSON print.
    /// The embedded base a start reads (<see cref="KnowledgeLoader.Embedded"/>) leaves that text out and loads it here, on
    /// first use (<see cref="Loading.KnowledgeImage"/>); any other base has it and returns itself.
    /// </summary>
    public KnowledgeBase WithProvenance() => withProvenance?.Value ?? this;

    /// <summary>False for the embedded runtime image, whose facts lack the provenance text (see <see cref="WithProvenance"/>).</summary>
    public bool HasProvenance => withProvenance is null;

    /// <summary>Version and release date.</summary>
    public Manifest Manifest { get; }

    /// <summary>The knowledge-base version string stamped on every result.</summary>
    public string Version => Manifest.Version;

    /// <summary>Release date: the default evaluation date.</summary>
    public DateOnly ReleaseDate => Manifest.ReleaseDate;

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

    /// <summary>The thresholds the engine reads, by name.</summary>
    public ClinicalThresholds ClinicalThresholds { get; }

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

    /// <summary>The table of common co-medications (their standing, own label rules and swaps).</summary>
    public IReadOnlyList<Comedication> Comedications { get; }

    /// <summary>A co-medication's record by its canonical generic name (from <see cref="Medication"/>), or null.</summary>
    public Comedication? Comedication(string generic) => comedications.GetValueOrDefault(generic);

    /// <summary>
    /// The entry of a medication (canonical generic name, from <see cref="Medication"/>) in the class file of
    /// <paramref name="cls"/>, or null when it is not listed there (its own co-medication record may still place it in the class).
    /// </summary>
    public ClassMember? ClassMember(InteractionClassCode cls, string generic) => ClassEntry(cls, generic)?.Member;

    /// <summary>
    /// The same entry with the class file that lists it (whose id, with the member's name, is the fact's knowledge id:
    /// <c>cyp3a-strong-inhibitors/darunavir</c>), or null when the class file does not list the medication.
    /// </summary>
    public (InteractionClass File, ClassMember Member)? ClassEntry(InteractionClassCode cls, string generic) =>
        classMembers.TryGetValue((cls, generic), out var entry) ? entry : null;

    /// <summary>The targeted drug a medication name means (generic, brand or contract code, any case or spacing), or null.</summary>
    public Drug? TargetedDrugNamed(string name) => targetedByName.GetValueOrDefault(NormaliseMedication(name));

    /// <summary>Whether a generic name (any case or spacing) is a targeted drug's.</summary>
    public bool IsTargetedGeneric(string generic) => targetedGenerics.Contains(NormaliseMedication(generic));

    /// <summary>Driver genes of the testing panel.</summary>
    public IReadOnlyList<PanelGene> Panel { get; }

    /// <summary>The care pathways of the brain plan (<c>knowledge/local/</c>).</summary>
    public IReadOnlyList<CarePathway> CarePathways { get; }

    /// <summary>A care pathway by its code, if the base has it (the engine checks its needs at start).</summary>
    public CarePathway? CarePathway(CarePathwayCode code) => pathways.GetValueOrDefault(code);

    /// <summary>Every drug's pregnancy, lactation and reproductive-potential lines (<c>knowledge/reproductive/</c>).</summary>
    public IReadOnlyList<ReproductiveFacts> ReproductiveRecords { get; }

    /// <summary>The drug's pregnancy, lactation and reproductive-potential lines, or null when the base has none for it.</summary>
    public ReproductiveFacts? Reproductive(Therapy drug) => reproductive.GetValueOrDefault(drug);

    /// <summary>A reference by id.</summary>
    public Reference? Reference(string id) => references.GetValueOrDefault(id);

    /// <summary>A drug record (every contract therapy has one in a valid base).</summary>
    public Drug Drug(Therapy therapy) => drugs[therapy];

    /// <summary>A drug's monitoring items that apply to <paramref name="region"/> (<see cref="RegionalRecords.For"/>).</summary>
    public IReadOnlyList<RegionalChoice<MonitoringItem>> Monitoring(Therapy therapy, Region? region) => monitoring[therapy].Value.For(region);

    /// <summary>A drug's cautions that apply to <paramref name="region"/> (<see cref="RegionalRecords.For"/>).</summary>
    public IReadOnlyList<RegionalChoice<Caution>> Cautions(Therapy therapy, Region? region) => cautions[therapy].Value.For(region);

    /// <summary>True when the base has a record for the therapy.</summary>
    public bool HasDrug(Therapy therapy) => drugs.ContainsKey(therapy);

    /// <summary>
    /// How a therapy is named inside a sentence: the display name with a capital initial lowered ("Alectinib" →
    /// "alectinib"; "ALK" stays), or its contract code when the base has no record.
    /// </summary>
    public string NameInSentence(Therapy therapy) => names.TryGetValue(therapy, out var n) ? n : Codes.Therapy.Code(therapy);

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

    /// <summary>The partners whose detection by DNA NGS predicts an expressed fusion of <paramref name="gene"/>, or null when the release names none.</summary>
    public CanonicalFusionPartners? CanonicalPartners(Gene gene) => Panel.FirstOrDefault(p => p.Gene == gene)?.CanonicalPartners;

    /// <summary>The kinase's solvent-front mutation row (marked <c>solventFront</c>; at most one per kinase), or null in releases without the marker.</summary>
    public ResistanceRow? SolventFront(Gene kinase) => Resistance.SingleOrDefault(r => r.Gene == kinase && r.SolventFront is not null);

    /// <summary>The activity-table row for exactly this set of mutations of <paramref name="gene"/> (in any order), or null.</summary>
    public ResistanceRow? ResistanceFor(Gene gene, IReadOnlyList<string> mutations) => resistance.GetValueOrDefault(Indexes.ResistanceKey(gene, mutations));

    /// <summary>
    /// True when the reference is a trial or study the knowledge base ties to one kinase only and it is not this one
    /// (TRIDENT-1 is cited only by ROS1 tables, ROS1 resistance rows and ROS1 approvals): it never explains an answer for the other.
    /// </summary>
    public bool OfOtherKinase(string referenceId, Gene kinase) => kinaseOfReference.TryGetValue(referenceId, out var only) && only != kinase;

    /// <summary>
    /// The interaction classes of a medication named in a case (generic or brand, any case), with its canonical
    /// generic name; empty when the base does not know the name.
    /// </summary>
    public (string? Generic, IReadOnlyList<InteractionClassCode> Classes) Medication(string name)
    {
        var key = NormaliseMedication(name);
        return medicationCanonical.TryGetValue(key, out var generic)
            ? (generic, medicationClasses[generic])
            : (null, []);
    }

    /// <summary>
    /// A medication name as a case writes it, read into the known medications it names: a known name as it is, else part
    /// by part, without dose, schedule, salt or form (<see cref="MedicationReader"/>); the parts not known are kept.
    /// </summary>
    public MedicationReading ReadMedication(string name) => MedicationReader.Read(name, Medication);

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

        return medicationNames.Value.Closest(bare);
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
}

/// <summary>The compiled facts, before indexing.</summary>
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
    IReadOnlyList<PanelGene> Panel,
    IReadOnlyList<CarePathway> CarePathways,
    IReadOnlyList<Comedication> Comedications,
    IReadOnlyList<ReproductiveFacts> Reproductive);
