namespace FusionGuide.Server.Commands;

/// <summary>Exit codes: the contract's 0, 1 and 2, and 4 for a finding of <c>audit verify</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success (a server that stopped cleanly; an intact audit chain).</summary>
    public const int Ok = 0;

    /// <summary>An internal fault (the server could not start; the audit store could not be read).</summary>
    public const int Internal = 1;

    /// <summary>Invalid input or usage: a JSON problem list on standard error.</summary>
    public const int InvalidInput = 2;

    /// <summary><c>audit verify</c> found a broken chain (a finding, not a fault): the first broken record is named.</summary>
    public const int ChainBroken = 4;
}
