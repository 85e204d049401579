namespace FusionGuide.Fhir.Tests;

/// <summary>
/// FHIR JSON that the SDK's recoverable parser accepts but cannot give back (found by fuzzing, fuzz/regressions/fhir):
/// it becomes a warning or a problem with its path, never an exception.
/// </summary>
public sealed class UnreadableInputTests
{
    private static readonly FhirMappingOptions Options = new() { AsOf = new DateOnly(2026, 11, 24) };

    private const string PatientEntry = """{"resource":{"resourceType":"Patient","id":"p","gender":"female","birthDate":"1970-01-01"}}""";

    private static string Bundle(params string[] entries) =>
        $$"""{"resourceType":"Bundle","type":"collection","entry":[{{string.Join(",", entries)}}]}""";

    private static string Ecog(string status) =>
        """{"resource":{"resourceType":"Observation","status":""" + $"\"{status}\"" +
        ""","code":{"coding":[{"system":"http://loinc.org","code":"89247-1"}]},"subject":{"reference":"Patient/p"},"valueInteger":1}}""";

    [Fact]
    public void An_observation_whose_status_is_not_a_code_is_not_read_and_is_named_in_a_warning()
    {
        var m = FhirCaseReader.ReadJson(Bundle(PatientEntry, Ecog("Final")), Options);

        Assert.Empty(m.Problems);
        Assert.Null(m.Case!.Patient.Ecog);
        var w = Assert.Single(m.Warnings, w => w.Path == "Bundle.entry[1].resource.status");
        Assert.Contains("'Final'", w.Message, StringComparison.Ordinal);
        Assert.Contains("Observation was not read", w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_observation_with_a_valid_status_is_read()
    {
        var m = FhirCaseReader.ReadJson(Bundle(PatientEntry, Ecog("final")), Options);

        Assert.Equal(1, m.Case!.Patient.Ecog);
    }

    [Fact]
    public void A_patient_whose_gender_is_not_a_code_is_not_read()
    {
        var m = FhirCaseReader.ReadJson("""{"resourceType":"Patient","id":"p","gender":"sfemale","birthDate":"1970-01-01"}""", Options);

        Assert.Null(m.Case?.Patient.Sex);
        Assert.Null(m.Case?.Patient.Age);
        Assert.Contains(m.Warnings, w => w.Path == "Patient.gender" && w.Message.Contains("'sfemale'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_of_the_wrong_json_type_makes_its_resource_unread()
    {
        var m = FhirCaseReader.ReadJson(Bundle(PatientEntry,
            """{"resource":{"resourceType":"Observation","status":"final","code":{"text":"ECOG"},"subject":{"reference":5}}}"""), Options);

        Assert.Empty(m.Problems);
        Assert.Contains(m.Warnings, w => w.Path == "Bundle.entry[1].resource.subject.reference");
    }

    [Fact]
    public void A_list_written_as_a_single_object_is_a_problem_at_the_document()
    {
        var m = FhirCaseReader.ReadJson("""{"resourceType":"Bundle","type":"collection","entry":{"resource":{"resourceType":"Patient","id":"p"}}}""", Options);

        Assert.Null(m.Case);
        var p = Assert.Single(m.Problems);
        Assert.Equal("$", p.Path);
        Assert.Contains("Bundle.entry", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_the_sdk_parser_itself_fails_on_is_a_problem_not_an_exception()
    {
        // An empty property name makes the SDK's deserializer throw IndexOutOfRangeException.
        var m = FhirCaseReader.ReadJson("""{"resourceType":"Patient","":1}""", Options);

        Assert.Null(m.Case);
        Assert.Contains("FHIR parser failed", Assert.Single(m.Problems).Message, StringComparison.Ordinal);
    }
}
