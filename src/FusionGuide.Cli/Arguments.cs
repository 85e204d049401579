namespace FusionGuide.Cli;

/// <summary>A small, strict argument reader: positional words, <c>--name value</c> and short <c>-o value</c> options; anything unknown is a usage problem.</summary>
internal sealed class Arguments
{
    private readonly List<string> positional = [];
    private readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);

    private Arguments()
    {
    }

    public IReadOnlyList<string> Positional => positional;

    public List<string> Problems { get; } = [];

    /// <summary>Parses <paramref name="args"/>; <paramref name="valued"/> options take a value, <paramref name="flags"/> do not.</summary>
    public static Arguments Parse(IReadOnlyList<string> args, string[] valued, string[] flags)
    {
        var a = new Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) || (arg.Length == 2 && arg[0] == '-' && char.IsAsciiLetter(arg[1])))
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                var name = eq > 0 ? arg[..eq] : arg;
                if (valued.Contains(name))
                {
                    var value = eq > 0 ? arg[(eq + 1)..] : i + 1 < args.Count ? args[++i] : null;
                    if (value is null)
                    {
                        a.Problems.Add($"{name} needs a value");
                    }

                    a.options[name] = value;
                }
                else if (flags.Contains(name))
                {
                    a.options[name] = null;
                }
                else
                {
                    a.Problems.Add($"unknown option {name}");
                }
            }
            else
            {
                a.positional.Add(arg);
            }
        }

        return a;
    }

    public string? Option(string name) => options.GetValueOrDefault(name);

    public bool Has(string name) => options.ContainsKey(name);
}
