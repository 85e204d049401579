using FusionGuide.Domain.Validation;

namespace FusionGuide.Domain.Tests;

/// <summary>
/// <see cref="NameSuggester"/> is a prepared form of <see cref="Suggestions.Closest"/>: over the same names it must
/// answer exactly as the plain scan does (same names, same order), whatever the input.
/// </summary>
public class NameSuggesterTests
{
    private static readonly string[] Names =
    [
        "rifampicin", "rifampin", "rifabutin", "Tegretol", "carbamazepine", "st johns wort", "ketoconazole", "itraconazole",
        "posaconazole", "voriconazole", "clarithromycin", "erythromycin", "azithromycin", "rifampin", "ab", "abc", "x",
        "fluconazole", "diltiazem", "verapamil", "amiodarone", "dronedarone", "lurasidone", "dexamethasone", "phenytoin",
    ];

    public static TheoryData<string> Inputs() =>
    [
        "rifampicine", "rifampn", "Rifabutin ", "tegretal", "CARBAMAZEPIN", "st john wort", "ketoconazol", "conazole",
        "erythromicin", "ab", "a", "xy", "", "   ", "zzzzzzzz", "verapamill", "amiodaron", "dronedaron", "luraside",
        "fluconazole", "azithromycine", new string('a', 101),
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Prepared_suggester_answers_as_the_plain_scan(string input) =>
        Assert.Equal(Suggestions.Closest(input, Names), new NameSuggester(Names).Closest(input));

    [Fact]
    public void Ties_keep_the_order_the_names_were_given_in_and_a_repeated_name_counts_once() =>
        Assert.Equal(["hat", "bat", "mat"], new NameSuggester(["hat", "bat", "hat", "mat", "cats"]).Closest("kat"));
}
