using FusionGuide.Domain;

namespace FusionGuide.Engine.Diagnosis;

/// <summary>A set of kinase mutations found together in one progression sample.</summary>
/// <param name="Gene">The kinase.</param>
/// <param name="Mutations">The mutations (two or more: a compound).</param>
/// <param name="Source">Where it was found, for rationales ("plasma NGS").</param>
/// <param name="Phased">
/// The test can show that the mutations sit on one allele: NGS of tissue or cytology reads them on the same molecules.
/// Plasma cell-free DNA, or a method that is not sequencing, cannot — its mutations may come from different clones.
/// </param>
internal sealed record MutationSet(Gene Gene, IReadOnlyList<string> Mutations, string Source, bool Phased = true)
{
    public string Name => string.Join("+", Mutations);
}

/// <summary>What the diagnosis stage established, for the later stages.</summary>
internal sealed record DiagnosisFindings
{
    public required Driver Driver { get; init; }

    public required IReadOnlyDictionary<Gene, GeneStatus> Genes { get; init; }

    public string? FusionPartner { get; init; }

    public string? Variant { get; init; }

    public required List<NextTest> NextTests { get; init; }

    /// <summary>Kinase mutation sets from progression tests of the driver gene.</summary>
    public required IReadOnlyList<MutationSet> ResistanceMutations { get; init; }

    /// <summary>Off-target alterations reported at progression.</summary>
    public required IReadOnlyList<string> Alterations { get; init; }

    /// <summary>
    /// True when a progression test of the driver gene read the resistance genotype (DNA NGS, or a test reporting
    /// mutations or alterations) and gave a result; IHC, FISH or a fusion-only RNA panel does not.
    /// </summary>
    public required bool ProgressionGenotyped { get; init; }

    /// <summary>True when a progression tissue biopsy was taken (histology at progression is known).</summary>
    public required bool ProgressionTissue { get; init; }

    /// <summary>True when the progression tissue itself was genotyped (see <see cref="ProgressionGenotyped"/>).</summary>
    public required bool ProgressionTissueGenotyped { get; init; }

    /// <summary>
    /// Methods of progression tissue tests of a kinase that was positive at diagnosis and is negative now: loss of the
    /// fusion's expression or signal, a sign of kinase-independent resistance or transformation.
    /// </summary>
    public required IReadOnlyList<TestMethod> ProgressionExpressionLost { get; init; }
}
