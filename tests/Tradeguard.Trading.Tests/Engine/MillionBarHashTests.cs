using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Strategies.PriceSmaCross;

namespace Tradeguard.Trading.Tests.Engine;

/// <summary>
/// Speed work must not move a single result: a SHA-256 over every field of every order, closed trade and equity point
/// of the million-bar run (ORCL 1995-2014 repeated end to end, one bar per day from 1900-01-01, as in
/// bench/Tradeguard.Benchmarks/TradingBenchmarks.cs). The expected hash was taken before the start-up and report work
/// of issue 16; decimals print with their scale, so a changed scale changes the hash too.
/// </summary>
public sealed class MillionBarHashTests
{
    private const string Expected = "d248f5833b21c23dda8f827cda366faa8ce3dd24f774fc41102e903c57ffbf74";

    [Fact]
    public void MillionBarRun_OrdersTradesAndEquityCurve_AreBitForBitUnchanged()
    {
        var orcl = CsvBarLoader.Load(SampleData.Path("orcl-1995-2014.txt")).Bars;
        var start = new DateTime(1900, 1, 1);
        var bars = new BarSeries("ORCL", Enumerable.Range(0, 1_000_000).Select(i => orcl[i % orcl.Count] with { Time = start.AddDays(i) }));
        var options = new EngineOptions { InitialCash = 100_000m, Sizer = new Sizer.Fixed(10) };

        var result = new TradingEngine(new PriceSmaCrossStrategy(15), options).Run(bars);

        var hash = Hash(result);
        Assert.True(hash == Expected, $"the million-bar run changed: hash {hash}");
    }

    private static string Hash(RunResult r)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new StringBuilder();
        void Add(FormattableString text)
        {
            line.Clear().Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');
            sha.AppendData(Encoding.UTF8.GetBytes(line.ToString()));
        }

        Add($"{r.Symbol}|{r.StrategyName}|{r.InitialCash}|{r.FinalCash}|{r.FinalPosition}|{r.FinalValue}|{r.TotalCommission}|{r.KillSwitchEngaged}");
        foreach (var o in r.Orders)
        {
            Add($"O|{o.Id}|{o.Symbol}|{o.Side}|{o.Type}|{o.Quantity}|{o.LimitPrice}|{o.StopPrice}|{o.Validity}|{o.Role}|{o.ParentId}|{o.PlacedAtBar}|{o.PlacedAt:O}|{o.Status}|{o.FillPrice}|{o.FilledAt:O}|{o.FilledAtBar}|{o.Commission}|{o.Reason}");
        }

        foreach (var t in r.Trades)
        {
            Add($"T|{t.Symbol}|{t.EntryTime:O}|{t.ExitTime:O}|{t.Quantity}|{t.EntryPrice}|{t.ExitPrice}|{t.GrossPnl}|{t.Commission}|{t.BarsHeld}");
        }

        foreach (var p in r.EquityCurve)
        {
            Add($"E|{p.Time:O}|{p.Equity}|{p.Position}");
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
