namespace FusionGuide.CommandLine;

/// <summary>
/// The exit codes of both executables: the contract's 0, 1 and 2, and 4 for an audit finding. Every command of
/// <c>fusionguide</c> and <c>fusionguide-server</c> ends with one of these, and <see cref="Usage"/> describes them once.
/// </summary>
public static class ExitCodes
{
    /// <summary>A result on stdout (or in the <c>-o</c> file); a server that stopped cleanly; an intact audit chain.</summary>
    public const int Ok = 0;

    /// <summary>An internal fault (the server could not start; the audit store could not be read): the message on stderr.</summary>
    public const int Internal = 1;

    /// <summary>Invalid input or usage: every problem at once on stderr (the contract's JSON list), nothing on stdout.</summary>
    public const int InvalidInput = 2;

    /// <summary>
    /// <c>audit verify</c> found a broken chain, or <c>serve</c> refused a store that does not match its checkpoints (a
    /// finding, not a fault): the first broken record is named.
    /// </summary>
    public const int ChainBroken = 4;

    /// <summary>The exit codes in words, as the help texts give them.</summary>
    public const string Description = """
        Exit codes: 0 result (audit verify: chain intact); 2 invalid input or usage — every problem at once on stderr,
                    nothing on stdout; 1 internal fault; 4 audit verify found a broken chain (the first broken record
                    is named), or serve refused a store that does not match its checkpoints.
        """;
}
