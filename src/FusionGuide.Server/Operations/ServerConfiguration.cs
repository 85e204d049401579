using FusionGuide.Domain.Validation;
using Npgsql;

namespace FusionGuide.Server.Operations;

/// <summary>
/// Settings from outside the command line, so that a service needs no secret (and no long option list) in its
/// <c>ExecStart</c>: a JSON configuration file and <c>FUSIONGUIDE_…</c> environment variables. Each command-line option
/// <c>--some-option</c> may also be given as the key <c>some-option</c> in the file's <c>FusionGuide</c> section or as
/// the variable <c>FUSIONGUIDE_SOME_OPTION</c>. Precedence: command line, then environment, then file.
/// </summary>
/// <remarks>
/// Works on the argument list before the command-line parser sees it (the values become ordinary options), so every
/// option the parser knows is configurable without the parser knowing about configuration. Three options of its own:
/// <c>--config FILE</c> (or <c>FUSIONGUIDE_CONFIG</c>; its other sections — <c>Logging</c>, <c>Kestrel</c> — are host
/// settings), <c>--postgres-password-file FILE</c> (the password joins the connection string inside the process, never
/// on a command line <c>ps</c> shows; a relative name is looked up in systemd's <c>$CREDENTIALS_DIRECTORY</c> first) and
/// <c>--log-format text|json</c> (one JSON object a line on standard output, for a log collector).
/// </remarks>
public static class ServerConfiguration
{
    /// <summary>The prefix of the environment variables.</summary>
    public const string EnvironmentPrefix = "FUSIONGUIDE_";

    /// <summary>The configuration file's section holding the options.</summary>
    public const string Section = "FusionGuide";

    /// <summary>Options handled here, not by the command-line parser.</summary>
    public static readonly string[] OwnOptions = ["--config", "--postgres-password-file", "--log-format"];

    // Deliberate one-off decisions are never taken from a file or the environment (a forgotten variable would begin a
    // new audit chain at every restart).
    private static readonly string[] CommandLineOnly = ["--audit-new-chain"];

    /// <summary>
    /// The arguments with the configured options added (those the command line does not give), this class's own
    /// options resolved, and the configuration file named (null: none). Problems go to <paramref name="problems"/>.
    /// </summary>
    public static (string[] Args, string? ConfigFile) Apply(IReadOnlyList<string> args, IReadOnlyCollection<string> known, bool passHostSettings, List<Problem> problems,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(problems);
        var env = environment ?? ReadEnvironment();
        var (rest, own) = TakeOwn(args, problems);
        var configFile = own.GetValueOrDefault("--config") ?? env.GetValueOrDefault(EnvironmentPrefix + "CONFIG");
        IConfigurationSection? file = null;
        if (configFile is not null)
        {
            try
            {
                file = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false).Build().GetSection(Section);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
            {
                problems.Add(new Problem("--config", $"cannot read '{configFile}': {ex.Message}"));
            }
        }

        var given = rest.Select(a => a.Split('=', 2)[0]).ToHashSet(StringComparer.Ordinal);
        var added = new List<string>();
        foreach (var option in known.Concat(OwnOptions.Where(o => o != "--config")))
        {
            if (given.Contains(option) || own.ContainsKey(option) || CommandLineOnly.Contains(option))
            {
                continue;
            }

            var value = Lookup(option, env, file);
            if (value is null)
            {
                continue;
            }

            if (OwnOptions.Contains(option))
            {
                own[option] = value;
            }
            else
            {
                added.Add($"{option}={value}");
            }
        }

        var all = rest.Concat(added).ToList();
        if (own.GetValueOrDefault("--postgres-password-file") is { } passwordFile)
        {
            WithPassword(all, passwordFile, env, problems);
        }

        if (own.GetValueOrDefault("--log-format") is { } format)
        {
            switch (format)
            {
                case "json" when passHostSettings:
                    all.Add("--Logging:Console:FormatterName=json");
                    all.Add("--Logging:Console:FormatterOptions:UseUtcTimestamp=true");
                    all.Add("--Logging:Console:FormatterOptions:TimestampFormat=yyyy-MM-ddTHH:mm:ss.fffZ");
                    break;
                case "text" when passHostSettings:
                    all.Add("--Logging:Console:FormatterName=simple");
                    break;
                case "json" or "text":
                    break;
                default:
                    problems.Add(new Problem("--log-format", $"must be 'text' or 'json', not '{format}'"));
                    break;
            }
        }

        return ([.. all], configFile is null ? null : Path.GetFullPath(configFile));
    }

