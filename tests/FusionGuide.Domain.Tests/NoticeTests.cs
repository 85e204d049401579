using FusionGuide.Domain.Tests.Support;
using FusionGuide.Domain.Validation;

namespace FusionGuide.Domain.Tests;

/// <summary>Well-formed input the engine cannot use is kept out with a notice, not refused with a problem.</summary>
public class NoticeTests
{
    [Theory]
    [InlineData("$.tests[0].colour")]
    [InlineData("$.patient.weightKg")]
    [InlineData("$.disease.brainMetastases.edema")]
    [InlineData("$.history[1].dose")]
    [InlineData("$.context.site")]
    [InlineData("$.extension")]
    public void An_unknown_field_is_a_notice_not_a_problem(string path)
    {
        var doc = Cases.ValidWith(d => JsonPath.Set(d, path, "something"));

        var outcome = CaseReader.Read(doc.ToJsonString());

        Assert.True(outcome.IsValid);
        var notice = Assert.Single(outcome.Notices);
        Assert.Equal("unknown-field", notice.Code);
        Assert.Equal(path, notice.Path);
    }

    [Fact]
    public void An_alteration_outside_the_contract_list_is_a_notice_and_kept_out()
    {
        var doc = Cases.ValidWith(d => JsonPath.Set(d, "$.tests[3].alterations[0]", "EGFR C797S"));

        var outcome = CaseReader.Read(doc.ToJsonString());

        Assert.True(outcome.IsValid);
        var notice = Assert.Single(outcome.Notices);
        Assert.Equal("unknown-alteration", notice.Code);
        Assert.StartsWith("$.tests[3].alterations", notice.Path, StringComparison.Ordinal);
        Assert.Empty(outcome.Case!.Tests[3].Alterations);
    }

    [Theory]
    [InlineData("mET amplification ", "MET amplification")]
    [InlineData("  met   AMPLIFICATION", "MET amplification")]
    [InlineData("braf v600e", "BRAF V600E")]
    [InlineData("NF2 loss", "NF2 loss")]
    public void An_alteration_in_another_case_or_spacing_is_canonicalised(string text, string canonical)
    {
        var doc = Cases.ValidWith(d => JsonPath.Set(d, "$.tests[3].alterations[0]", text));

        var outcome = CaseReader.Read(doc.ToJsonString());

        Assert.Empty(outcome.Notices);
        Assert.Equal([canonical], outcome.Case!.Tests[3].Alterations);
    }

    [Fact]
    public void Unknown_fields_are_noticed_in_document_order_within_each_object_inner_objects_first()
    {
        const string json = """
            {"zeta": 1, "patient": {"age": 60, "b": 2, "a": 1}, "alpha": true,
             "tests": [{"gene": "ALK", "method": "ihc", "x": 0}]}
            """;

        var outcome = CaseReader.Read(json);

        Assert.True(outcome.IsValid);
        Assert.Equal(["$.patient.b", "$.patient.a", "$.tests[0].x", "$.zeta", "$.alpha"], outcome.Notices.Select(n => n.Path));
        Assert.Equal(60, outcome.Case!.Patient.Age);
    }

    [Fact]
    public void Field_names_and_codes_written_with_escapes_read_as_their_plain_text()
    {
        // "ge\u006ee" is "gene" and "\u0041LK" is "ALK": JSON text, however escaped, means the same field and code.
        const string escaped = """{"tests": [{"ge\u006ee": "\u0041LK", "method": "fis\u0068", "result": "positive"}], "patient": {"s\u0065x": "fem\u0061le"}}""";
        const string plain = """{"tests": [{"gene": "ALK", "method": "fish", "result": "positive"}], "patient": {"sex": "female"}}""";

        var a = CaseReader.Read(escaped);
        var b = CaseReader.Read(plain);

        Assert.True(a.IsValid, string.Join("; ", a.Problems.Select(p => $"{p.Path}: {p.Message}")));
        Assert.Empty(a.Notices);
        Assert.Equal((Gene.Alk, TestMethod.Fish, TestResult.Positive), (a.Case!.Tests[0].Gene, a.Case.Tests[0].Method, a.Case.Tests[0].Result));
        Assert.Equal(b.Case!.Patient, a.Case.Patient);
        Assert.Equal(Sex.Female, a.Case.Patient.Sex);
    }

    [Fact]
    public void A_case_with_100000_unknown_fields_gets_ten_named_notices_and_one_with_the_count_of_the_rest()
    {
        var json = Cases.ValidWith(d =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                d[ShortName(i)] = 0;
            }
        }).ToJsonString();
        Assert.True(json.Length < CaseReader.MaxDocumentBytes);

        var outcome = CaseReader.Read(json);

        Assert.True(outcome.IsValid, string.Join("; ", outcome.Problems.Select(p => $"{p.Path}: {p.Message}")));
        Assert.Equal(11, outcome.Notices.Count);
        Assert.All(outcome.Notices, n => Assert.Equal("unknown-field", n.Code));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"$.{ShortName(i)}"), outcome.Notices.Take(10).Select(n => n.Path));
        Assert.Equal("$", outcome.Notices[10].Path);
        Assert.StartsWith("99990 more field(s)", outcome.Notices[10].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cap_counts_unknown_fields_across_the_whole_case_and_each_code_apart()
    {
        var json = Cases.ValidWith(d =>
        {
            for (var i = 0; i < 6; i++)
            {
                d["patient"]!.AsObject()[$"p{i}"] = i;
                d["tests"]![0]!.AsObject()[$"t{i}"] = i;
            }

            d["tests"]![3]!["alterations"] = Cases.Repeat(12, i => $"unknown alteration {i}");
        }).ToJsonString();

        var outcome = CaseReader.Read(json);

        var fields = outcome.Notices.Where(n => n.Code == "unknown-field").ToList();
        var alterations = outcome.Notices.Where(n => n.Code == "unknown-alteration").ToList();
        Assert.Equal(["$.patient.p0", "$.patient.p1", "$.patient.p2", "$.patient.p3", "$.patient.p4", "$.patient.p5",
            "$.tests[0].t0", "$.tests[0].t1", "$.tests[0].t2", "$.tests[0].t3", "$"], fields.Select(n => n.Path));
        Assert.StartsWith("2 more field(s)", fields[^1].Message, StringComparison.Ordinal);
        Assert.Equal(11, alterations.Count);
        Assert.StartsWith("2 more alteration(s)", alterations[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_unknown_fields_are_all_named_with_no_count()
    {
        var json = Cases.ValidWith(d =>
        {
            for (var i = 0; i < 10; i++)
            {
                d[$"x{i}"] = i;
            }
        }).ToJsonString();

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"$.x{i}"), CaseReader.Read(json).Notices.Select(n => n.Path));
    }

    [Fact]
    public void The_valid_case_has_no_notice() => Assert.Empty(CaseReader.Read(Cases.ValidText).Notices);

    // Four lower-case letters (aaaa, aaab, …): 100,000 such fields fit in a case's 1 MB.
    private static string ShortName(int i) => string.Create(4, i, static (span, n) =>
    {
        for (var k = 3; k >= 0; k--, n /= 26)
        {
            span[k] = (char)('a' + (n % 26));
        }
    });
}
