using Tradeguard.Trading.Config;
using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Runs;

/// <summary>One variant of a sweep and how it did.</summary>
/// <param name="Value">The swept parameter's value.</param>
/// <param name="Report">The variant's run.</param>
public sealed record SweepRow(double Value, RunReport Report);

/// <summary>
/// Runs one variant of a plan per value of a swept parameter, in parallel over the shared (immutable) bars, and
/// ranks them by total return, then Sharpe ratio. Variants publish no events: a sweep reports only its table.
/// </summary>
public static class ParameterSweep
{
    /// <summary>Runs the sweep.</summary>
    /// <param name="plan">The checked config.</param>
    /// <param name="bars">The plan's bars.</param>
    /// <param name="range">The parameter and its values.</param>
    /// <param name="maxParallelism">Variants run at once; defaults to the processor count.</param>
    /// <param name="completed">Told the number of variants finished after each one.</param>
    /// <param name="cancellationToken">Stops starting new variants.</param>
    /// <returns>The rows, best first.</returns>
    /// <exception cref="Tradeguard.Core.Errors.TradeguardException">The parameter or a value is not acceptable (exit code 5), checked before any variant runs.</exception>
    public static IReadOnlyList<SweepRow> Run(RunPlan plan, BarSeries bars, SweepRange range, int? maxParallelism = null,
        IProgress<int>? completed = null, CancellationToken cancellationToken = default)
    {
        foreach (var value in range.Values)
        {
            plan.CreateStrategy(Override(range, value));
        }

        var rows = new SweepRow[range.Values.Count];
        var done = 0;
        Parallel.For(0, rows.Length,
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken },
            i =>
            {
                var value = range.Values[i];
                rows[i] = new SweepRow(value, Backtest.Run(plan, bars, overrides: Override(range, value), cancellationToken: cancellationToken));
                completed?.Report(Interlocked.Increment(ref done));
            });
        return rows
            .OrderByDescending(r => r.Report.Metrics.TotalReturn)
            .ThenByDescending(r => r.Report.Metrics.Sharpe)
            .ThenBy(r => r.Value)
            .ToArray();
    }

    private static Dictionary<string, double> Override(SweepRange range, double value) => new() { [range.Parameter] = value };
}
