namespace Tradeguard.Trading.Broker;

/// <summary>What the broker charges for a fill, in quote currency.</summary>
public abstract record CommissionModel
{
    private CommissionModel()
    {
    }

    /// <summary>No commission.</summary>
    public static CommissionModel None { get; } = new PercentOfNotional(0);

    /// <summary>Commission for filling <paramref name="quantity"/> units at <paramref name="price"/>; never negative.</summary>
    public abstract decimal For(decimal quantity, decimal price);

    /// <summary>A fraction of the fill's notional: <c>rate × quantity × price</c> (0.001 = 0.1 %).</summary>
    /// <param name="Rate">Fraction of notional, 0 or more.</param>
    public sealed record PercentOfNotional(decimal Rate) : CommissionModel
    {
        /// <inheritdoc />
        public override decimal For(decimal quantity, decimal price) => Rate * Math.Abs(quantity) * price;
    }

    /// <summary>A fixed amount per unit traded.</summary>
    /// <param name="Amount">Quote currency per unit, 0 or more.</param>
    public sealed record PerUnit(decimal Amount) : CommissionModel
    {
        /// <inheritdoc />
        public override decimal For(decimal quantity, decimal price) => Amount * Math.Abs(quantity);
    }

    /// <summary>A fixed amount per filled order, whatever its size.</summary>
    /// <param name="Amount">Quote currency per order, 0 or more.</param>
    public sealed record PerOrder(decimal Amount) : CommissionModel
    {
        /// <inheritdoc />
        public override decimal For(decimal quantity, decimal price) => Amount;
    }
}
