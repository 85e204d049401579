using System.Text.Json.Serialization;
using FusionGuide.Domain;

namespace FusionGuide.Knowledge.Model;

/// <summary>
/// A chemotherapy or chemo-immunotherapy regimen in full (a drug record's <c>regimen</c> block): the components with
/// dose, route and days, the cycle, the induction cycles, the maintenance phase and the premedication. Rule
/// SAFE-DOSE-003 writes it as the option's dosing row; the drug record's <c>monitoring</c> gives its monitoring rows.
/// </summary>
/// <param name="Id">Stable id.</param>
/// <param name="Components">The drugs of one cycle, in the order given; an alternative names the component it replaces.</param>
/// <param name="CycleDays">Length of one cycle in days.</param>
/// <param name="Induction">How many induction cycles (e.g. "4 cycles (up to 6)").</param>
/// <param name="Maintenance">The maintenance phase after induction, or null when there is none.</param>
/// <param name="Premedication">Premedication and supplements, in order.</param>
/// <param name="Provenance">Sources and verification of the cycle length and the number of cycles.</param>
public sealed record ChemoRegimen(string Id, IReadOnlyList<RegimenComponent> Components, int CycleDays, string Induction,
    RegimenStep? Maintenance, IReadOnlyList<RegimenStep> Premedication, Provenance Provenance)
{
    /// <summary>
    /// Histologies this regimen is not given in, though the therapy it doses is (chemo-immunotherapy is coded as
    /// KEYNOTE-189's pemetrexed regimen, which is for non-squamous disease only); empty when it is given in every one.
    /// </summary>
    public IReadOnlyList<Histology> NotIn { get; init; } = [];

    /// <summary>What the dosing row says instead in each histology of <see cref="NotIn"/> (one step for each).</summary>
    public IReadOnlyDictionary<Histology, InsteadStep> Instead { get; init; } = new Dictionary<Histology, InsteadStep>();

    /// <summary>Every fact of the regimen, for the unverified-knowledge trace.</summary>
    public IEnumerable<(string Id, Provenance Provenance)> Facts()
    {
        yield return (Id, Provenance);
        foreach (var c in Components)
        {
            yield return (c.Id, c.Provenance);
        }

        foreach (var s in Premedication)
        {
            yield return (s.Id, s.Provenance);
        }

        if (Maintenance is { } m)
        {
            yield return (m.Id, m.Provenance);
        }

        foreach (var i in Instead.Values.OrderBy(i => i.Step.Id, StringComparer.Ordinal))
        {
            yield return (i.Step.Id, i.Step.Provenance);
        }
    }

    /// <summary>
    /// The regimen's cytotoxic chemotherapy: one slot per component, a component and its alternative sharing a slot
    /// (cisplatin or carboplatin), antibodies left out. Two regimens with the same backbone give the same chemotherapy:
    /// platinum + pemetrexed with bevacizumab or pembrolizumab added is still platinum + pemetrexed.
    /// </summary>
    public IReadOnlyList<IReadOnlySet<RegimenAgent>> CytotoxicBackbone() =>
    [
        .. Components.Where(c => c.AlternativeTo is null && c.Agent.IsCytotoxic())
            .Select(c => (IReadOnlySet<RegimenAgent>)Components.Where(a => a.Agent == c.Agent || a.AlternativeTo == c.Agent).Select(a => a.Agent).ToHashSet()),
    ];

    /// <summary>Whether both regimens give the same cytotoxic chemotherapy (see <see cref="CytotoxicBackbone"/>).</summary>
    public bool SameCytotoxicBackbone(ChemoRegimen other)
    {
        var mine = CytotoxicBackbone();
        var theirs = other.CytotoxicBackbone();
        return mine.Count > 0 && mine.Count == theirs.Count && mine.All(slot => theirs.Any(t => t.SetEquals(slot)));
    }
}

