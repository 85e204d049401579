namespace FusionGuide.Cli.Commands;

/// <summary><c>validate CASE.json</c>: exit 0 and a short confirmation, or exit 2 with every problem.</summary>
internal static class ValidateCommand
{
    public static int Run(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr)
    {
        var a = ParsedArguments.Parse(args, CommandTable.Validate);
        if (a.Positional.Count != 1)
        {
            a.Usage("validate needs exactly one case file (or '-')");
        }

        if (a.Problems.Count > 0)
        {
            return Dispatcher.Problems(stderr, a.Problems);
        }

        var read = CaseInput.Read(a.Positional[0], stdin, out var document);
        if (!read.IsValid)
        {
            return Dispatcher.Problems(stderr, read.Problems, document);
        }

        stdout.WriteLine($"valid: case {read.Case!.Id ?? "(no id)"} follows the contract");
        foreach (var n in read.Notices)
        {
            stdout.WriteLine($"note: {n.Message}");
        }

        return ExitCodes.Ok;
    }
}
