using Tradeguard.TestSupport;
using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Tests;

/// <summary>The real price series bundled in samples/data, loaded once per test run.</summary>
internal static class SampleData
{
    private static readonly Lazy<BarSeries> DefaultSeries = new(() => CsvBarLoader.Load(RepoPaths.Samples("data", "default.csv")));

    /// <summary>Stock.Indicators' default.csv (SPY level, 2017-01-03 … 2018-12-31, 502 bars).</summary>
    public static BarSeries Default => DefaultSeries.Value;

    public static string Path(string name) => RepoPaths.Samples("data", name);
}
