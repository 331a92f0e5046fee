using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Broker;

/// <summary>
/// Moves a fill price against the trader (up for buys, down for sells), never outside the bar's [Low, High] range:
/// a price that did not trade cannot be a fill.
/// </summary>
public abstract record SlippageModel
{
    private SlippageModel()
    {
    }

    /// <summary>No slippage.</summary>
    public static SlippageModel None { get; } = new Fixed(0);

    /// <summary>The price after slippage.</summary>
    public decimal Apply(OrderSide side, decimal price, in Bar bar)
    {
        var slip = Amount(price);
        var moved = side == OrderSide.Buy ? price + slip : price - slip;
        return Math.Clamp(moved, bar.Low, bar.High);
    }

    /// <summary>How far the price moves, quote currency per unit.</summary>
    protected abstract decimal Amount(decimal price);

    /// <summary>A fraction of the price (0.0005 = 5 basis points).</summary>
    /// <param name="Fraction">0 or more.</param>
    public sealed record Percent(decimal Fraction) : SlippageModel
    {
        /// <inheritdoc />
        protected override decimal Amount(decimal price) => price * Fraction;
    }

    /// <summary>A fixed amount per unit, quote currency.</summary>
    /// <param name="Per">0 or more.</param>
    public sealed record Fixed(decimal Per) : SlippageModel
    {
        /// <inheritdoc />
        protected override decimal Amount(decimal price) => Per;
    }
}
