using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Config;

/// <summary>Where one symbol's bars come from: a checked <c>data</c> section or <c>symbols</c> entry.</summary>
/// <param name="DataFile">The bar file, resolved against the config's folder.</param>
/// <param name="Data">How the bars are read and filtered (the symbol, Adj Close, the dates).</param>
public sealed record SymbolData(string DataFile, BarLoadOptions Data)
{
    /// <summary>Loads the bars.</summary>
    /// <exception cref="DataFileException">The file is malformed (exit code 4).</exception>
    public BarSeries Load() => CsvBarLoader.Load(DataFile, Data);
}
