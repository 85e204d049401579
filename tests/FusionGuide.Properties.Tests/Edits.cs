using CsCheck;
using FusionGuide.Domain;

namespace FusionGuide.Properties.Tests;

/// <summary>What a mutation does to a generated case.</summary>
internal enum EditKind
{
    DropTest,
    DropHistory,
    DropAdverseEvent,
    SetRegion,
    MakeUnavailable,
    RestrictAvailable,
    ClearAvailable,
    AddMedication,
    ToggleBrainMetastases,
    SetSmallCellHistology,
    AddPneumonitis,
    AddProgressionGenotype,
    AddTkiProgression,
    AddTkiIntolerance,
}

/// <summary>One CsCheck-chosen edit of a case; <see cref="A"/> picks the element or value.</summary>
internal sealed record Edit(EditKind Kind, int A)
{
    private static readonly Therapy[] Therapies = [.. Codes.Therapy.Values];
    private static readonly Region[] Regions = [.. Codes.Region.Values];

    /// <summary>Medication names the base knows (generic and brand) followed by names it does not.</summary>
    public static IReadOnlyList<string> MedicationPool { get; } =
    [
        .. World.Kb.InteractionClasses.SelectMany(c => c.Members.SelectMany(m => m.Aliases.Prepend(m.Name))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
        .. UnknownMedications.Names,
    ];

    public static Gen<Edit> Gen { get; } =
        CsCheck.Gen.Select(CsCheck.Gen.Enum<EditKind>(), CsCheck.Gen.Int[0, 1 << 20], (k, a) => new Edit(k, a));

    public Case Apply(Case c) => Kind switch
    {
        EditKind.DropTest => c with { Tests = Without(c.Tests, A) },
        EditKind.DropHistory => c with { History = Without(c.History, A) },
        EditKind.DropAdverseEvent => c with { AdverseEvents = Without(c.AdverseEvents, A) },
        EditKind.SetRegion => c with { Context = c.Context with { Region = A % (Regions.Length + 1) == Regions.Length ? null : Regions[A % (Regions.Length + 1)] } },
        EditKind.MakeUnavailable => MakeUnavailable(c, Therapies[A % Therapies.Length]),
        EditKind.RestrictAvailable => c with
        {
            Context = c.Context with
            {
                Available = [.. Therapies.Where((t, i) => (A & (1 << i)) != 0 && !c.Context.Unavailable.Contains(t))],
            },
        },
        EditKind.ClearAvailable => c with { Context = c.Context with { Available = null } },
        EditKind.AddMedication => AddMedication(c, MedicationPool[A % MedicationPool.Count]),
        EditKind.ToggleBrainMetastases => c with
        {
            Disease = c.Disease with
            {
                BrainMetastases = c.Disease.BrainMetastases is { Present: true }
                    ? new BrainMetastases { Present = false }
                    : new BrainMetastases { Present = true, Count = 1 + (A % 6), Symptomatic = A % 2 == 0, LargestMm = 3 + (A % 30) },
            },
        },
        EditKind.SetSmallCellHistology => c with { Tumor = c.Tumor with { Histology = Histology.SmallCell } },
        EditKind.AddPneumonitis => c with
        {
            AdverseEvents = [.. c.AdverseEvents, new AdverseEvent { Therapy = c.History.Count == 0 ? null : c.History[A % c.History.Count].Therapy, Event = AdverseEventCode.Pneumonitis, Grade = 1 + (A % 4) }],
        },
        EditKind.AddProgressionGenotype => AddGenotype(c, World.Kb.Resistance[A % World.Kb.Resistance.Count]),
        EditKind.AddTkiProgression => AddStopped(c, Tkis[A % Tkis.Length], StopReason.Progression),
        EditKind.AddTkiIntolerance => AddStopped(c, Tkis[A % Tkis.Length], StopReason.Intolerance),
        _ => c,
    };

    private static readonly Therapy[] Tkis = [.. Therapies.Where(t => World.Kb.HasDrug(t) && World.Kb.Drug(t).IsTargeted)];

    /// <summary>A progression test reporting the mutation set of one resistance row (C1156Y+L1198F among them).</summary>
    private static Case AddGenotype(Case c, Knowledge.Model.ResistanceRow row) => c with
    {
        Tests =
        [
            .. c.Tests,
            new BiomarkerTest
            {
                Gene = row.Gene, Method = TestMethod.NgsDna, Sample = Sample.Plasma, Timing = TestTiming.Progression,
                Result = Domain.TestResult.Positive, Mutations = [.. row.Mutations],
            },
        ],
    };

    /// <summary>A TKI that ended (for progression or intolerance) appended to the history; an ongoing last entry is closed first.</summary>
    private static Case AddStopped(Case c, Therapy t, StopReason reason)
    {
        var history = c.History.Select(h => h.End is null && h.StopReason is StopReason.Ongoing or null ? h with { End = "2024-01", StopReason = StopReason.Completed } : h).ToList();
        history.Add(new HistoryEntry { Therapy = t, Start = "2024-02", End = "2025-01", StopReason = reason, ProgressionPattern = reason == StopReason.Progression ? ProgressionPattern.Systemic : null });
        return c with { History = history };
    }

    public static Case MakeUnavailable(Case c, Therapy t) => c.Context.Unavailable.Contains(t)
        ? c
        : c with
        {
            Context = c.Context with
            {
                Unavailable = [.. c.Context.Unavailable, t],
                Available = c.Context.Available is null ? null : [.. c.Context.Available.Where(x => x != t)],
            },
        };

    public static Case AddMedication(Case c, string name) =>
        c.Medications.Contains(name, StringComparer.OrdinalIgnoreCase) ? c : c with { Medications = [.. c.Medications, name] };

    private static IReadOnlyList<T> Without<T>(IReadOnlyList<T> items, int at) =>
        items.Count == 0 ? items : [.. items.Where((_, i) => i != at % items.Count)];
}

/// <summary>Medication names the knowledge base does not know.</summary>
internal static class UnknownMedications
{
    private static readonly string[] Candidates = ["paracetamol", "vitamin d3", "zoledronic acid", "denosumab", "levothyroxine", "folic acid", "melatonin", "lactulose", "herbal tea blend", "zz-unlisted-remedy"];

    public static IReadOnlyList<string> Names { get; } = [.. Candidates.Where(m => World.Kb.Medication(m).Generic is null)];
}
