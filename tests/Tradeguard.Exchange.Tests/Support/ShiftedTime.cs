namespace Tradeguard.Exchange.Tests.Support;

/// <summary>The system clock moved by a fixed amount: a server whose clock is off.</summary>
public sealed class ShiftedTime(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + shift;
}
