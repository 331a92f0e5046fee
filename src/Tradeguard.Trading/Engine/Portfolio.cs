using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Collections;

namespace Tradeguard.Trading.Engine;

/// <summary>
/// The position of one symbol (long, or short where the venue allows it) and the cash it is paid from (a
/// <see cref="CashAccount"/>, its own or shared with the other symbols of a portfolio run), changed only by fills;
/// keeps the closed-trade list. Money in quote currency, quantities in units (contracts for futures-like terms), all
/// <see cref="decimal"/>. Cash follows <see cref="ContractTerms"/>; positions follow backtrader's <c>Position.update</c>:
/// a fill first closes what it can of an opposite position and opens the rest, so long 10 and a sell of 15 closes the
/// long trade and opens a short of 5 in one fill.
/// </summary>
public sealed class Portfolio
{
    private readonly AppendOnlyList<ClosedTrade> trades = [];
    private readonly CashAccount account;
    private DateTime entryTime;
    private int entryBar;
    private decimal entryUnits;
    private decimal entryValue;
    private decimal exitUnits;
    private decimal exitValue;
    private decimal tradeCommission;
    private bool isLong;

    /// <summary>Creates a portfolio holding <paramref name="cash"/> and no position.</summary>
    /// <param name="symbol">The instrument traded.</param>
    /// <param name="cash">Starting cash, quote currency.</param>
    /// <param name="terms">How units are paid for and valued; null is <see cref="ContractTerms.Stock"/>.</param>
    public Portfolio(string symbol, decimal cash, ContractTerms? terms = null)
        : this(symbol, new CashAccount(cash), terms)
    {
    }

    /// <summary>Creates a portfolio with no position that pays from and into <paramref name="account"/>.</summary>
    /// <param name="symbol">The instrument traded.</param>
    /// <param name="account">The cash, possibly shared with other portfolios of the run.</param>
    /// <param name="terms">How units are paid for and valued; null is <see cref="ContractTerms.Stock"/>.</param>
    public Portfolio(string symbol, CashAccount account, ContractTerms? terms = null)
    {
        Symbol = symbol;
        this.account = account;
        Terms = terms ?? ContractTerms.Stock;
    }

    /// <summary>The instrument traded.</summary>
    public string Symbol { get; }

    /// <summary>How units are paid for and valued.</summary>
    public ContractTerms Terms { get; }

    /// <summary>Starting cash of the account.</summary>
    public decimal InitialCash => account.Initial;

    /// <summary>Cash of the account now (for futures-like terms: with the P&amp;L settled up to <see cref="SettlementPrice"/>).</summary>
    public decimal Cash
    {
        get => account.Balance;
        private set => account.Balance = value;
    }

    /// <summary>Units held now: above 0 long, below 0 short.</summary>
    public decimal Position { get; private set; }

    /// <summary>Futures-like terms: the price the position's P&amp;L was last settled into cash at (the last fill's); 0 otherwise.</summary>
    public decimal SettlementPrice { get; private set; }

    /// <summary>Commission paid so far.</summary>
    public decimal TotalCommission { get; private set; }

    /// <summary>The round trips closed so far, oldest first.</summary>
    public IReadOnlyList<ClosedTrade> Trades => trades;

    /// <summary>
    /// Cash plus the position valued at <paramref name="price"/> (<see cref="ContractTerms.Value"/>); on a shared
    /// account, its whole cash with this symbol's position only (<see cref="Strategies.PortfolioView.Equity"/> values them all).
    /// </summary>
    public decimal Equity(decimal price) => Terms.Value(Cash, Position, SettlementPrice, price);

    /// <summary>
    /// Cash with the open position's P&amp;L settled at <paramref name="price"/>: what backtrader's <c>getcash()</c>
    /// reports after a bar closing there, as it settles futures at every close. <see cref="Cash"/> for stock-like terms.
    /// </summary>
    public decimal CashMarkedAt(decimal price) =>
        Terms.IsFuturesLike && Position != 0 ? Cash + Terms.Variation(Position, SettlementPrice, price) : Cash;

    /// <summary>Fills applied so far: the holdings change only when this does.</summary>
    internal int FillCount { get; private set; }

    /// <summary>Units of a <paramref name="side"/> fill of <paramref name="quantity"/> that would open or extend a position (the rest closes one).</summary>
    internal decimal Opening(OrderSide side, decimal quantity) => Exposure.Opening(side, quantity, Position);

    /// <summary>
    /// How much cash a fill would take (negative when it brings cash in): the notional and commission for stock-like
    /// terms; for futures-like ones the margin of the contracts it opens less the margin it frees, the commission, and
    /// the loss (less the gain) of the position since the last settlement.
    /// </summary>
    internal decimal CashNeeded(OrderSide side, decimal quantity, decimal price, decimal commission)
    {
        if (Terms.MarginPerContract is not { } margin)
        {
            return side == OrderSide.Buy ? (quantity * price) + commission : commission - (quantity * price);
        }

        var opening = Opening(side, quantity);
        var settled = Position == 0 ? 0 : Terms.Variation(Position, SettlementPrice, price);
        return ((opening - (quantity - opening)) * margin) + commission - settled;
    }

    /// <summary>Applies a fill; returns the trade it closed, if it closed one (a reversal closes one and opens the next).</summary>
    internal ClosedTrade? Apply(OrderSide side, decimal quantity, decimal price, decimal commission, DateTime time, int bar)
    {
        FillCount++;
        TotalCommission += commission;
        var opening = Opening(side, quantity);
        var closing = quantity - opening;
        if (Terms.IsFuturesLike)
        {
            Cash -= CashNeeded(side, quantity, price, commission);
            SettlementPrice = price;
        }
        else if (side == OrderSide.Buy)
        {
            Cash -= (quantity * price) + commission;
        }
        else
        {
            Cash += (quantity * price) - commission;
        }

        ClosedTrade? closed = null;
        if (closing > 0)
        {
            // A reversing fill's commission is shared by units between the trade it closes and the one it opens.
            var closingCommission = opening == 0 ? commission : commission * closing / quantity;
            tradeCommission += closingCommission;
            commission -= closingCommission;
            exitUnits += closing;
            exitValue += closing * price;
            Position += side == OrderSide.Buy ? closing : -closing;
            if (Position == 0)
            {
                closed = Close(time, bar);
            }
        }

        if (opening > 0)
        {
            if (Position == 0)
            {
                entryTime = time;
                entryBar = bar;
                isLong = side == OrderSide.Buy;
            }

            tradeCommission += commission;
            entryUnits += opening;
            entryValue += opening * price;
            Position += side == OrderSide.Buy ? opening : -opening;
        }

        return closed;
    }

    private ClosedTrade Close(DateTime time, int bar)
    {
        var gross = isLong ? exitValue - entryValue : entryValue - exitValue;
        if (Terms.IsFuturesLike)
        {
            gross *= Terms.Multiplier;
        }

        var trade = new ClosedTrade(Symbol, entryTime, time, isLong ? entryUnits : -entryUnits, entryValue / entryUnits, exitValue / exitUnits,
            gross, tradeCommission, bar - entryBar);
        trades.Add(trade);
        entryUnits = entryValue = exitUnits = exitValue = tradeCommission = 0;
        return trade;
    }
}
