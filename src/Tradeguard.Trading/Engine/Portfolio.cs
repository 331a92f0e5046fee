using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Collections;

namespace Tradeguard.Trading.Engine;

/// <summary>
/// Cash and the (long-only) position of one symbol, changed only by fills; keeps the closed-trade list.
/// Money in quote currency, quantities in units, all <see cref="decimal"/>.
/// </summary>
public sealed class Portfolio
{
    private readonly AppendOnlyList<ClosedTrade> trades = [];
    private DateTime entryTime;
    private int entryBar;
    private decimal boughtUnits;
    private decimal boughtCost;
    private decimal soldUnits;
    private decimal soldValue;
    private decimal tradeCommission;

    /// <summary>Creates a portfolio holding <paramref name="cash"/> and no position.</summary>
    /// <param name="symbol">The instrument traded.</param>
    /// <param name="cash">Starting cash, quote currency.</param>
    public Portfolio(string symbol, decimal cash)
    {
        Symbol = symbol;
        Cash = cash;
        InitialCash = cash;
    }

    /// <summary>The instrument traded.</summary>
    public string Symbol { get; }

    /// <summary>Starting cash.</summary>
    public decimal InitialCash { get; }

    /// <summary>Cash now.</summary>
    public decimal Cash { get; private set; }

    /// <summary>Units held now (0 or more).</summary>
    public decimal Position { get; private set; }

    /// <summary>Commission paid so far.</summary>
    public decimal TotalCommission { get; private set; }

    /// <summary>The round trips closed so far, oldest first.</summary>
    public IReadOnlyList<ClosedTrade> Trades => trades;

    /// <summary>Cash plus the position valued at <paramref name="price"/>.</summary>
    public decimal Equity(decimal price) => Value(Cash, Position, price);

    /// <summary>Fills applied so far: the holdings change only when this does.</summary>
    internal int FillCount { get; private set; }

    /// <summary><paramref name="cash"/> plus <paramref name="position"/> valued at <paramref name="price"/>.</summary>
    internal static decimal Value(decimal cash, decimal position, decimal price) => position == 0 ? cash : cash + (position * price);

    /// <summary>Applies a fill; returns the trade it closed, if it made the position flat.</summary>
    internal ClosedTrade? Apply(OrderSide side, decimal quantity, decimal price, decimal commission, DateTime time, int bar)
    {
        FillCount++;
        TotalCommission += commission;
        tradeCommission += commission;
        if (side == OrderSide.Buy)
        {
            if (Position == 0)
            {
                entryTime = time;
                entryBar = bar;
            }

            Cash -= (quantity * price) + commission;
            Position += quantity;
            boughtUnits += quantity;
            boughtCost += quantity * price;
            return null;
        }

        Cash += (quantity * price) - commission;
        Position -= quantity;
        soldUnits += quantity;
        soldValue += quantity * price;
        if (Position != 0)
        {
            return null;
        }

        var trade = new ClosedTrade(Symbol, entryTime, time, boughtUnits, boughtCost / boughtUnits, soldValue / soldUnits,
            soldValue - boughtCost, tradeCommission, bar - entryBar);
        trades.Add(trade);
        boughtUnits = boughtCost = soldUnits = soldValue = tradeCommission = 0;
        return trade;
    }
}
