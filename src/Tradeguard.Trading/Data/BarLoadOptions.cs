namespace Tradeguard.Trading.Data;

/// <summary>How <see cref="CsvBarLoader"/> reads a file.</summary>
public sealed record BarLoadOptions
{
    /// <summary>The ticker the bars belong to; when null, the file name up to its first '-' or '.', upper-cased.</summary>
    public string? Symbol { get; init; }

    /// <summary>
    /// For files with an <c>Adj Close</c> column: rescale Open, High and Low by Adj Close / Close, set Close to
    /// Adj Close and round the four prices to <see cref="AdjustedDecimals"/> (the convention of backtrader's
    /// YahooFinanceCSVData, on by default there). Ignored for files without that column. Defaults to true.
    /// </summary>
    public bool UseAdjustedClose { get; init; } = true;

    /// <summary>Decimals the adjusted prices are rounded to (half to even, on the exact binary value). Defaults to 2.</summary>
    public int AdjustedDecimals { get; init; } = 2;

    /// <summary>Keep only bars at or after this time; null keeps all.</summary>
    public DateTime? From { get; init; }

    /// <summary>Keep only bars at or before this time; null keeps all. A date given as midnight keeps that whole day.</summary>
    public DateTime? To { get; init; }
}
