using System.Text;
using CsCheck;
using FusionGuide.Domain.Tests.Support;
using FusionGuide.Domain.Validation;

namespace FusionGuide.Domain.Tests;

/// <summary>Whatever bytes arrive, the reader answers with a case or with problems; it never throws.</summary>
public class ReaderRobustnessTests
{
    private static readonly byte[] Valid = Encoding.UTF8.GetBytes(Cases.ValidText);

    [Fact]
    public void Arbitrary_bytes_never_make_the_reader_throw() =>
        Gen.Byte.Array[0, 300].Sample(bytes => AnswersWithoutThrowing(bytes), iter: 2000);

    [Fact]
    public void A_corrupted_valid_case_never_makes_the_reader_throw() =>
        Gen.Select(Gen.Int[0, Valid.Length - 1], Gen.Int[1, 8], Gen.Byte.Array[0, 8])
            .Sample((at, cut, insert) =>
            {
                var end = Math.Min(Valid.Length, at + cut);
                AnswersWithoutThrowing([.. Valid[..at], .. insert, .. Valid[end..]]);
            }, iter: 2000);

    private static void AnswersWithoutThrowing(byte[] bytes)
    {
        var outcome = CaseReader.Read(bytes);
        Assert.True(outcome.IsValid ^ outcome.Problems.Count > 0);
    }
}
