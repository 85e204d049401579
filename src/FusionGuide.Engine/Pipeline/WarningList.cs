using FusionGuide.Domain;

namespace FusionGuide.Engine.Pipeline;

/// <summary>
/// Warnings in the order first written, each code and message once. While the list is short — nearly every result
/// has a handful of warnings — a repeat is found by scanning it; once it is longer than <see cref="ScanLimit"/> a hash
/// set of (code, message) takes over, so that writing n warnings costs time linear in n, never quadratic.
/// </summary>
internal sealed class WarningList
{
    /// <summary>The longest list searched by scanning.</summary>
    public const int ScanLimit = 16;

    private readonly List<Warning> items = [];
    private HashSet<(string Code, string Message)>? seen;

    /// <summary>The warnings, in the order first written.</summary>
    public IReadOnlyList<Warning> Items => items;

    /// <summary>Adds a warning unless one with the same code and message (compared ordinally) is already there.</summary>
    public void AddOnce(WarningCode code, string message)
    {
        if (seen is null)
        {
            foreach (var w in items)
            {
                if (w.Code == code.Code && w.Message == message)
                {
                    return;
                }
            }

            if (items.Count == ScanLimit)
            {
                seen = new HashSet<(string, string)>(items.Select(w => (w.Code, w.Message)));
                seen.Add((code.Code, message));
            }
        }
        else if (!seen.Add((code.Code, message)))
        {
            return;
        }

        items.Add(new Warning(code.Code, message));
    }
}
