namespace FusionGuide.Domain.Validation;

/// <summary>One input problem: the JSON path of the field at fault and what is wrong with it.</summary>
/// <remarks>Paths use the contract's form: <c>$</c> for the document, <c>$.tests[2].percentRearrangedCells</c> for a field.</remarks>
public sealed record Problem(string Path, string Message);

/// <summary>A notice about well-formed input that the reader kept but could not use (becomes a result warning).</summary>
/// <param name="Kind">Its entry in the warning-code registry.</param>
/// <param name="Path">Where in the input.</param>
/// <param name="Message">The warning's message.</param>
public sealed record InputNotice(WarningCode Kind, string Path, string Message)
{
    /// <summary>The warning code, as results carry it.</summary>
    public string Code => Kind.Code;
}

/// <summary>What reading a case produced: the case when it is valid, and every problem and notice.</summary>
public sealed record ReadOutcome(Case? Case, IReadOnlyList<Problem> Problems, IReadOnlyList<InputNotice> Notices)
{
    /// <summary>True when the case can be evaluated.</summary>
    public bool IsValid => Case is not null && Problems.Count == 0;
}