    /// <summary>The value of <paramref name="option"/> from the environment, else the file; null when neither has it.</summary>
    private static string? Lookup(string option, IReadOnlyDictionary<string, string?> env, IConfigurationSection? file)
    {
        var name = option.TrimStart('-');
        var variable = EnvironmentPrefix + name.Replace('-', '_').ToUpperInvariant();
        if (env.GetValueOrDefault(variable) is { Length: > 0 } fromEnv)
        {
            return fromEnv;
        }

        return file?[name] is { Length: > 0 } fromFile ? fromFile : null;
    }

    /// <summary>Removes this class's own options from the argument list (either form, <c>--x v</c> or <c>--x=v</c>).</summary>
    private static (List<string> Remaining, Dictionary<string, string> Own) TakeOwn(IReadOnlyList<string> args, List<Problem> problems)
    {
        var rest = new List<string>();
        var own = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = args[i].IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (args[i][..eq], args[i][(eq + 1)..]) : (args[i], null);
            if (!OwnOptions.Contains(name))
            {
                rest.Add(args[i]);
                continue;
            }

            var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
            if (value is null)
            {
                problems.Add(new Problem("args", $"{name} needs a value"));
            }
            else if (!own.TryAdd(name, value))
            {
                problems.Add(new Problem("args", $"{name} is given twice"));
            }
        }

        return (rest, own);
    }

    /// <summary>Puts the password read from <paramref name="file"/> into the <c>--postgres</c> connection string.</summary>
    private static void WithPassword(List<string> args, string file, IReadOnlyDictionary<string, string?> env, List<Problem> problems)
    {
        var index = args.FindIndex(a => a == "--postgres" || a.StartsWith("--postgres=", StringComparison.Ordinal));
        if (index < 0)
        {
            problems.Add(new Problem("--postgres-password-file", "needs --postgres (the connection string the password is for)"));
            return;
        }

        var path = ResolveCredential(file, env);
        string password;
        try
        {
            password = File.ReadAllText(path).TrimEnd('\r', '\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new Problem("--postgres-password-file", $"cannot read '{path}': {ex.Message}"));
            return;
        }

        var inline = args[index] != "--postgres";
        var connection = inline ? args[index]["--postgres=".Length..] : index + 1 < args.Count ? args[index + 1] : "";
        try
        {
            var withPassword = new NpgsqlConnectionStringBuilder(connection) { Password = password }.ConnectionString;
            if (inline)
            {
                args[index] = "--postgres=" + withPassword;
            }
            else if (index + 1 < args.Count)
            {
                args[index + 1] = withPassword;
            }
        }
        catch (ArgumentException ex)
        {
            problems.Add(new Problem("--postgres", $"not a PostgreSQL connection string: {ex.Message}"));
        }
    }

    /// <summary>A relative file name is first looked up among systemd's credentials (<c>LoadCredential=</c>).</summary>
    internal static string ResolveCredential(string file, IReadOnlyDictionary<string, string?> env)
    {
        if (!Path.IsPathRooted(file) && env.GetValueOrDefault("CREDENTIALS_DIRECTORY") is { Length: > 0 } credentials
            && File.Exists(Path.Combine(credentials, file)))
        {
            return Path.Combine(credentials, file);
        }

        return file;
    }

    private static Dictionary<string, string?> ReadEnvironment()
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            env[(string)e.Key] = e.Value as string;
        }

        return env;
    }
}
