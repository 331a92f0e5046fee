using Tradeguard.Trading.Data;
using Tradeguard.Trading.Config;

namespace Tradeguard.Trading.Runs;

/// <summary>One variant of a sweep and how it did.</summary>
/// <param name="Values">The swept parameters' values, in the grid's column order (<see cref="SweepGrid.Ranges"/>).</param>
/// <param name="Report">The variant's run.</param>
public sealed record SweepRow(IReadOnlyList<double> Values, RunReport Report);

/// <summary>
/// Runs one variant of a plan per accepted combination of a sweep's grid, in parallel over the shared (immutable)
/// bars, and ranks them by total return, then Sharpe ratio, then grid order, so the ranking does not depend on how
/// many run at once. Variants publish no events: a sweep reports only its table.
/// </summary>
public static class ParameterSweep
{
    /// <summary>Runs the sweep.</summary>
    /// <param name="plan">The checked config.</param>
    /// <param name="bars">The plan's bars.</param>
    /// <param name="variants">The combinations to run, checked by <see cref="SweepVariants.Of"/>.</param>
    /// <param name="maxParallelism">Variants run at once; defaults to the processor count.</param>
    /// <param name="completed">Told the number of variants finished after each one.</param>
    /// <param name="cancellationToken">Stops starting new variants.</param>
    /// <returns>One row per runnable variant, best first.</returns>
    public static IReadOnlyList<SweepRow> Run(RunPlan plan, BarSeries bars, SweepVariants variants, int? maxParallelism = null,
        IProgress<int>? completed = null, CancellationToken cancellationToken = default)
    {
        var rows = new SweepRow[variants.Runnable.Count];
        var done = 0;
        Parallel.For(0, rows.Length,
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken },
            i =>
            {
                var values = variants.Runnable[i];
                rows[i] = new SweepRow(values, Backtest.Run(plan, bars, overrides: SweepVariants.Overrides(variants.Grid, values), cancellationToken: cancellationToken));
                completed?.Report(Interlocked.Increment(ref done));
            });

        // LINQ's ordering is stable: rows that tie on both keep their grid order.
        return rows
            .OrderByDescending(r => r.Report.Metrics.TotalReturn)
            .ThenByDescending(r => r.Report.Metrics.Sharpe)
            .ToArray();
    }
}
