namespace Tradeguard.Trading.Broker;

/// <summary>Chooses how many units a buy without an explicit quantity trades.</summary>
public abstract record Sizer
{
    private Sizer()
    {
    }

    /// <summary>Units to buy when the portfolio is worth <paramref name="equity"/> and the reference price is <paramref name="price"/>.</summary>
    public abstract decimal Size(decimal equity, decimal price);

    /// <summary>Always the same number of units (backtrader's FixedSize; its default stake is 1).</summary>
    /// <param name="Quantity">Units per order, above 0.</param>
    public sealed record Fixed(decimal Quantity) : Sizer
    {
        /// <inheritdoc />
        public override decimal Size(decimal equity, decimal price) => Quantity;
    }

    /// <summary>
    /// Whole lots worth a fraction of current equity: floor(equity × fraction / price / lot) × lot; with the default
    /// lot of 1, whole units (backtrader's PercentSizer on a stock-like broker).
    /// </summary>
    /// <param name="Fraction">Fraction of equity, in (0, 1] (0.95 = 95 %).</param>
    /// <param name="LotSize">Units per lot, above 0 (an <see cref="Instrument.LotSize"/>, e.g. 0.00001 BTC); 1 by default.</param>
    public sealed record PercentOfEquity(decimal Fraction, decimal LotSize = 1) : Sizer
    {
        /// <inheritdoc />
        public override decimal Size(decimal equity, decimal price) =>
            price > 0 ? Math.Floor(equity * Fraction / price / LotSize) * LotSize : 0;
    }
}
