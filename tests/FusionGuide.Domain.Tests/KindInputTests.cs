using System.Text.Json.Nodes;
using FusionGuide.Domain.Tests.Support;
using FusionGuide.Domain.Validation;

namespace FusionGuide.Domain.Tests;

/// <summary>Input mistakes caught kindly (issue #23): dates in the contract's forms only, "did you mean" for codes, problems in words.</summary>
public class KindInputTests
{
    private static ReadOutcome ReadWith(string path, JsonNode? value)
    {
        var doc = Cases.Valid();
        JsonPath.Set(doc, path, value);
        return CaseReader.Read(doc.ToJsonString());
    }

    [Theory]
    [InlineData("02/2023")]
    [InlineData("Feb 2023")]
    [InlineData("2023-13")]
    [InlineData("2023-2")]
    [InlineData("15.02.2023")]
    [InlineData("2023-02-15T10:00:00Z")]
    [InlineData("unknown")]
    [InlineData(" 2023")]
    public void Month_day_year_history_date_is_a_problem_with_its_path(string date)
    {
        var outcome = ReadWith("$.history[1].start", date);

        Assert.Null(outcome.Case);
        var p = Assert.Single(outcome.Problems);
        Assert.Equal("$.history[1].start", p.Path);
        Assert.Contains("YYYY-MM", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("count", 3, "is 3 while present is false")]
    [InlineData("largestMm", 14, "is 14 while present is false")]
    [InlineData("symptomatic", true, "is true while present is false")]
    [InlineData("leptomeningeal", true, "is true while present is false")]
    public void Brain_metastases_described_while_marked_absent_is_a_problem_with_its_path(string field, object value, string message)
    {
        // The valid case has two brain lesions; mark them absent and leave one descriptor set.
        var outcome = ReadWith("$.disease.brainMetastases", JsonNode.Parse($$"""{ "present": false, "{{field}}": {{(value is bool b ? (b ? "true" : "false") : value)}} }"""));

        Assert.Null(outcome.Case);
        var p = Assert.Single(outcome.Problems);
        Assert.Equal($"$.disease.brainMetastases.{field}", p.Path);
        Assert.StartsWith(message, p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_medication_is_a_problem_not_an_unknown_medication(string blank)
    {
        var outcome = ReadWith("$.medications", new JsonArray("atorvastatin", blank));

        Assert.Null(outcome.Case);
        var p = Assert.Single(outcome.Problems);
        Assert.Equal("$.medications[1]", p.Path);
        Assert.StartsWith("is empty", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("G1202R/L1196M")]
    [InlineData("G1202R+L1196M")]
    public void A_compound_written_in_one_string_is_a_problem_that_says_how_to_enter_it(string compound)
    {
        var outcome = ReadWith("$.tests[0].mutations", new JsonArray(compound));

        Assert.Null(outcome.Case);
        Assert.Contains(outcome.Problems, p => p.Path == "$.tests[0].mutations[0]" && p.Message.Contains("one entry per change on the same test", StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_unreadable_mutation_is_not_told_about_compounds()
    {
        var outcome = ReadWith("$.tests[0].mutations", new JsonArray("G12O2R"));

        Assert.Contains(outcome.Problems, p => p.Path == "$.tests[0].mutations[0]" && !p.Message.Contains("compound", StringComparison.Ordinal));
    }

    [Fact]
    public void Brain_metastases_marked_absent_with_every_descriptor_false_or_zero_is_valid()
    {
        var outcome = ReadWith("$.disease.brainMetastases", JsonNode.Parse("""{ "present": false, "count": 0, "symptomatic": false, "massEffect": false, "leptomeningeal": false }"""));

        Assert.NotNull(outcome.Case);
    }

    [Theory]
    [InlineData("$.tests[0].date")]
    [InlineData("$.history[0].end")]
    public void Every_case_date_field_refuses_a_date_that_is_not_in_the_calendar(string path)
    {
        var outcome = ReadWith(path, "2023-02-29");

        var p = Assert.Single(outcome.Problems);
        Assert.Equal(path, p.Path);
        Assert.Equal("'2023-02-29' is not a calendar date: February 2023 has 28 days", p.Message);
    }

    [Theory]
    [InlineData("2023")]
    [InlineData("2023-02")]
    [InlineData("2024-02-29")]
    [InlineData("2023-12-31")]
    public void Dates_in_the_contract_forms_are_read_as_written(string date)
    {
        var outcome = ReadWith("$.tests[0].date", date);

        Assert.True(outcome.IsValid, string.Join("; ", outcome.Problems));
        Assert.Equal(date, outcome.Case!.Tests[0].Date);
    }

    [Theory]
    [InlineData("02/2023", "2023-02")]
    [InlineData("Feb 2023", "2023-02")]
    [InlineData("February 2023", "2023-02")]
    [InlineData("2023/2", "2023-02")]
    public void A_month_written_another_way_gets_the_contract_form_suggested(string date, string suggested)
    {
        var p = Assert.Single(ReadWith("$.tests[0].date", date).Problems);

        Assert.EndsWith($"did you mean '{suggested}'?", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelled_history_therapy_gets_a_did_you_mean()
    {
        var p = Assert.Single(ReadWith("$.history[1].therapy", "alectnib").Problems);

        Assert.Equal("$.history[1].therapy", p.Path);
        Assert.EndsWith("did you mean 'alectinib'?", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.tests[0].gene", "alk", "ALK")]
    [InlineData("$.tests[1].method", "fsh", "fish")]
    [InlineData("$.comorbidities[0]", "hyperlipidaemia", "hyperlipidemia")]
    [InlineData("$.adverseEvents[0].event", "diarrhoea", "diarrhea")]
    [InlineData("$.context.region", "us", "US")]
    public void Misspelled_vocabulary_value_gets_a_did_you_mean(string path, string typed, string meant)
    {
        var p = Assert.Single(ReadWith(path, typed).Problems);

        Assert.Equal(path, p.Path);
        Assert.Contains($"did you mean '{meant}'?", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_far_from_every_code_gets_no_suggestion()
    {
        var p = Assert.Single(ReadWith("$.history[1].therapy", "osimertinib").Problems);

        Assert.DoesNotContain("did you mean", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_syntax_error_says_line_and_column_in_words()
    {
        var outcome = CaseReader.Read("{\n  \"id\": \"a\",\n  \"patient\": { \"age\": 4x }\n}");

        var p = Assert.Single(outcome.Problems);
        Assert.Equal("$", p.Path);
        Assert.StartsWith("not valid JSON at line 3, column 24: ", p.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", p.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_syntax_error_column_counts_characters_not_bytes()
    {
        var outcome = CaseReader.Read("{ \"id\": \"é\" x }");

        Assert.StartsWith("not valid JSON at line 1, column 13: ", Assert.Single(outcome.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fish_percentage_problem_reads_as_a_sentence_naming_the_test()
    {
        var doc = Cases.Valid();
        JsonPath.Set(doc, "$.tests[1].percentRearrangedCells", 130);
        var text = doc.ToJsonString();
        var outcome = CaseReader.Read(text);

        var sentence = Assert.Single(ProblemWords.Sentences(outcome.Problems, System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.Equal("Test 2, ALK FISH: % rearranged cells must be between 0 and 100.", sentence);
    }

    [Theory]
    [InlineData("$.history[1].start", "'x' is not a date", "Treatment 2 in the history: start date: 'x' is not a date.")]
    [InlineData("$.medications[2]", "must be a string, not a number", "Medication 3 must be a string, not a number.")]
    [InlineData("$.patient.ecog", "must be between 0 and 4", "Patient: ECOG performance status must be between 0 and 4.")]
    [InlineData("$.disease.brainMetastases.count", "must be between 0 and 1000", "Disease: brain metastases, count must be between 0 and 1000.")]
    [InlineData("$.adverseEvents[0].grade", "is required", "Adverse event 1: grade is required.")]
    [InlineData("$.tests[4].mutations[1]", "cannot read the mutation 'x'", "Test 5: mutation 2: cannot read the mutation 'x'.")]
    [InlineData("$", "the input is empty: expected a case object", "The input is empty: expected a case object.")]
    [InlineData("--as-of", "'x' is not a date in the form YYYY-MM-DD", "--as-of: 'x' is not a date in the form YYYY-MM-DD.")]
    public void Problems_read_as_sentences_without_json_paths(string path, string message, string sentence) =>
        Assert.Equal(sentence, ProblemWords.Sentence(new Problem(path, message)));
}
