namespace FusionGuide.Cli;

/// <summary>The contract's exit codes.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Internal = 1;
    public const int InvalidInput = 2;
}
