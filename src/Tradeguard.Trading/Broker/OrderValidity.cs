namespace Tradeguard.Trading.Broker;

/// <summary>How long an order may work before it expires.</summary>
public abstract record OrderValidity
{
    private OrderValidity()
    {
    }

    /// <summary>Works until filled or cancelled.</summary>
    public static OrderValidity GoodTillCancelled { get; } = new GoodTillCancelledValidity();

    /// <summary>Works on bars up to and including <paramref name="time"/>; a date at midnight includes that whole day.</summary>
    public static OrderValidity Until(DateTime time) => new UntilValidity(time);

    /// <summary>Works on the next <paramref name="bars"/> bars (at least 1), then expires.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bars"/> is below 1.</exception>
    public static OrderValidity ForBars(int bars) =>
        bars >= 1 ? new BarsValidity(bars) : throw new ArgumentOutOfRangeException(nameof(bars), bars, "an order must work for at least 1 bar");

    /// <summary>True when the order may no longer work on the bar at <paramref name="barTime"/>, the <paramref name="barsWorked"/>-th bar since it was placed.</summary>
    internal abstract bool HasExpired(DateTime barTime, int barsWorked);

    private sealed record GoodTillCancelledValidity : OrderValidity
    {
        internal override bool HasExpired(DateTime barTime, int barsWorked) => false;
    }

    private sealed record UntilValidity(DateTime Time) : OrderValidity
    {
        internal override bool HasExpired(DateTime barTime, int barsWorked) =>
            !Data.DateBound.IsOnOrBefore(barTime, Time);
    }

    private sealed record BarsValidity(int Bars) : OrderValidity
    {
        internal override bool HasExpired(DateTime barTime, int barsWorked) => barsWorked > Bars;
    }
}
