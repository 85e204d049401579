using System.Diagnostics;
using System.Text.Json.Nodes;
using FusionGuide.Domain;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Engine.Tests.Support;

namespace FusionGuide.Engine.Tests;

/// <summary>A result's warnings are de-duplicated, and their number and size are bounded whatever the input (issue #22).</summary>
public class BoundedWarningsTests
{
    [Fact]
    public void Warnings_are_de_duplicated_keeping_the_order_they_were_first_written()
    {
        // 40 distinct notices, each given twice (and the first ones a third time after the rest): more than a short scan holds.
        var distinct = Enumerable.Range(0, 40).Select(i => new InputNotice(WarningCodes.UnknownField, $"$.f{i}", $"Field f{i} was ignored.")).ToList();
        IReadOnlyList<InputNotice> notices = [.. distinct, .. distinct, .. distinct.Take(5)];
        var c = Cases.Build();

        var result = Cases.Engine.Evaluate(c, null, notices);
        var plain = Cases.Engine.Evaluate(c);

        var fromNotices = result.Warnings.Where(w => w.Code == "unknown-field").Select(w => w.Message).ToList();
        Assert.Equal(distinct.Select(n => n.Message), fromNotices);
        Assert.Equal(plain.Warnings, result.Warnings.Where(w => w.Code != "unknown-field"));
    }

    [Fact]
    public void The_same_notice_and_warning_code_with_another_message_is_kept()
    {
        IReadOnlyList<InputNotice> notices = [new(WarningCodes.UnknownField, "$.a", "A."), new(WarningCodes.UnknownField, "$.b", "B."), new(WarningCodes.UnknownField, "$.a", "A.")];

        var result = Cases.Engine.Evaluate(Cases.Build(), null, notices);

        Assert.Equal(["A.", "B."], result.Warnings.Where(w => w.Code == "unknown-field").Select(w => w.Message));
    }

    [Fact]
    public void A_case_with_100000_unknown_fields_gets_a_small_result()
    {
        var root = JsonNode.Parse(Cases.Json())!.AsObject();
        for (var i = 0; i < 100_000; i++)
        {
            // Four lower-case letters (aaaa, aaab, …): 100,000 such fields fit in a case's 1 MB.
            root[string.Create(4, i, static (span, n) =>
            {
                for (var k = 3; k >= 0; k--, n /= 26)
                {
                    span[k] = (char)('a' + (n % 26));
                }
            })] = 0;
        }

        var json = root.ToJsonString();
        var clock = Stopwatch.StartNew();

        var (c, notices) = Cases.Read(json);
        var result = Cases.Engine.Evaluate(c, null, notices);
        var text = ContractJson.Serialize(result, indented: false);

        // Ten fields named with their paths, then one warning counting the rest.
        var unknown = result.Warnings.Where(w => w.Code == "unknown-field").ToList();
        Assert.Equal(11, unknown.Count);
        Assert.Contains("99990 more", unknown[^1].Message, StringComparison.Ordinal);
        var baseline = ContractJson.Serialize(Cases.Engine.Evaluate(Cases.Build()), indented: false);
        Assert.True(text.Length < baseline.Length + 4_000, $"the result is {text.Length} characters; without the unknown fields {baseline.Length}");
        // A sanity bound only, two orders of magnitude above what it takes: the quadratic version took 30-44 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }
}
