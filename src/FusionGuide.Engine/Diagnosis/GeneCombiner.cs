using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;

namespace FusionGuide.Engine.Diagnosis;

/// <summary>Combines every test of one gene into its status, flagging disagreement between tests.</summary>
internal static class GeneCombiner
{
    /// <summary>The gene's status; a positive and a negative test that disagree are added to <paramref name="discordances"/> and warned of.</summary>
    public static GeneStatus Combine(Evaluation e, Gene gene, IReadOnlyList<TestCall> calls, List<DiscordantResults.Discordance> discordances)
    {
        var name = Codes.Gene.Code(gene);
        if (calls.Count == 0)
        {
            return GeneStatus.NotTested;
        }

        // One pass over the calls (most genes have one or two): counts and the first of each kind, no lists.
        TestCall? positive = null, negative = null, screen = null, unstatedNegative = null;
        var unsettled = 0;
        var anyTissueNegative = false;
        foreach (var c in calls)
        {
            switch (c.Kind)
            {
                case CallKind.Positive:
                    positive ??= c;
                    break;
                case CallKind.Negative:
                    negative ??= c;
                    anyTissueNegative |= c.IsTissue;
                    if (c.SampleNotStated)
                    {
                        unstatedNegative ??= c;
                    }

                    break;
                case CallKind.Screen:
                    screen ??= c;
                    unsettled++;
                    break;
                case CallKind.Equivocal or CallKind.PlasmaNegative or CallKind.Inadequate:
                    unsettled++;
                    break;
                default:
                    break;
            }
        }

        GeneStatus status;
        if (positive is not null && NotExpressed(e, gene, calls) is { } unexpressed)
        {
            e.WarnDiagnosis(WarningCodes.DiscordantResults, unexpressed);
            // Trace id DX-PARTNER-003 (RuleIds.FusionNotExpressed) is written here; its sources: knowledge/rules/DX-PARTNER-003.json.
            e.Fire(RuleIds.FusionNotExpressed, unexpressed);
            status = GeneStatus.Equivocal;
        }
        else if (positive is not null)
        {
            if (negative is not null && gene != Gene.PdL1)
            {
                var discordance = DiscordantResults.Resolve(e, gene, positive, negative);
                DiscordantResults.Warn(e, discordance);
                discordances.Add(discordance);
            }

            status = GeneStatus.Positive;
        }
        else if (screen is not null && FirstNegative(calls, tissueRnaOnly: true) is { } rna)
        {
            // Trace id DX-GENE-001 (RuleIds.GeneCombine) is written here; its sources: knowledge/rules/DX-GENE-001.json.
            e.Fire(RuleIds.GeneCombine, $"{name}: the IHC screen was not confirmed by {rna.Label}; tissue RNA NGS is decisive.");
            status = GeneStatus.Negative;
        }
        else if (screen is not null && FirstNegative(calls, tissueRnaOnly: false) is { } fish)
        {
            DiscordantResults.Warn(e, new(gene, screen, fish, $"{name} FISH can miss fusions with nearby partners (GOPC/FIG): RNA NGS decides", TestMethod.NgsRna));
            // Trace id DX-GENE-003 (RuleIds.Ros1FishMissesPartners) is written here; its sources: knowledge/rules/DX-GENE-003.json.
            e.Fire(RuleIds.Ros1FishMissesPartners, $"{name} IHC screen positive but {fish.Label} negative: FISH may miss intrachromosomal partners such as GOPC; RNA NGS is needed.");
            status = GeneStatus.Equivocal;
        }
        else if (screen is null && anyTissueNegative)
        {
            status = GeneStatus.Negative;
        }
        else if (unsettled > 0 || negative is not null)
        {
            status = GeneStatus.Equivocal;
        }
        else
        {
            status = GeneStatus.NotTested;
        }

        if (screen is not null && status == GeneStatus.Equivocal)
        {
            e.WarnDiagnosis(WarningCodes.UnconfirmedScreen, $"{name} is positive only on an IHC screen, {screen.Label}: a screen needs confirmation by FISH or RNA NGS before targeted therapy.");
        }

        if (status != GeneStatus.Positive && status != GeneStatus.Negative && calls.Any(c => c.Kind == CallKind.PlasmaNegative) && Kinase(gene))
        {
            e.WarnDiagnosis(WarningCodes.PlasmaNegative, $"{name} was not detected on plasma only: a negative liquid biopsy does not exclude a fusion; test tissue.");
        }

        if (status == GeneStatus.Equivocal && unstatedNegative is not null && !anyTissueNegative)
        {
            // Trace id DX-NGS-005 (RuleIds.SampleNotStated) is written here; its sources: knowledge/rules/DX-NGS-005.json.
            var msg = $"{name} was not detected by {unstatedNegative.Label}, which does not say whether tissue or plasma was sequenced: a negative liquid biopsy does not exclude {name}, so it is not read as negative. State the sample (tissue or cytology settles it), or test tissue.";
            e.WarnDiagnosis(WarningCodes.SampleNotStated, msg);
            e.Fire(RuleIds.SampleNotStated, msg);
        }

        foreach (var failed in calls.Where(c => c.Kind == CallKind.Failed))
        {
            e.WarnDiagnosis(WarningCodes.TestFailed, $"{failed.Subject} failed: repeat it or use another method or sample.");
        }

        e.Fire(RuleIds.GeneCombine, $"{name}: {Codes.GeneStatus.Code(status)} from {calls.Count} test(s) ({string.Join("; ", calls.Select(c => c.Explanation))}).");
        return status;
    }

