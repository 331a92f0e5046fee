using System.Globalization;
using Tradeguard.Core.Errors;

namespace Tradeguard.Trading.Runs;

/// <summary>
/// The grid a sweep covers: the Cartesian product of one <see cref="SweepRange"/> per swept parameter, in the order
/// the <c>--sweep</c> options were given (the first varies slowest, like nested loops).
/// </summary>
public sealed record SweepGrid
{
    /// <summary>Most combinations one sweep may cover.</summary>
    public const int MaxCombinations = 100_000;

    private SweepGrid(IReadOnlyList<SweepRange> ranges, int count) => (Ranges, Count) = (ranges, count);

    /// <summary>The swept parameters and their values, in column order.</summary>
    public IReadOnlyList<SweepRange> Ranges { get; }

    /// <summary>Number of combinations: the product of the ranges' value counts, at most <see cref="MaxCombinations"/>.</summary>
    public int Count { get; }

    /// <summary>The swept parameters' names, in column order.</summary>
    public IEnumerable<string> Parameters => Ranges.Select(r => r.Parameter);

    /// <summary>Parses each <c>--sweep</c> option with <see cref="SweepRange.Parse"/> and forms their grid.</summary>
    /// <param name="texts">One text per <c>--sweep</c> option, e.g. <c>fast=5..20</c>, <c>slow=20..60:5</c>.</param>
    /// <exception cref="TradeguardException">No range, a range's syntax, a parameter given twice, or more than
    /// <see cref="MaxCombinations"/> combinations (exit code 2).</exception>
    public static SweepGrid Parse(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0)
        {
            throw new TradeguardException(ExitCode.Usage, "--sweep: give at least one NAME=FROM..TO[:STEP] or NAME=V1,V2,...");
        }

        var ranges = texts.Select(SweepRange.Parse).ToArray();
        if (ranges.GroupBy(r => r.Parameter).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new TradeguardException(ExitCode.Usage, $"--sweep: {twice.Key} is given {twice.Count()} times; sweep each parameter once");
        }

        // Doubles, so that many long ranges cannot overflow before the cap is checked.
        var count = ranges.Aggregate(1.0, (product, r) => product * r.Values.Count);
        return count <= MaxCombinations
            ? new SweepGrid(ranges, (int)count)
            : throw new TradeguardException(ExitCode.Usage,
                $"--sweep: {string.Join(" × ", ranges.Select(r => r.Values.Count.ToString(CultureInfo.InvariantCulture)))} = {count.ToString("#,##0", CultureInfo.InvariantCulture)} combinations; " +
                $"a sweep covers at most {MaxCombinations.ToString("#,##0", CultureInfo.InvariantCulture)}: narrow a range or take a larger step");
    }

    /// <summary>Every combination in grid order: one value per range, in column order.</summary>
    public IEnumerable<double[]> Combinations()
    {
        for (var index = 0; index < Count; index++)
        {
            var values = new double[Ranges.Count];
            var rest = index;
            for (var r = Ranges.Count - 1; r >= 0; r--)
            {
                values[r] = Ranges[r].Values[rest % Ranges[r].Values.Count];
                rest /= Ranges[r].Values.Count;
            }

            yield return values;
        }
    }
}
