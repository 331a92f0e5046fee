using System.Globalization;
using System.Text;

namespace Tradeguard.Alerts;

/// <summary>
/// What the <see cref="ExposureLevel.Summary"/> level shows: proportions only, never an amount. Each value is a fraction
/// (0.023 = 2.3 %) or a count; null when not known. See docs/alerts.md "Summary level" for what they do and do not reveal.
/// </summary>
/// <param name="Return">Equity now against equity at the start of the run, minus 1 (fraction).</param>
/// <param name="Today">Equity now against equity at the day's first candle, minus 1 (fraction).</param>
/// <param name="Drawdown">How far equity is below its peak so far: 1 − equity / peak (fraction, ≥ 0).</param>
/// <param name="PositionOfEquity">The position's value at the last close over equity (fraction; negative when short).</param>
/// <param name="WinRate">Closed trades with a net profit over closed trades (fraction); null before the first.</param>
/// <param name="Trades">Closed trades (round trips).</param>
public sealed record AlertProportions(decimal? Return = null, decimal? Today = null, decimal? Drawdown = null, decimal? PositionOfEquity = null,
    decimal? WinRate = null, int? Trades = null)
{
    /// <summary>One line, e.g. <c>return +2.3% · today −0.4% · drawdown 1.2% · position 35% of equity · win rate 55% of 20 trades</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Return is { } r)
        {
            parts.Add("return " + Signed(r));
        }

        if (Today is { } t)
        {
            parts.Add("today " + Signed(t));
        }

        if (Drawdown is { } d)
        {
            parts.Add("drawdown " + Percent(d));
        }

        if (PositionOfEquity is { } p)
        {
            parts.Add($"position {Percent(p)} of equity");
        }

        if (Trades is { } n)
        {
            parts.Add(n == 0 ? "no closed trades"
                : WinRate is { } w ? $"win rate {Percent(w)} of {n.ToString(CultureInfo.InvariantCulture)} trade{(n == 1 ? "" : "s")}"
                : $"{n.ToString(CultureInfo.InvariantCulture)} trade{(n == 1 ? "" : "s")}");
        }

        return string.Join(" · ", parts);
    }

    /// <summary><paramref name="value"/> over <paramref name="of"/>, or null when <paramref name="of"/> is not positive.</summary>
    public static decimal? Ratio(decimal value, decimal? of) => of is > 0 ? value / of.Value : null;

    private static string Percent(decimal fraction) =>
        (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Signed(decimal fraction)
    {
        var text = Percent(Math.Abs(fraction));
        var rounded = Math.Round(fraction * 100, 1);
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : "") + text;
    }
}
