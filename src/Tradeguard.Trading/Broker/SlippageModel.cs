using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Broker;

/// <summary>
/// Moves a fill price against the trader (up for buys, down for sells), never outside the bar's [Low, High] range:
/// a price that did not trade cannot be a fill. With an <see cref="Instrument"/> that has a tick, the slipped price is
/// then put on the tick by <see cref="Instrument.FillPrice"/> (against the trader, inside the range).
/// </summary>
public abstract record SlippageModel
{
    private SlippageModel()
    {
    }

    /// <summary>No slippage.</summary>
    public static SlippageModel None { get; } = new Fixed(0);

    /// <summary>The price after slippage, quote currency per unit.</summary>
    /// <param name="side">The order's side.</param>
    /// <param name="price">The matched price before slippage.</param>
    /// <param name="bar">The bar the order fills on.</param>
    /// <param name="instrument">The exchange's rules; null (every run without <c>instrument</c>) leaves the price off any grid.</param>
    public decimal Apply(OrderSide side, decimal price, in Bar bar, Instrument? instrument)
    {
        var slip = Amount(price);
        var moved = Math.Clamp(side == OrderSide.Buy ? price + slip : price - slip, bar.Low, bar.High);
        return instrument is null ? moved : instrument.FillPrice(side, moved, bar.Low, bar.High);
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
