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

    /// <summary>Whole units worth a fraction of current equity: floor(equity × fraction / price).</summary>
    /// <param name="Fraction">Fraction of equity, in (0, 1] (0.95 = 95 %).</param>
    public sealed record PercentOfEquity(decimal Fraction) : Sizer
    {
        /// <inheritdoc />
        public override decimal Size(decimal equity, decimal price) =>
            price > 0 ? Math.Floor(equity * Fraction / price) : 0;
    }
}
