using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;

namespace FusionGuide.Engine.Diagnosis;

/// <summary>
/// DX-GENE-002: a positive and a negative test of one gene. The positive result is followed (a driver is not given up on
/// one negative test), and the method that settles the gene decides: tissue RNA NGS for a fusion (it reads the
/// transcript, the most sensitive method in the review), tissue DNA NGS for a mutation driver. When that method is
/// already one of the two tests it is not asked for again: a positive by it settles the gene; a negative by it leaves the
/// disagreement to the laboratory and the molecular tumour board. Sources: the rule catalogue (CAP/IASLC/AMP 2018, NCCN).
/// </summary>
internal static class DiscordantResults
{
    /// <summary>One gene's disagreement: the tests, the words of the warning, and the test that settles it (none when already done).</summary>
    internal sealed record Discordance(Gene Gene, TestCall Positive, TestCall Negative, string Resolution, TestMethod? SettlingTest)
    {
        public string Message => $"{Codes.Gene.Code(Gene)}: {Positive.Label} and {Negative.Label} disagree; {Resolution}.";
    }

    public static Discordance Resolve(Evaluation e, Gene gene, TestCall positive, TestCall negative)
    {
        var settling = DiagnosisStage.IsMutationDriver(e, gene) ? TestMethod.NgsDna : TestMethod.NgsRna;
        var words = $"tissue {(settling == TestMethod.NgsDna ? "DNA" : "RNA")} NGS";
        bool IsSettling(TestCall c) => c.IsTissue && c.Test.Method == settling;
        if (IsSettling(positive))
        {
            return new(gene, positive, negative, $"the positive result is followed: it comes from {words}, the method that settles this gene", null);
        }

        if (IsSettling(negative))
        {
            return new(gene, positive, negative,
                $"the positive result is followed, but the negative one comes from {words}, the method that would settle it: ask the laboratory whether that sample was adequate (tumour content, nucleic-acid quality) and review both at a molecular tumour board before relying on either",
                null);
        }

        return new(gene, positive, negative, $"the positive result is followed; resolve the disagreement on {words}", settling);
    }

    /// <summary>The warning and its trace line.</summary>
    public static void Warn(Evaluation e, Discordance d)
    {
        e.WarnDiagnosis(WarningCodes.DiscordantResults, d.Message);
        // Trace id DX-GENE-002 (RuleIds.Discordant) is written here; its sources: knowledge/rules/DX-GENE-002.json.
        e.Fire(RuleIds.Discordant, d.Message);
    }
}
