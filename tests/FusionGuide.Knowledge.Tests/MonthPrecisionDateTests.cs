using System.Text.Json.Nodes;
using FusionGuide.Knowledge.Audit;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Knowledge.Model;
using static FusionGuide.Knowledge.Tests.EditedKnowledge;

namespace FusionGuide.Knowledge.Tests;

/// <summary>
/// Issue #17, "no invented days": an approval's date may be "YYYY-MM" when only the month is known (a reference's date
/// too, or "YYYY": <see cref="ReferenceDateTests"/>); nothing else may drop its day, and whatever writes the date says
/// the month, never a day nobody read.
/// </summary>
public sealed class MonthPrecisionDateTests
{
    private static Action<JsonObject> Approval(string id, string date) => d =>
        d["approvals"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == id)!["date"] = date;

    private static Approval Loaded(LoadResult r, string drug, string id)
    {
        Assert.Empty(r.Problems);
        return r.KnowledgeBase!.Drugs.Single(d => d.Id == drug).Approvals.Single(a => a.Id == id);
    }

    [Fact]
    public void Approval_date_of_a_month_is_accepted_and_counts_from_the_next_month()
    {
        var a = Loaded(LoadWith("drugs/repotrectinib.json", Approval("repotrectinib-eu-ros1", "2024-12")), "repotrectinib", "repotrectinib-eu-ros1");

        Assert.Equal(DatePrecision.Month, a.DatePrecision);
        Assert.Equal(new DateOnly(2025, 1, 1), a.Date);
        Assert.Equal("2024-12", a.Code());
    }

    [Fact]
    public void Approval_date_of_a_day_keeps_its_day()
    {
        var a = Loaded(LoadWith("drugs/repotrectinib.json", Approval("repotrectinib-eu-ros1", "2025-01-20")), "repotrectinib", "repotrectinib-eu-ros1");

        Assert.Equal(DatePrecision.Day, a.DatePrecision);
        Assert.Equal(new DateOnly(2025, 1, 20), a.Date);
        Assert.Equal("2025-01-20", a.Code());
        Assert.Equal("approved on 2025-01-20", a.Approved());
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-1")]
    [InlineData("2025")]
    [InlineData("2025-01-")]
    [InlineData("2025-02-30")]
    [InlineData("January 2025")]
    public void Malformed_approval_date_is_KB009(string date)
    {
        var r = LoadWith("drugs/repotrectinib.json", Approval("repotrectinib-eu-ros1", date));

        Assert.Null(r.KnowledgeBase);
        Assert.Contains(r.Problems, p => p.Code == KnowledgeCodes.BadDate && p.Message.Contains(date, StringComparison.Ordinal));
    }

    [Fact]
    public void A_month_is_refused_where_a_day_is_needed()
    {
        var validity = LoadWith("regimens/nccn-alk-first-line-2025.json", d => d["validFrom"] = "2025-03");
        Assert.Null(validity.KnowledgeBase);
        Assert.Contains(validity.Problems, p => p.Code == KnowledgeCodes.BadDate && p.Message.Contains("only as an approval's or a reference's date", StringComparison.Ordinal));

        var evidence = LoadWith("drugs/repotrectinib.json", d => d["approvals"]![0]!["evidence"]![0]!["retrieved"] = "2026-12");
        Assert.Null(evidence.KnowledgeBase);
        Assert.Contains(evidence.Problems, p => p.Code == KnowledgeCodes.BadDate && p.Message.Contains("retrieved '2026-12'", StringComparison.Ordinal));
    }

    [Fact]
    public void Approval_known_to_the_month_is_written_as_the_month()
    {
        var r = LoadWith("drugs/repotrectinib.json", Approval("repotrectinib-eu-ros1", "2025-01"));
        var a = Loaded(r, "repotrectinib", "repotrectinib-eu-ros1");

        Assert.Equal("in January 2025", a.When());
        Assert.Equal("approved in January 2025", a.Approved());
        Assert.Equal("approved in January 2025; the day is not known, so it counts from 2025-02-01", a.Dated());

        // The audit sheet (kb audit, its HTML review sheet) shows the fact's value as written by ApprovalDates.
        var fact = KnowledgeFacts.All(r.KnowledgeBase!).Single(f => f.Id == "repotrectinib-eu-ros1");
        Assert.Contains("approved in January 2025", fact.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-01-01", fact.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-02-01", fact.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_month_precision_approvals_are_written_without_a_day()
    {
        // Every approval the files date by month only (the converted "-01" placeholders) reads as the month.
        var months = KnowledgeLoader.Embedded.Drugs.SelectMany(d => d.Approvals).Where(a => a.DatePrecision == DatePrecision.Month).ToList();
        Assert.NotEmpty(months);
        Assert.All(months, a =>
        {
            Assert.Matches(@"^\d{4}-\d{2}$", a.Code());
            Assert.Equal(1, a.Date!.Value.Day);
            Assert.StartsWith("approved in ", a.Approved(), StringComparison.Ordinal);
        });
    }
}
