using System.Text.Json.Nodes;
using FusionGuide.Knowledge.Audit;
using FusionGuide.Knowledge.Loading;
using static FusionGuide.Knowledge.Tests.EditedKnowledge;

namespace FusionGuide.Knowledge.Tests;

/// <summary>
/// The <c>disputed</c> block: sources that disagree about a fact are recorded as at least two positions, each with the
/// evidence it was read in, typed at load and counted by the audit (docs/knowledge-format.md, Disputed facts).
/// </summary>
public sealed class DisputeTests
{
    private const string Threshold = "thresholds/oligometastatic-max-lesions.json";

    private static JsonObject Position(string value, bool withEvidence = true) => new()
    {
        ["value"] = value,
        ["evidence"] = withEvidence
            ? new JsonArray(new JsonObject
            {
                ["reference"] = "dingemans-2019-oligometastatic-consensus",
                ["locator"] = "Abstract, Results",
                ["url"] = "https://repub.eur.nl/pub/122300",
                ["retrieved"] = "2026-12-05",
                ["says"] = "At most five metastases in at most three organs.",
            })
            : new JsonArray(),
    };

    private static Action<JsonObject> Dispute(params JsonObject[] positions) =>
        d => d["disputed"] = new JsonObject { ["summary"] = "3 or 5 lesions", ["positions"] = new JsonArray(positions) };

    [Fact]
    public void Disputed_fact_needs_two_positions_with_evidence()
    {
        var one = LoadWith(Threshold, Dispute(Position("at most 5")));
        Assert.Null(one.KnowledgeBase);
        Assert.Contains(one.Problems, p => p.Code == KnowledgeCodes.BadDispute && p.File == Threshold && p.Message.Contains("at least two positions", StringComparison.Ordinal));

        var bare = LoadWith(Threshold, Dispute(Position("at most 3"), Position("at most 5", withEvidence: false)));
        Assert.Null(bare.KnowledgeBase);
        Assert.Contains(bare.Problems, p => p.Code == KnowledgeCodes.BadDispute && p.Message.Contains("position 2 ('at most 5') records no evidence", StringComparison.Ordinal));

        var weak = LoadWith(Threshold, d =>
        {
            Dispute(Position("at most 3"), Position("at most 5"))(d);
            d["disputed"]!["positions"]![1]!["evidence"]![0]!["url"] = "not an address";
        });
        Assert.Contains(weak.Problems, p => p.Code == KnowledgeCodes.WeakEvidence && p.Message.Contains("disputed position 2", StringComparison.Ordinal));

        var both = LoadWith(Threshold, Dispute(Position("at most 3"), Position("at most 5")));
        Assert.Empty(both.Problems);
        var typed = both.KnowledgeBase!.ThresholdRecord("oligometastatic-max-lesions")!.Provenance.Disputed!;
        Assert.Equal("3 or 5 lesions", typed.Summary);
        Assert.Equal(["at most 3", "at most 5"], typed.Positions.Select(p => p.Value));
        Assert.All(typed.Positions, p => Assert.Equal(new DateOnly(2026, 12, 5), Assert.Single(p.Evidence).Retrieved));
    }

    [Fact]
    public void Malformed_disputed_block_is_a_load_problem()
    {
        var noSummary = LoadWith(Threshold, d => d["disputed"] = new JsonObject { ["positions"] = new JsonArray(Position("a"), Position("b")) });
        Assert.Null(noSummary.KnowledgeBase);
        Assert.Contains(noSummary.Problems, p => p.File == Threshold);

        var unknownField = LoadWith(Threshold, d =>
        {
            Dispute(Position("at most 3"), Position("at most 5"))(d);
            d["disputed"]!["side"] = "left";
        });
        Assert.Null(unknownField.KnowledgeBase);
        Assert.Contains(unknownField.Problems, p => p.File == Threshold);
    }

    [Fact]
    public void Kb_audit_counts_disputed_facts()
    {
        var kb = KnowledgeLoader.LoadDirectory(RepoPaths.Knowledge).KnowledgeBase!;
        var audit = KnowledgeAudit.Of(kb);

        var disputed = audit.Facts.Where(f => f.Provenance.Disputed is not null).ToList();
        Assert.NotEmpty(disputed);
        Assert.Equal(disputed.Count, audit.Total.Disputed);
        Assert.Equal(disputed.Count, audit.ByFolder.Sum(x => x.Counts.Disputed));
        Assert.Equal(disputed.Count(f => f.Folder == "resistance"), audit.ByFolder.Single(x => x.Folder == "resistance").Counts.Disputed);
        Assert.Contains(audit.Disputed, f => f.Id == "alk-i1171n/crizotinib");
        Assert.All(audit.Disputed, f => Assert.True(f.Dispute!.Positions.Count >= 2 && f.Dispute.Positions.All(p => p.Evidence.Count > 0), f.Id));
    }
}
