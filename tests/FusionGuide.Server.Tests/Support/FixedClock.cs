namespace FusionGuide.Server.Tests.Support;

/// <summary>A clock that reads what the test set: audit times become assertable.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
