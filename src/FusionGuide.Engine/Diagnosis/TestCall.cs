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

    /// <summary>
    /// How a sentence names the test, in words: "test 3 (ALK FISH on tissue)"; written once, used by several rules.
    /// Rationales, warnings and the trace are read by clinicians, so they never carry the JSON path ("tests[2]"): that
    /// form belongs to the problem lists (<c>--json-errors</c>, HTTP 400) only.
    /// </summary>
    public string Label { get; } = Name(Index, Test);

    /// <summary>The <see cref="Label"/> opening a sentence: "Test 3 (ALK FISH on tissue)".</summary>
    public string Subject => SubjectOf(Index, Test);

    /// <summary>The words for the test at <paramref name="index"/> in <c>tests</c> (0-based), counted from 1 as a person counts.</summary>
    public static string Name(int index, BiomarkerTest test) =>
        $"test {index + 1} ({Codes.Gene.Code(test.Gene)} {DiagnosisStage.MethodName(test.Method)}{(test.Sample is { } s ? $" on {Codes.Sample.Code(s)}" : "")})";

    /// <summary><see cref="Name"/> opening a sentence: "Test 3 (ALK FISH on tissue)".</summary>
    public static string SubjectOf(int index, BiomarkerTest test) => $"T{Name(index, test)[1..]}";

    /// <summary>
    /// Tissue or cytology. IHC and FISH need cells, so they are tissue whatever the sample field says; a sequencing test
    /// without a sample may have been a liquid biopsy, whose negative does not exclude a driver (the case format: a
    /// missing field means "not known"), so it is not counted as tissue (<see cref="SampleNotStated"/>).
    /// </summary>
    public bool IsTissue => Test.Sample is Sample.Tissue or Sample.Cytology || (Test.Sample is null && !SampleNotStated);

    /// <summary>A sequencing (or RT-PCR) test that does not say whether tissue or plasma was tested.</summary>
    public bool SampleNotStated => Test.Sample is null && Test.Method is TestMethod.NgsDna or TestMethod.NgsRna or TestMethod.RtPcr;

    /// <summary>
    /// The test's own report contradicts itself (a FISH call its counts do not support, an IHC call its intensity does
    /// not): it was not used to call the gene, and the next test is an orthogonal method, not a repeat.
    /// </summary>
    public bool SelfContradictory { get; init; }
}
