using System.Globalization;

namespace Tradeguard.Trading.Events;

/// <summary>
/// The sensitive part of a <see cref="TradingEvent"/>: amounts and identifiers that reveal the operator's positions and
/// balances. Held apart so that alert channels render only the high-level part unless the operator opts in
/// (DESIGN.md, "Alerts"). <see cref="ToString"/> prints nothing of it, so a stray log call leaks nothing.
/// </summary>
/// <param name="OrderId">The order concerned, if any.</param>
/// <param name="Quantity">Units ordered or filled.</param>
/// <param name="Price">Fill price, or the limit/stop price of an order not filled, quote currency per unit.</param>
/// <param name="Commission">Commission charged on the fill, quote currency.</param>
/// <param name="Cash">Cash after the event, quote currency.</param>
/// <param name="Equity">Cash plus positions at the last price, quote currency.</param>
/// <param name="RealizedPnl">Net profit or loss of the trade the event closed, quote currency.</param>
/// <param name="Reason">Why an order was rejected, cancelled or expired, or which limit was hit (may quote amounts).</param>
public sealed record TradingEventDetails(
    long? OrderId = null,
    decimal? Quantity = null,
    decimal? Price = null,
    decimal? Commission = null,
    decimal? Cash = null,
    decimal? Equity = null,
    decimal? RealizedPnl = null,
    string? Reason = null)
{
    /// <summary>Always <c>[details withheld]</c>: use <see cref="Describe"/> where the operator has opted in.</summary>
    public override string ToString() => "[details withheld]";

    /// <summary>The details as <c>key=value</c> pairs, for sinks the operator has allowed to see them.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                parts.Add(key + "=" + Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }

        Add("order", OrderId);
        Add("quantity", Quantity);
        Add("price", Price);
        Add("commission", Commission);
        Add("cash", Cash);
        Add("equity", Equity);
        Add("pnl", RealizedPnl);
        Add("reason", Reason);
        return string.Join(' ', parts);
    }
}
