using System.Text;
using System.Text.Json.Nodes;
using FusionGuide.Domain;
using FusionGuide.Engine.Tests.Support;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Engine.Tests;

/// <summary>
/// Issue #17, "no invented days": an approval known only to its month (date "YYYY-MM") is certain only once the month
/// is over, so it counts from the first day of the next month. The tests give repotrectinib's EU ROS1 approval the
/// month January 2025 in a copy of the knowledge base (whatever the shipped record says), so they hold whether or not
/// its day is found later.
/// </summary>
public sealed class MonthPrecisionApprovalTests
{
    private static readonly Lazy<FusionEngine> MonthEngine = new(() =>
    {
        var files = Directory.EnumerateFiles(Repo.Knowledge, "*.json", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(Repo.Knowledge, f).Replace('\\', '/'), Bytes: File.ReadAllBytes(f))).ToList();
        var i = files.FindIndex(f => f.Path == "drugs/repotrectinib.json");
        var drug = JsonNode.Parse(files[i].Bytes)!.AsObject();
        var eu = drug["approvals"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "repotrectinib-eu-ros1")!;
        eu["date"] = "2025-01";
        files[i] = (files[i].Path, Encoding.UTF8.GetBytes(drug.ToJsonString()));
        var loaded = KnowledgeLoader.Load(files);
        Assert.Empty(loaded.Problems);
        return new FusionEngine(loaded.KnowledgeBase!);
    });

    private static Result EvaluateRos1InEurope(DateOnly asOf)
    {
        var (c, notices) = Cases.Read(Cases.Json($$"""{ "context": { "region": "EU" }, "tests": {{Cases.Ros1Tests}} }"""));
        var result = MonthEngine.Value.Evaluate(c, asOf, notices);
        ResultSchema.AssertValid(result);
        return result;
    }

    [Theory]
    [InlineData("2025-01-01")]
    [InlineData("2025-01-20")]
    [InlineData("2025-01-31")]
    public void Month_precision_approval_does_not_apply_inside_its_month(string day)
    {
        var r = EvaluateRos1InEurope(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.DoesNotContain("repotrectinib", r.Options());
        var avoid = Assert.Single(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Repotrectinib);
        Assert.Contains($"not approved in EU on {day}", avoid.Reason, StringComparison.Ordinal);
        Assert.Contains("approved in January 2025; the day is not known, so it counts from 2025-02-01", avoid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Month_precision_approval_applies_from_the_next_month()
    {
        var r = EvaluateRos1InEurope(new DateOnly(2025, 2, 1));

        Assert.Contains("repotrectinib", r.Options());
        Assert.DoesNotContain(r.SystemicTherapy.Avoid, a => a.Therapy == Therapy.Repotrectinib);
    }

    [Fact]
    public void Approval_known_to_the_month_never_shows_an_invented_day_in_the_answer()
    {
        var r = EvaluateRos1InEurope(new DateOnly(2025, 1, 20));

        var texts = r.SystemicTherapy.Avoid.Select(a => a.Reason).Concat(r.Trace.Select(t => t.Detail));
        Assert.DoesNotContain(texts, t => t.Contains("2025-01-01", StringComparison.Ordinal) || t.Contains("approval dated 2025-02-01", StringComparison.Ordinal));
    }
}
