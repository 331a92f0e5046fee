namespace Tradeguard.Trading.Runs;

/// <summary>Combinations of a sweep's grid that the strategy refuses, for one reason.</summary>
/// <param name="Reason">The strategy's words, e.g. <c>the slow period must be above the fast period</c>.</param>
/// <param name="Count">How many combinations were skipped for it.</param>
public sealed record SkippedCombinations(string Reason, int Count);
