namespace FusionGuide.Knowledge.Model;

/// <summary>
/// The thresholds the engine reads, by name (the values live in <c>knowledge/thresholds/</c>, one file each; the
/// engine refuses to start on a base that lacks one, see <see cref="Required"/>).
/// </summary>
public sealed class ClinicalThresholds
{
    private readonly KnowledgeBase kb;

    internal ClinicalThresholds(KnowledgeBase kb) => this.kb = kb;

    /// <summary>The threshold ids the engine needs.</summary>
    public static IReadOnlyList<string> Required { get; } =
    [
        "fish-first-read-cells", "fish-first-read-negative-below-percent", "fish-first-read-positive-above-percent", "fish-two-reader-cells",
        "fish-two-reader-positive-at-or-above-percent", "alk-ihc-positive-intensity", "ros1-ihc-screen-positive-intensity", "pdl1-positive-tps",
        "oligometastatic-max-lesions", "srs-max-brain-lesions", "brain-large-lesion-mm", "ecog-poor-at-or-above",
        "srs-max-brain-lesions-fit", "srs-fit-ecog-at-most", "adult-age-years",
    ];

    /// <summary>Cells scored by the first FISH reader.</summary>
    public double FishFirstReadCells => kb.Threshold("fish-first-read-cells");
    /// <summary>First read: negative below this percentage of rearranged cells.</summary>
    public double FishFirstReadNegativeBelowPercent => kb.Threshold("fish-first-read-negative-below-percent");
    /// <summary>First read: positive above this percentage.</summary>
    public double FishFirstReadPositiveAbovePercent => kb.Threshold("fish-first-read-positive-above-percent");
    /// <summary>Cells scored by both FISH readers together.</summary>
    public double FishTwoReaderCells => kb.Threshold("fish-two-reader-cells");
    /// <summary>Two readers: positive at or above this percentage.</summary>
    public double FishTwoReaderPositiveAtOrAbovePercent => kb.Threshold("fish-two-reader-positive-at-or-above-percent");
    /// <summary>ALK IHC: positive at or above this staining intensity.</summary>
    public double AlkIhcPositiveIntensity => kb.Threshold("alk-ihc-positive-intensity");
    /// <summary>ROS1 IHC: a screen-positive staining intensity.</summary>
    public double Ros1IhcScreenPositiveIntensity => kb.Threshold("ros1-ihc-screen-positive-intensity");
    /// <summary>PD-L1 tumour proportion score counted positive.</summary>
    public double PdL1PositiveTps => kb.Threshold("pdl1-positive-tps");
    /// <summary>Most brain lesions treated by radiosurgery.</summary>
    public int SrsMaxBrainLesions => (int)kb.Threshold("srs-max-brain-lesions");
    /// <summary>Most brain lesions treated by radiosurgery in a patient fit enough (see <see cref="SrsFitEcogAtMost"/>).</summary>
    public int SrsMaxBrainLesionsFit => (int)kb.Threshold("srs-max-brain-lesions-fit");
    /// <summary>The poorest ECOG at which radiosurgery is offered for more lesions than <see cref="SrsMaxBrainLesions"/>.</summary>
    public int SrsFitEcogAtMost => (int)kb.Threshold("srs-fit-ecog-at-most");
    /// <summary>Fit enough for radiosurgery to more lesions: ECOG at most <see cref="SrsFitEcogAtMost"/>, or not given.</summary>
    public bool SrsFit(int? ecog) => ecog is not { } e || e <= SrsFitEcogAtMost;
    /// <summary>Most brain lesions radiosurgery is offered for at this performance status.</summary>
    public int SrsMaxBrainLesionsFor(int? ecog) => SrsFit(ecog) ? SrsMaxBrainLesionsFit : SrsMaxBrainLesions;
    /// <summary>A brain lesion this large (mm) or larger is large.</summary>
    public double BrainLargeLesionMm => kb.Threshold("brain-large-lesion-mm");
    /// <summary>Most lesions of oligometastatic disease.</summary>
    public int OligometastaticMaxLesions => (int)kb.Threshold("oligometastatic-max-lesions");

    /// <summary>How <see cref="OligometastaticMaxLesions"/> was established (its sources disagree: the row it decides says so).</summary>
    public Provenance OligometastaticMaxLesionsProvenance => kb.ThresholdRecord("oligometastatic-max-lesions")!.Provenance;
    /// <summary>ECOG at or above which performance status is poor.</summary>
    public int EcogPoorAtOrAbove => (int)kb.Threshold("ecog-poor-at-or-above");
    /// <summary>Age (years) from which the TKI labels' lung-cancer indications and adult doses apply.</summary>
    public int AdultAgeYears => (int)kb.Threshold("adult-age-years");
}
