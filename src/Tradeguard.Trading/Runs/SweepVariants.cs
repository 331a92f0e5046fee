using System.Globalization;
using Tradeguard.Core.Errors;
using Tradeguard.Trading.Config;

namespace Tradeguard.Trading.Runs;

/// <summary>
/// The combinations of a grid that a plan's strategy accepts (the variants a sweep runs, in grid order) and those it
/// refuses, counted by reason.
/// </summary>
/// <param name="Grid">The grid.</param>
/// <param name="Runnable">Each variant's values, one per <see cref="SweepGrid.Ranges"/> entry, in grid order.</param>
/// <param name="Skipped">The refused combinations, one entry per reason, in order of first appearance.</param>
public sealed record SweepVariants(SweepGrid Grid, IReadOnlyList<double[]> Runnable, IReadOnlyList<SkippedCombinations> Skipped)
{
    /// <summary>Checks every combination of <paramref name="grid"/> against <paramref name="plan"/>'s strategy before anything runs.</summary>
    /// <exception cref="TradeguardException">A swept name is not a parameter of the strategy, a value is outside the
    /// parameter's range, or the strategy refuses every combination (exit code 2).</exception>
    public static SweepVariants Of(RunPlan plan, SweepGrid grid)
    {
        foreach (var range in grid.Ranges)
        {
            var parameter = plan.Strategy.Parameter(range.Parameter, out var unknown)
                ?? throw new TradeguardException(ExitCode.Usage, $"--sweep {range.Parameter}: {unknown}");
            foreach (var value in range.Values)
            {
                if (parameter.Problem(value) is { } problem)
                {
                    throw new TradeguardException(ExitCode.Usage, $"--sweep {range.Parameter}: {problem} (got {value.ToString(CultureInfo.InvariantCulture)})");
                }
            }
        }

        var runnable = new List<double[]>();
        var skipped = new Dictionary<string, int>();
        var reasons = new List<string>();
        foreach (var values in grid.Combinations())
        {
            if (plan.Conflict(Overrides(grid, values)) is { } reason)
            {
                if (skipped.TryAdd(reason, 1))
                {
                    reasons.Add(reason);
                }
                else
                {
                    skipped[reason]++;
                }
            }
            else
            {
                runnable.Add(values);
            }
        }

        return runnable.Count > 0
            ? new SweepVariants(grid, runnable, reasons.Select(r => new SkippedCombinations(r, skipped[r])).ToArray())
            : throw new TradeguardException(ExitCode.Usage,
                $"--sweep: {plan.Strategy.Name} accepts none of the {grid.Count} combinations ({string.Join("; ", reasons)}): change the ranges");
    }

    /// <summary>The strategy parameters one variant replaces: each swept name with its value.</summary>
    public static Dictionary<string, double> Overrides(SweepGrid grid, IReadOnlyList<double> values) =>
        grid.Ranges.Select((range, i) => (range.Parameter, Value: values[i])).ToDictionary(p => p.Parameter, p => p.Value);
}