    private static bool Kinase(Gene g) => g is Gene.Alk or Gene.Ros1;

    /// <summary>
    /// DX-PARTNER-003: an ALK or ROS1 rearrangement found by DNA NGS only, with no partner or one outside the knowledge
    /// base's canonical partners, and a tissue test that reads expression — RNA NGS, or ALK IHC with a validated antibody —
    /// came back negative. Such DNA-level rearrangements can make no transcript or protein (DX-PARTNER-002's source), and
    /// here the expression test says so: the positive is not followed as a DX-GENE-002 discordance would, the gene is left
    /// equivocal for the molecular tumour board (a canonical partner keeps DX-GENE-002: the positive is followed). Not
    /// after a TKI against the gene has been given: a response to it shows the fusion is expressed.
    /// Returns the warning's words, or null when the rule does not apply.
    /// </summary>
    private static string? NotExpressed(Evaluation e, Gene gene, IReadOnlyList<TestCall> calls)
    {
        // A patient already given a TKI against the gene: a response shows the fusion is expressed, and the plan is about
        // that treatment (DX-PARTNER-002 says what a primary progression would mean); the gene is not reopened.
        if (!Kinase(gene) || e.Kb.CanonicalPartners(gene) is not { } canonical || e.TkiGivenAgainst(gene))
        {
            return null;
        }

        var positives = calls.Where(c => c.Kind == CallKind.Positive).ToList();
        var dnaOnly = positives.All(c => c.Test.Method == TestMethod.NgsDna) &&
                      positives.All(c => c.Test.FusionPartner is null || !canonical.Includes(c.Test.FusionPartner));
        var expression = calls.FirstOrDefault(c => c.Kind == CallKind.Negative && c.IsTissue &&
                                                   (c.Test.Method == TestMethod.NgsRna || (gene == Gene.Alk && c.Test.Method == TestMethod.Ihc)));
        if (!dnaOnly || expression is null || Systemic.Rules.PublishedBy.NotYet(e, canonical.Provenance.Sources) is not null)
        {
            return null;
        }

        var name = Codes.Gene.Code(gene);
        var partner = positives.Select(c => c.Test.FusionPartner).FirstOrDefault(p => p is not null);
        var what = partner is null ? $"a {name} rearrangement with no partner named" : $"{partner}-{name} (not a canonical partner: {string.Join(", ", canonical.Partners)})";
        return $"{name}: {positives[0].Label} found {what} in DNA only, and {expression.Label} is negative: the rearrangement may make no fusion transcript or protein (some DNA-level rearrangements with uncommon partners do not), so it is not followed as positive; {name} is left equivocal for the molecular tumour board (review both reports, and test expression by another method before a {name} TKI).";
    }

    /// <summary>The first negative call by tissue RNA NGS when <paramref name="tissueRnaOnly"/>, otherwise the first negative FISH call.</summary>
    private static TestCall? FirstNegative(IReadOnlyList<TestCall> calls, bool tissueRnaOnly)
    {
        foreach (var c in calls)
        {
            if (c.Kind == CallKind.Negative &&
                (tissueRnaOnly ? c.IsTissue && c.Test.Method == TestMethod.NgsRna : c.Test.Method == TestMethod.Fish))
            {
                return c;
            }
        }

        return null;
    }
}
