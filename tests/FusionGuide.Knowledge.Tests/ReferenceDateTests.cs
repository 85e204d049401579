using System.Text.Json;
using System.Text.RegularExpressions;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Knowledge.Model;
using static FusionGuide.Knowledge.Tests.EditedKnowledge;

namespace FusionGuide.Knowledge.Tests;

/// <summary>
/// Issue #17, "no invented days", for references: a reference's date is the day, the month (YYYY-MM) or the year (YYYY)
/// as far as it was read. It is typed once at load: the precision, the date as written (what every display shows) and
/// the first day the source is certainly published (what SYS-DATE-001 compares).
/// </summary>
public sealed partial class ReferenceDateTests
{
    private static Reference Loaded(string id, string date)
    {
        var r = LoadWith($"references/{id}.json", d => d["date"] = date);
        Assert.Empty(r.Problems);
        return r.KnowledgeBase!.Reference(id)!;
    }

    [Theory]
    [InlineData("2025-06-12", DatePrecision.Day, "2025-06-12", "2025-06-12", "2025-06-12")]
    [InlineData("2025-06", DatePrecision.Month, "2025-07-01", "2025-06-01", "2025-06")]
    [InlineData("2025-12", DatePrecision.Month, "2026-01-01", "2025-12-01", "2025-12")]
    [InlineData("2025", DatePrecision.Year, "2026-01-01", "2025-01-01", "in 2025")]
    public void Reference_date_of_a_day_month_or_year_is_known_from_the_end_of_its_period(string date, DatePrecision precision, string knownFrom, string earliest, string published)
    {
        var r = Loaded("trust-pooled-2025", date);

        Assert.Equal(precision, r.DatePrecision);
        Assert.Equal(date, r.Date);
        Assert.Equal(DateOnly.Parse(knownFrom, System.Globalization.CultureInfo.InvariantCulture), r.KnownFrom);
        Assert.Equal(DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture), r.EarliestDay);
        Assert.Equal(published, r.Published);
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-1")]
    [InlineData("25")]
    [InlineData("20250")]
    [InlineData("2025-06-")]
    [InlineData("2025-02-30")]
    [InlineData("June 2025")]
    [InlineData("2025-06-12T00:00")]
    public void Malformed_reference_date_is_KB009(string date)
    {
        var r = LoadWith("references/trust-pooled-2025.json", d => d["date"] = date);

        Assert.Null(r.KnowledgeBase);
        Assert.Contains(r.Problems, p => p.Code == KnowledgeCodes.BadDate && p.File == "references/trust-pooled-2025.json" && p.Message.Contains($"'{date}'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_undated_reference_has_no_known_day()
    {
        var r = LoadWith("references/trust-pooled-2025.json", d => d.Remove("date"));

        Assert.Empty(r.Problems);
        var reference = r.KnowledgeBase!.Reference("trust-pooled-2025")!;
        Assert.Null(reference.Date);
        Assert.Null(reference.KnownFrom);
        Assert.Null(reference.Published);
    }

    [Fact]
    public void A_year_only_guideline_keeps_its_tables_in_force_during_that_year()
    {
        // NCCN v2.2024 (seed-5) is dated "2024": its tables start on the first day of the year (or their own later
        // validFrom), not a year late on 2025-01-01.
        var kb = KnowledgeLoader.Embedded;
        Assert.Equal("2024", kb.Reference("seed-5")!.Date);
        var table = kb.Regimens.Single(t => t.Id == "nccn-ros1-first-line-2024");

        Assert.Equal(new DateOnly(2024, 1, 1), table.Applies.From);
        Assert.True(table.Applies.Contains(new DateOnly(2024, 6, 1)));
    }

    [Fact]
    public void Shipped_references_no_longer_describe_an_invented_first_day()
    {
        // The migration rewrote every date whose own note called its day (or month and day) a placeholder; a whole-day
        // date on the 1st whose note still says "written -01" or "-01-01 used" means a day was invented again.
        var offending = Directory.EnumerateFiles(Path.Combine(RepoPaths.Knowledge, "references"), "*.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .Where(r => r.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String && d.GetString()!.Length == 10 && d.GetString()!.EndsWith("-01", StringComparison.Ordinal))
            .Where(r => new[] { "notes", "verificationNote" }.Any(field => r.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && InventedDay().IsMatch(v.GetString()!)))
            .Select(r => r.GetProperty("id").GetString())
            .ToList();

        Assert.Empty(offending);
    }

    [GeneratedRegex(@"written -01|\(-01(-01)?\)|-01-01 used|-01-01 placeholder|, -01[;)]")]
    private static partial Regex InventedDay();
}