/// <summary>
/// What a regimen's dosing row says in a histology the coded regimen is not given in (chemo-immunotherapy in squamous
/// disease: KEYNOTE-407's regimen; in small-cell lung cancer: platinum-etoposide with a PD-L1 inhibitor).
/// </summary>
/// <param name="Step">The text, with its sources and evidence.</param>
/// <param name="SameChemotherapyAs">
/// The therapy whose cytotoxic chemotherapy the regimen given instead shares (small-cell chemo-immunotherapy is
/// platinum-etoposide with an antibody added), so that rule SYS-AVOID-003 compares it; null when none is coded.
/// </param>
public sealed record InsteadStep(RegimenStep Step, Therapy? SameChemotherapyAs);

/// <summary>What kind of drug a regimen agent is.</summary>
public static class RegimenAgents
{
    /// <summary>A cytotoxic drug (platinum, antifolate, taxane, topoisomerase inhibitor), not an antibody.</summary>
    public static bool IsCytotoxic(this RegimenAgent agent) => agent switch
    {
        RegimenAgent.Cisplatin or RegimenAgent.Carboplatin or RegimenAgent.Pemetrexed or RegimenAgent.Paclitaxel
            or RegimenAgent.Etoposide or RegimenAgent.Docetaxel => true,
        RegimenAgent.Bevacizumab or RegimenAgent.Pembrolizumab or RegimenAgent.Atezolizumab => false,
        // A new agent must be placed above: left unplaced it would silently change which regimens count as the same.
        _ => throw new ArgumentOutOfRangeException(nameof(agent), agent, "regimen agent not classified"),
    };
}

/// <summary>One drug of a regimen's cycle.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Agent">The drug.</param>
/// <param name="Dose">The dose (e.g. "500 mg/m²", "AUC 5", "15 mg/kg", "200 mg").</param>
/// <param name="Route">Route (e.g. "IV").</param>
/// <param name="Days">Days of the cycle it is given (e.g. "day 1", "days 1–3").</param>
/// <param name="AlternativeTo">The component this one may replace (carboplatin for cisplatin), or null.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record RegimenComponent(string Id, RegimenAgent Agent, string Dose, string Route, string Days, RegimenAgent? AlternativeTo, Provenance Provenance);

/// <summary>A premedication or maintenance step in words.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Text">What is given, how much and when.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record RegimenStep(string Id, string Text, Provenance Provenance);

/// <summary>
/// A combination a resistance mechanism's record offers (the mechanism record's <c>combinations</c>): the therapy added
/// to the ALK/ROS1 inhibitor the disease progressed on, which is continued alongside, off-label or within a trial
/// (rule SYS-COMB-001).
/// </summary>
/// <param name="Id">Stable id.</param>
/// <param name="Therapy">The therapy added.</param>
/// <param name="Use">Off-label or trial.</param>
/// <param name="Rationale">Why, in one clause (the evidence and its limits).</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record MechanismCombination(string Id, Therapy Therapy, CombinationUse Use, string Rationale, Provenance Provenance);

#pragma warning disable CS1591 // an enum member is documented by its wire code, in its [JsonStringEnumMemberName]

/// <summary>A drug of a chemotherapy or chemo-immunotherapy regimen.</summary>
public enum RegimenAgent
{
    [JsonStringEnumMemberName("cisplatin")]
    Cisplatin,
    [JsonStringEnumMemberName("carboplatin")]
    Carboplatin,
    [JsonStringEnumMemberName("pemetrexed")]
    Pemetrexed,
    [JsonStringEnumMemberName("bevacizumab")]
    Bevacizumab,
    [JsonStringEnumMemberName("pembrolizumab")]
    Pembrolizumab,
    [JsonStringEnumMemberName("atezolizumab")]
    Atezolizumab,
    [JsonStringEnumMemberName("paclitaxel")]
    Paclitaxel,
    [JsonStringEnumMemberName("etoposide")]
    Etoposide,
    [JsonStringEnumMemberName("docetaxel")]
    Docetaxel,
}

#pragma warning restore CS1591
