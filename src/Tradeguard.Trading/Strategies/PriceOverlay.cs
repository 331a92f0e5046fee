using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Strategies;

/// <summary>
/// A line a strategy wants drawn over the price in the HTML report (its moving average, say), in quote currency per
/// unit. The report computes it after the run by feeding the run's closes to a fresh indicator, so declaring one costs
/// the engine's bar loop nothing.
/// </summary>
/// <param name="Name">The legend text, e.g. <c>SMA(15)</c>.</param>
/// <param name="CreateLine">
/// Returns a fresh streaming indicator: called with each close in turn (quote currency per unit), it returns the line's
/// value at that bar, or <see cref="double.NaN"/> while the indicator is still warming up.
/// </param>
public sealed record PriceOverlay(string Name, Func<Func<double, double>> CreateLine)
{
    /// <summary>The line's value at every bar of <paramref name="bars"/> (NaN while warming up).</summary>
    public double[] Compute(IReadOnlyList<Bar> bars)
    {
        var line = CreateLine();
        var values = new double[bars.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = line((double)bars[i].Close);
        }

        return values;
    }
}
