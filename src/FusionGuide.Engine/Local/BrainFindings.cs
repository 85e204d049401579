using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Engine.Systemic;
using FusionGuide.Engine.Treatment;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Local;

/// <summary>The brain findings the brain rules read, with the thresholds that judge them, worded once for the rationales.</summary>
internal sealed record BrainFindings
{
    public int? Count { get; init; }
    public double? LargestMm { get; init; }
    public bool Symptomatic { get; init; }

    /// <summary>The case does not say whether the brain metastases cause symptoms (read as asymptomatic, and said so).</summary>
    public bool SymptomsNotStated { get; init; }
    public bool MassEffect { get; init; }
    public bool Leptomeningeal { get; init; }

    /// <summary>The largest lesion is at or above the large-lesion threshold.</summary>
    public bool Large { get; init; }

    /// <summary>The brain is progressing now: CNS progression on the TKI just stopped, or on one continued through it.</summary>
    public bool Progressing { get; init; }

    /// <summary>
    /// True when the lesions progressed on the TKI taken now, answered as its failure, and that TKI is offered as the
    /// alternative continued beside CNS-directed treatment (SYS-CONT-007).
    /// </summary>
    public bool ContinuedBeside { get; init; }

    /// <summary>The TKI the progression happened on, when <see cref="Progressing"/>.</summary>
    public string? ProgressedOn { get; init; }

    public int? Ecog { get; init; }

    /// <summary>ECOG at or below the radiosurgery fitness limit, or not given (the rationale then states the condition).</summary>
    public bool Fit { get; init; }

    /// <summary>ECOG at or above the poor-performance threshold (3): radiotherapy only to relieve symptoms (LOC-BRAIN-012).</summary>
    public bool Poor { get; init; }

    public Therapy? Tki { get; init; }
    public string? TkiName { get; init; }
    public bool CnsActive { get; init; }
    public int SrsMax { get; init; }
    public int SrsMaxFit { get; init; }
    public int FitEcog { get; init; }
    public double LargeMm { get; init; }

    /// <summary>Local treatment is due whatever the TKI: symptoms, mass effect, a large lesion, or progression.</summary>
    public bool NeedsLocal => Symptomatic || MassEffect || Large || Progressing;

    public static BrainFindings Of(Evaluation e, BrainMetastases bm, SystemicOutcome systemic, TreatmentHistory h)
    {
        var t = e.Kb.ClinicalThresholds;
        var tki = systemic.FirstChoice is { } first && e.Kb.Drug(first).IsTargeted ? first : (Therapy?)null;
        // Progressing now: CNS-only progression on a TKI that is continued, or CNS (or CNS and systemic) progression on
        // the TKI just stopped with no therapy taken since. An old CNS progression under a therapy now working is not.
        var continued = systemic.ContinuingThroughLimitedProgression && h.ContinuedThroughLimitedProgression is { ProgressionPattern: ProgressionPattern.Cns } c ? c : null;
        var stopped = h.Current is null && h.Failed.Count > 0 && h.LastFailurePattern is ProgressionPattern.Cns or ProgressionPattern.Both ? h.Failed[^1] : null;
        // A TKI taken now whose CNS progression was answered as its failure (SYS-CONT-007) is the one the lesions grew on,
        // when no TKI leads the answer (chemotherapy first); a CNS-active TKI switched to is planned as any first TKI.
        var answered = tki is null && systemic.ContinuedBeside is { } beside && h.Current?.Therapy == beside ? beside : (Therapy?)null;
        var progressedOn = continued?.Therapy ?? answered ?? stopped?.Therapy;
        var ecog = e.Case.Patient.Ecog;
        return new BrainFindings
        {
            Count = bm.Count,
            LargestMm = bm.LargestMm,
            Symptomatic = bm.Symptomatic == true,
            SymptomsNotStated = bm.Symptomatic is null,
            MassEffect = bm.MassEffect == true,
            Leptomeningeal = bm.Leptomeningeal == true,
            Large = bm.LargestMm is { } mm && mm >= t.BrainLargeLesionMm,
            Progressing = progressedOn is not null,
            ContinuedBeside = answered is not null,
            ProgressedOn = progressedOn is { } p ? e.Name(p) : null,
            Ecog = ecog,
            Fit = t.SrsFit(ecog),
            Poor = ecog >= t.EcogPoorAtOrAbove,
            Tki = tki,
            TkiName = tki is { } n ? e.Name(n) : null,
            CnsActive = tki is { } d && e.Kb.Drug(d).Cns?.Activity == CnsLevel.High,
            SrsMax = t.SrsMaxBrainLesions,
            SrsMaxFit = t.SrsMaxBrainLesionsFit,
            FitEcog = t.SrsFitEcogAtMost,
            LargeMm = t.BrainLargeLesionMm,
        };
    }

    /// <summary>"Brain metastases (symptomatic, 35 mm, with mass effect)".</summary>
    public string Describe()
    {
        var bits = new List<string>();
        if (Symptomatic)
        {
            bits.Add("symptomatic");
        }

        if (LargestMm is { } mm)
        {
            bits.Add($"{mm:0.#} mm");
        }

        if (MassEffect)
        {
            bits.Add("with mass effect");
        }

        return $"Brain metastases ({(bits.Count == 0 ? "needing treatment" : string.Join(", ", bits))})";
    }

    /// <summary>Why local treatment is due, in words: "Brain metastases progressing on alectinib (largest 27 mm)".</summary>
    public string Why()
    {
        var bits = new List<string>();
        if (Symptomatic)
        {
            bits.Add("symptomatic");
        }

        if (MassEffect)
        {
            bits.Add("with mass effect");
        }

        if (Progressing)
        {
            bits.Add($"progressing on {ProgressedOn}");
        }

        var size = LargestMm is { } mm ? Large ? $"largest {mm:0.#} mm, ≥{LargeMm:0.#} mm" : $"largest {mm:0.#} mm" : null;
        return $"Brain metastases {string.Join(", ", bits)}{(bits.Count == 0 ? "" : " ")}{(size is null ? "" : $"({size})")}".TrimEnd();
    }

    /// <summary>"6 lesions", "1 lesion", "a limited number of lesions".</summary>
    public string Lesions() => Count is { } c ? $"{c} lesion{(c == 1 ? "" : "s")}" : "a limited number of lesions";

    /// <summary>"ECOG 1", or the condition when the case gives none.</summary>
    public string Performance() => Ecog is { } ecog ? $"ECOG {ecog}" : $"performance status not given (applies at ECOG 0–{FitEcog})";
}
