using FusionGuide.Domain;

namespace FusionGuide.Engine.Diagnosis;

/// <summary>What one test says about its gene, after the testing guideline's rules.</summary>
internal enum CallKind
{
    /// <summary>Positive by a method that establishes the alteration.</summary>
    Positive,
    /// <summary>Negative by this method.</summary>
    Negative,
    /// <summary>Borderline: needs a confirmatory method.</summary>
    Equivocal,
    /// <summary>A positive screen (ROS1 IHC): needs confirmation, never a driver by itself.</summary>
    Screen,
    /// <summary>A negative plasma result: does not exclude the alteration.</summary>
    PlasmaNegative,
    /// <summary>Too few cells for the scoring rule: not a negative.</summary>
    Inadequate,
    /// <summary>The test failed.</summary>
    Failed,
    /// <summary>The test says nothing usable about the gene (wrong clone, no result).</summary>
    Uninformative,
}

/// <summary>One test's call.</summary>
/// <param name="Index">Position in <c>tests</c>.</param>
/// <param name="Test">The test.</param>
/// <param name="Kind">The call.</param>
/// <param name="Explanation">Why, in a sentence.</param>
internal sealed record TestCall(int Index, BiomarkerTest Test, CallKind Kind, string Explanation)
{
    public Gene Gene => Test.Gene;

    /// <summary>How the rationale names the test ("tests[2] ALK fish (tissue)"); written once, used by several rules.</summary>
    public string Label { get; } = $"tests[{Index}] {Codes.Gene.Code(Test.Gene)} {Codes.TestMethod.Code(Test.Method)}{(Test.Sample is { } s ? $" ({Codes.Sample.Code(s)})" : "")}";

    public bool IsTissue => Test.Sample is not Sample.Plasma;
}
