using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Server.Hosting;

namespace FusionGuide.Server.Commands;

/// <summary>
/// <c>keys add NAME ROLE --api-keys FILE</c> and <c>keys hash NAME ROLE</c>: the lines of the named-key file
/// (<see cref="NamedApiKeys"/>). A key is shown once, on standard output, and written nowhere.
/// </summary>
internal static class KeysCommands
{
    /// <summary>Makes a key, appends its line to the key file (created when missing) and prints the key.</summary>
    public static int Add(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // The configuration file and FUSIONGUIDE_* variables (--api-keys) first, then NAME ROLE and the options.
        var a = CommandLine.ParseConfigured(args, CommandTable.KeysAdd, positional: true).Arguments;
        var (name, role) = NameAndRole(a);
        var file = a.Option("--api-keys");
        if (file is null)
        {
            a.Usage("keys add needs --api-keys FILE (or FUSIONGUIDE_API_KEYS): the file the server reads the keys from");
        }

        NamedApiKeys? existing = null;
        if (file is not null && File.Exists(file))
        {
            var (keys, problems) = NamedApiKeys.Parse(File.ReadAllText(file));
            // A file holding only comments is a file to add to.
            a.Problems.AddRange(problems.Where(p => keys.Keys.Count > 0 || !p.StartsWith("the file holds no key", StringComparison.Ordinal))
                .Select(p => new Problem("--api-keys", $"{file}: {p}")));
            existing = keys;
        }

        if (existing?.Keys.Any(k => k.Name == name) == true)
        {
            a.Problems.Add(new Problem("args", $"{file} already has a key named '{name}' (remove its line to replace it)"));
        }

        if (a.Problems.Count > 0)
        {
            stderr.WriteLine(ContractJson.Serialize(a.Problems));
            return ExitCodes.InvalidInput;
        }

        var key = NamedApiKeys.NewKey();
        var line = NamedApiKeys.Line(name!, role!.Value, key);
        try
        {
            var separator = File.Exists(file) && new FileInfo(file!).Length > 0 && !File.ReadAllText(file!).EndsWith('\n') ? "\n" : "";
            File.AppendAllText(file!, $"{separator}{line}\n");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(ContractJson.Serialize(new List<Problem> { new("--api-keys", $"cannot write '{file}': {ex.Message}") }));
            return ExitCodes.InvalidInput;
        }

        stdout.WriteLine(key);
        stderr.WriteLine($"added key '{name}' ({NamedApiKeys.RoleName(role.Value)}) to {file}; the key above is shown once and stored nowhere. Restart the server to accept it.");
        return ExitCodes.Ok;
    }

    /// <summary>Prints the key-file line for the key read from <paramref name="stdin"/> (its first line).</summary>
    public static int Hash(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var a = ParsedArguments.Parse(args, CommandTable.KeysHash);
        var (name, role) = NameAndRole(a);
        var key = a.Problems.Count == 0 ? stdin.ReadLine()?.Trim() : null;
        if (a.Problems.Count == 0 && key is not { Length: >= NamedApiKeys.MinKeyLength })
        {
            a.Problems.Add(new Problem("stdin", $"give the key on standard input (at least {NamedApiKeys.MinKeyLength} characters)"));
        }

        if (a.Problems.Count > 0)
        {
            stderr.WriteLine(ContractJson.Serialize(a.Problems));
            return ExitCodes.InvalidInput;
        }

        stdout.WriteLine(NamedApiKeys.Line(name!, role!.Value, key!));
        return ExitCodes.Ok;
    }

    private static (string? Name, CallerRole? Role) NameAndRole(ParsedArguments a)
    {
        if (a.Positional.Count != 2)
        {
            a.Usage($"expected NAME ROLE (ROLE: {string.Join(", ", NamedApiKeys.RoleNames)}); see {ParsedArguments.Help(a.Command)}");
            return (null, null);
        }

        var (name, roleName) = (a.Positional[0], a.Positional[1]);
        if (NamedApiKeys.NameProblem(name) is { } bad)
        {
            a.Problems.Add(new Problem("args", bad));
        }

        var role = NamedApiKeys.RoleOf(roleName);
        if (role is null)
        {
            a.Problems.Add(new Problem("args", $"the role '{roleName}' is not one of {string.Join(", ", NamedApiKeys.RoleNames)}"));
        }

        return (name, role);
    }
}
