namespace Tradeguard.Trading.Broker;

/// <summary>
/// How one unit of the instrument is paid for and valued: stock-like (the default) or futures-like, after
/// backtrader's <c>CommInfoBase</c> (<c>stocklike</c>, <c>mult</c>, <c>margin</c>; backtrader's
/// <c>setcommission(commission, mult, margin)</c> is our per-unit commission plus these terms).
/// </summary>
/// <remarks>
/// <para><b>Stock-like</b> (<see cref="MarginPerContract"/> null, <see cref="Multiplier"/> 1): every fill moves cash by
/// −signed quantity × price − commission, so a short sale credits its proceeds to cash and buying it back debits the
/// cost (backtrader's BackBroker with <c>shortcash=True</c>, its default). Value = cash + position × price, which is
/// negative for a short position.</para>
/// <para><b>Futures-like</b> (<see cref="MarginPerContract"/> set): opening a contract, long or short, takes
/// <see cref="MarginPerContract"/> from cash and closing it gives the margin back; profit and loss is
/// position × (price − settlement price) × <see cref="Multiplier"/>, settled into cash. backtrader settles at every
/// bar's close (<c>cashadjust</c>); we settle at each fill and add the part since the last fill when the portfolio is
/// valued, which sums to the same amounts. Value = cash + |position| × margin + position × (price − settlement) ×
/// multiplier.</para>
/// </remarks>
/// <param name="Multiplier">Quote currency per point of price per contract (backtrader's <c>mult</c>), above 0; used only with a margin.</param>
/// <param name="MarginPerContract">Cash reserved per open contract, quote currency; null for stock-like terms.</param>
public sealed record ContractTerms(decimal Multiplier = 1m, decimal? MarginPerContract = null)
{
    /// <summary>Stock-like terms: no margin, multiplier 1.</summary>
    public static ContractTerms Stock { get; } = new();

    /// <summary>True for futures-like terms (a margin per contract).</summary>
    public bool IsFuturesLike => MarginPerContract is not null;

    /// <summary>
    /// The portfolio's value: <paramref name="cash"/> plus <paramref name="position"/> (signed units, negative when
    /// short) valued at <paramref name="price"/>; for futures-like terms, <paramref name="settlement"/> is the price
    /// the position's P&amp;L was last settled into cash at.
    /// </summary>
    public decimal Value(decimal cash, decimal position, decimal settlement, decimal price)
    {
        if (position == 0)
        {
            return cash;
        }

        return MarginPerContract is { } margin
            ? cash + (Math.Abs(position) * margin) + Variation(position, settlement, price)
            : cash + (position * price);
    }

    /// <summary>Futures-like P&amp;L of <paramref name="position"/> from <paramref name="settlement"/> to <paramref name="price"/>: position × move × multiplier.</summary>
    internal decimal Variation(decimal position, decimal settlement, decimal price) => position * (price - settlement) * Multiplier;
}
