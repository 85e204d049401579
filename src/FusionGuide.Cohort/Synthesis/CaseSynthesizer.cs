using System.Text;
using FusionGuide.Domain;
using FusionGuide.Domain.Wire;
using FusionGuide.Knowledge;

namespace FusionGuide.Cohort.Synthesis;

/// <summary>
/// Clinically plausible synthetic cases, deterministic per seed: case <c>i</c> of seed <c>s</c> is drawn from its own
/// PCG32 stream (<c>seed = s</c>, <c>stream = i</c>), so any case can be made alone and the cohort in parallel.
/// </summary>
/// <remarks>
/// The mix covers every setting: diagnostic work-up with equivocal tests, first-line ALK/ROS1 with and without brain
/// metastases, progression with single and compound mutations read from the knowledge base's resistance table,
/// off-target alterations, histologic transformation, adjuvant after resection, non-targeted drivers and ongoing
/// TKIs with adverse events. Medications come from the knowledge base's interaction classes (generic names and
/// brand aliases) plus names it does not know; regions and site availability vary. Every case follows the contract.
/// </remarks>
public sealed partial class CaseSynthesizer
{
    private static readonly string[] UnknownMedications = ["paracetamol", "vitamin d3", "zoledronic acid", "denosumab", "levothyroxine", "folic acid", "enoxaparin", "melatonin", "lactulose", "herbal tea blend"];
    private static readonly Gene[] OtherDrivers = [Gene.Egfr, Gene.Kras, Gene.Braf, Gene.Met, Gene.Ret, Gene.Ntrk1, Gene.Erbb2];
    private static readonly string[] AlkPartners = ["EML4", "EML4", "EML4", "KIF5B", "TFG", "KLC1"];
    private static readonly string[] Ros1Partners = ["CD74", "CD74", "EZR", "SDC4", "SLC34A2", "TPM3", "GOPC"];
    private static readonly string[] AlkVariants = ["v1", "v2", "v3a", "v3b", "v5"];
    private static readonly MetastaticSite[] ExtracranialSites = [MetastaticSite.Bone, MetastaticSite.Liver, MetastaticSite.Adrenal, MetastaticSite.Lung, MetastaticSite.Pleura, MetastaticSite.LymphNode, MetastaticSite.Pericardium, MetastaticSite.Other];
    private static readonly AdverseEventCode[] Events = Codes.AdverseEventCode.Values.ToArray();
    private static readonly Comorbidity[] Comorbidities = Codes.Comorbidity.Values.Where(c => c is not (Comorbidity.Pregnancy or Comorbidity.Breastfeeding)).ToArray();

    private readonly ulong seed;
    private readonly Therapy[] alkTkis;
    private readonly Therapy[] ros1Tkis;
    private readonly string[][] alkMutationSets;
    private readonly string[][] ros1MutationSets;
    private readonly string[] knownMedications;

    /// <summary>Creates a generator over a knowledge base (its drugs, resistance table and interaction classes).</summary>
    public CaseSynthesizer(KnowledgeBase kb, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(kb);
        this.seed = seed;
        alkTkis = Tkis(kb, Gene.Alk);
        ros1Tkis = Tkis(kb, Gene.Ros1);
        alkMutationSets = [.. kb.Resistance.Where(r => r.Gene == Gene.Alk).OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Mutations.ToArray())];
        ros1MutationSets = [.. kb.Resistance.Where(r => r.Gene == Gene.Ros1).OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Mutations.ToArray())];
        knownMedications = [.. kb.InteractionClasses.OrderBy(c => c.Id, StringComparer.Ordinal)
            .SelectMany(c => c.Members.SelectMany(m => m.Aliases.Prepend(m.Name))).Distinct(StringComparer.Ordinal)];
        Unknown = [.. UnknownMedications.Where(m => kb.Medication(m).Generic is null)];
    }

    private string[] Unknown { get; }

    /// <summary>The case with index <paramref name="index"/> (0-based) of this seed.</summary>
    public Case Make(long index)
    {
        var r = new Pcg32(seed, (ulong)index);
        var id = $"syn-{seed}-{index + 1:D7}";
        var kind = r.Weighted(
            (Scenario.Workup, 10), (Scenario.FirstLineAlk, 16), (Scenario.FirstLineRos1, 8), (Scenario.ProgressionAlk, 18),
            (Scenario.ProgressionRos1, 7), (Scenario.OffTarget, 6), (Scenario.Transformation, 3), (Scenario.Adjuvant, 6),
            (Scenario.NonTargeted, 8), (Scenario.OngoingWithToxicity, 12), (Scenario.NoDriver, 3), (Scenario.LimitedProgression, 3));
        var c = kind switch
        {
            Scenario.Workup => Workup(r),
            Scenario.FirstLineAlk => FirstLine(r, Gene.Alk),
            Scenario.FirstLineRos1 => FirstLine(r, Gene.Ros1),
            Scenario.ProgressionAlk => Progression(r, Gene.Alk),
            Scenario.ProgressionRos1 => Progression(r, Gene.Ros1),
            Scenario.OffTarget => OffTarget(r),
            Scenario.Transformation => Transformed(r),
            Scenario.Adjuvant => Adjuvant(r),
            Scenario.NonTargeted => NonTargeted(r),
            Scenario.OngoingWithToxicity => Ongoing(r),
            Scenario.LimitedProgression => LimitedProgression(r),
            _ => NoDriver(r),
        };
        return c with
        {
            Id = id,
            Patient = Patient(r),
            Comorbidities = ComorbidityList(r),
            Medications = MedicationList(r),
            Context = Context(r),
        };
    }

    /// <summary>Cases 0 … n-1 of this seed.</summary>
    public IEnumerable<Case> Cases(long n)
    {
        for (long i = 0; i < n; i++)
        {
            yield return Make(i);
        }
    }

    /// <summary>Writes <paramref name="n"/> cases as NDJSON (one compact JSON object and '\n' per case, UTF-8).</summary>
    public void WriteNdjson(Stream output, long n)
    {
        ArgumentNullException.ThrowIfNull(output);
        var newline = "\n"u8.ToArray();
        foreach (var c in Cases(n))
        {
            output.Write(Encoding.UTF8.GetBytes(ContractJson.Serialize(c, indented: false)));
            output.Write(newline);
        }
    }

    private static Therapy[] Tkis(KnowledgeBase kb, Gene gene) =>
        [.. kb.Drugs.Where(d => d.Inhibits(gene)).Select(d => d.Therapy).Order()];

    private enum Scenario
    {
        Workup,
        FirstLineAlk,
        FirstLineRos1,
        ProgressionAlk,
        ProgressionRos1,
        OffTarget,
        Transformation,
        Adjuvant,
        NonTargeted,
        OngoingWithToxicity,
        NoDriver,
        LimitedProgression,
    }
}
