using Tradeguard.Exchange.Binance;
using Tradeguard.Gateway.Policy;
using Tradeguard.Gateway.Tests.Support;

namespace Tradeguard.Gateway.Tests.Limits;

/// <summary>The policy's check and the order's reservation are one step per bot: no number of simultaneous orders passes a limit.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task TwentySimultaneousBuys_OnlyFiveFitMaxPosition50()
    {
        await using var h = await GatewayHarness.StartAsync(botsJson: """
            [ { "name": "momentum", "symbols": ["ORCL"], "maxOrderNotional": 100000, "maxPosition": 50, "maxOrdersPerMinute": 100, "maxDailyLoss": 500 },
              { "name": "meanrev", "symbols": ["ORCL"], "maxOrderNotional": 1000, "maxPosition": 20, "maxDailyLoss": 500 } ]
            """);
        var below = Math.Round(h.LastClose / 2, 2);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var orders = Enumerable.Range(0, 20).Select(async _ =>
        {
            await start.Task;
            return await h.OrderAsync("momentum", "BUY", "LIMIT", 10, below);
        }).ToArray();

        start.SetResult(); // all twenty released at once
        var answers = await Task.WhenAll(orders);

        Assert.Equal(5, answers.Count(a => a.Status == 200));
        Assert.All(answers.Where(a => a.Status != 200), a => Assert.Contains("maxPosition 50", a.Message, StringComparison.Ordinal));
        Assert.Equal(5, h.Upstream.Sent.Count(s => s.Method == "POST"));
        Assert.Equal((0m, 50m, 0m), h.Desk.LedgerOf("momentum").Exposure("ORCL"));
    }

    [Fact]
    public async Task ManyThreadsReserving_NeverPassTheLimit()
    {
        var ledger = new BotLedger("momentum", TimeProvider.System);
        BinanceError? Check() => ledger.Exposure("ORCL").WorkingBuys + 1 > 50 ? BinanceErrors.OrderRejected("over") : null;
        var admitted = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                if (ledger.Reserve("ORCL", "BUY", "LIMIT", 1m, Check).Reservation is not null)
                {
                    Interlocked.Increment(ref admitted);
                }
            }
        })));

        Assert.Equal(50, admitted);
        Assert.Equal(50m, ledger.Exposure("ORCL").WorkingBuys);
        Assert.Equal(50, ledger.HeldReservations().Count);
    }
}
