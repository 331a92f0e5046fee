using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;

namespace Tradeguard.Trading.Tests.Engine;

/// <summary>
/// The scenario files that Vectors/Backtrader/generate_*.py write from backtrader b853d7c9, and the one way a run is
/// compared with them: every closed trade field the scenario gives, then final value, cash and position. Money is
/// compared within half a cent, as backtrader's floats carry binary noise below it.
/// </summary>
internal static class BacktraderVectors
{
    private static readonly ConcurrentDictionary<string, JsonElement> Files = new(StringComparer.Ordinal);

    /// <summary>The scenario called <paramref name="name"/> in Vectors/Backtrader/<paramref name="file"/>.</summary>
    public static JsonElement Scenario(string file, string name) =>
        Files.GetOrAdd(file, f => JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "Backtrader", f)))
                .RootElement.GetProperty("scenarios"))
            .EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    /// <summary>backtrader's ORCL 1995–2014 file, between two dates (inclusive).</summary>
    public static BarSeries Orcl(DateTime from, DateTime to) =>
        CsvBarLoader.Load(SampleData.Path("orcl-1995-2014.txt"), new BarLoadOptions { From = from, To = to });

    public static string Day(DateTime time) => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Asserts the run's closed trades and its end state equal the scenario's.</summary>
    public static void AssertTradesAndEnd(JsonElement expected, RunResult result)
    {
        var trades = expected.GetProperty("trades").EnumerateArray().ToArray();
        Assert.Equal(trades.Length, result.Trades.Count);
        for (var i = 0; i < trades.Length; i++)
        {
            var (want, got) = (trades[i], result.Trades[i]);
            Assert.Equal((want.GetProperty("entry").GetString(), want.GetProperty("exit").GetString()), (Day(got.EntryTime), Day(got.ExitTime)));
            if (want.TryGetProperty("size", out var size))
            {
                Assert.Equal((size.GetDecimal(), want.GetProperty("barsHeld").GetInt32()), (got.Quantity, got.BarsHeld));
            }

            AssertCent(want, "entryPrice", got.EntryPrice);
            AssertCent(want, "netPnl", got.NetPnl);
            if (want.TryGetProperty("grossPnl", out _))
            {
                AssertCent(want, "grossPnl", got.GrossPnl);
                AssertCent(want, "commission", got.Commission);
            }
        }

        AssertCent(expected, "value", result.FinalValue);
        AssertCent(expected, "cash", result.FinalCash);
        Assert.Equal(expected.GetProperty("position").GetDecimal(), result.FinalPosition);
    }

    // Within half a cent: backtrader's binary floats put an exact ….xx5 of ours on either side of the rounding point.
    private static void AssertCent(JsonElement expected, string property, decimal actual)
    {
        var want = expected.GetProperty(property).GetDecimal();
        Assert.True(Math.Abs(want - actual) <= 0.005m, $"{property}: backtrader {want}, ours {actual}");
    }
}
