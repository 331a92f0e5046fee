using System.Globalization;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Strategies;

/// <summary>
/// The kind of order a built-in strategy sends on a signal (config <c>strategy.orders.entry</c> and <c>.exit</c>):
/// its type, its prices as offsets from the signal bar's close, and how long it works.
/// </summary>
/// <remarks>
/// An offset is a fraction of the signal bar's close, signed for the order's side so one setting serves longs and
/// shorts alike (as <see cref="Bracket"/> mirrors its exits): a buy's price is close × (1 + offset), a sell's
/// close × (1 − offset). Negative is a better price than the close for whoever sends the order (a buy below it, a sell
/// above it), positive a worse one: a limit usually takes a negative offset, a stop a positive one. Prices are
/// computed in binary floating point and rounded half to even (<see cref="PriceRounding"/>), exactly as Python's
/// <c>round(close * (1.0 + offset), decimals)</c> computes them for a backtrader strategy.
/// </remarks>
/// <param name="Type">The order type.</param>
/// <param name="Offset">Limit: the limit price's offset; stop and stop-limit: the stop price's. Fraction in (−1, 1); only for limit, stop and stop-limit.</param>
/// <param name="LimitOffset">Stop-limit only: the limit price's offset, fraction in (−1, 1).</param>
/// <param name="ValidBars">Works on at most this many bars after the signal bar, then expires (at least 1); null for no bar limit.</param>
/// <param name="ValidDays">Works on bars up to and including the signal bar's time plus this many calendar days (at least 1); null for no date limit.</param>
public sealed record SignalOrder(OrderType Type, decimal? Offset = null, decimal? LimitOffset = null, int? ValidBars = null, int? ValidDays = null)
{
    /// <summary>The largest <see cref="ValidDays"/>: 100 years.</summary>
    public const int MaxValidDays = 36_500;

    /// <summary>A market order, good till cancelled: what built-in strategies send unless configured otherwise.</summary>
    public static SignalOrder Market { get; } = new(OrderType.Market);

    /// <summary>True for a market order, which the strategy context sends with its usual (shared) requests.</summary>
    internal bool IsMarket => Type == OrderType.Market;

    /// <summary>
    /// Checks that the settings fit the type: the name of the setting at fault (<c>offset</c>, <c>limitOffset</c>,
    /// <c>valid</c>, <c>valid.bars</c>, <c>valid.days</c>) and the problem in words, or null when the order is usable.
    /// </summary>
    public (string Setting, string Problem)? Problem()
    {
        var name = TypeName(Type);
        var priced = Type is OrderType.Limit or OrderType.Stop or OrderType.StopLimit;
        return (priced, Offset) switch
        {
            (false, not null) => ("offset", $"does not apply to a {name} order: only limit, stop and stop-limit orders have a price"),
            (true, null) => ("offset", $"is missing: a {name} order needs its {(Type == OrderType.Limit ? "limit" : "stop")} price as a fraction of the signal bar's close (-0.01 = 1 % better than the close)"),
            (true, { } o) when o <= -1 || o >= 1 => ("offset", $"must be a fraction above -1 and below 1 (-0.01 = 1 % better than the close) (got {Show(o)})"),
            _ when Type != OrderType.StopLimit && LimitOffset is not null => ("limitOffset", $"applies only to a stop-limit order, not to a {name} order"),
            _ when Type == OrderType.StopLimit && LimitOffset is null => ("limitOffset", "is missing: a stop-limit order needs its limit price as a fraction of the signal bar's close"),
            _ when LimitOffset is { } l && (l <= -1 || l >= 1) => ("limitOffset", $"must be a fraction above -1 and below 1 (-0.01 = 1 % better than the close) (got {Show(l)})"),
            _ when IsMarket && (ValidBars ?? ValidDays) is not null => ("valid", "does not apply to a market order: it fills on the next bar"),
            _ when ValidBars is not null && ValidDays is not null => ("valid", "takes bars or days, not both"),
            _ when ValidBars is < 1 => ("valid.bars", $"must be at least 1 (got {Show(ValidBars.Value)})"),
            _ when ValidDays is < 1 or > MaxValidDays => ("valid.days", $"must be from 1 to {MaxValidDays} (got {Show(ValidDays.Value)})"),
            _ => null,
        };
    }

    /// <summary>The type as a config names it: market, close, limit, stop, stop-limit.</summary>
    public static string TypeName(OrderType type) => type == OrderType.StopLimit ? "stop-limit" : type.ToString().ToLowerInvariant();

    /// <summary>
    /// The request for this order on <paramref name="side"/> for <paramref name="quantity"/> units (null: the sizer's
    /// stake for a buy, the whole position for a sell), priced from <paramref name="signalBar"/>'s close with prices
    /// rounded to <paramref name="priceDecimals"/> decimals.
    /// </summary>
    internal OrderRequest Request(OrderSide side, decimal? quantity, in Bar signalBar, int priceDecimals)
    {
        var close = (double)signalBar.Close;
        var sign = side == OrderSide.Buy ? 1.0 : -1.0;
        decimal? Price(decimal? offset) =>
            offset is { } o ? PriceRounding.HalfEven(close * (1.0 + (sign * (double)o)), priceDecimals) : null;

        var first = Price(Offset);
        var validity = ValidBars is { } bars ? OrderValidity.ForBars(bars)
            : ValidDays is { } days ? OrderValidity.Until(DaysAfter(signalBar.Time, days))
            : null;
        return Type switch
        {
            OrderType.Limit => new OrderRequest(side, quantity, Type, LimitPrice: first, Validity: validity),
            OrderType.Stop => new OrderRequest(side, quantity, Type, StopPrice: first, Validity: validity),
            OrderType.StopLimit => new OrderRequest(side, quantity, Type, LimitPrice: Price(LimitOffset), StopPrice: first, Validity: validity),
            _ => new OrderRequest(side, quantity, Type, Validity: validity),
        };
    }

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static DateTime DaysAfter(DateTime time, int days) =>
        time > DateTime.MaxValue.AddDays(-days) ? DateTime.MaxValue.Date : time.AddDays(days);
}
