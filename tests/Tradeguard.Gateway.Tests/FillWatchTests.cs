using Tradeguard.Gateway.Tests.Support;

namespace Tradeguard.Gateway.Tests;

/// <summary>A bot that never asks about its orders still has its fills learnt: its position and P&amp;L, and so its limits, stay true.</summary>
public sealed class FillWatchTests
{
    [Fact]
    public async Task FillsOfABotThatNeverPolls_AreLearntWithinACheck()
    {
        await using var h = await GatewayHarness.StartAsync(parts => parts with { FillCheckInterval = TimeSpan.FromMilliseconds(100) });
        Assert.Equal("NEW", (await h.OrderAsync("momentum", "BUY", "MARKET", 3)).Json.GetProperty("status").GetString());
        var limit = await h.OrderAsync("momentum", "BUY", "LIMIT", 1, price: 1);
        Assert.Equal("NEW", limit.Json.GetProperty("status").GetString());
        h.Market.Advance(); // the market order fills at this bar's open; the bot asks nothing

        // The ledger, the audit log and the outbox learn the fill one after another; wait (bounded) for the last of them.
        var ledger = h.Desk.LedgerOf("momentum");
        bool Learnt() => ledger.Counts().Fills > 0
            && h.Audit.Events.Any(e => e.Action == "gateway.fill")
            && h.OutboxTexts().Any(t => t.Contains("Buy order executed", StringComparison.Ordinal));
        for (var i = 0; i < 200 && !Learnt(); i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(3m, ledger.Positions()["ORCL"]);
        Assert.Equal(1m, ledger.Exposure("ORCL").WorkingBuys); // the limit order far below the market still works
        Assert.Contains(h.Audit.Events, e => e.Action == "gateway.fill" && e.Target == "ORCL");
        Assert.Contains(h.OutboxTexts(), t => t.Contains("Buy order executed", StringComparison.Ordinal));
    }
}
