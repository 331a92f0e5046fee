using Tradeguard.Telegram.Ports;

namespace Tradeguard.Telegram.Tests;

/// <summary>Issue 14: the bot lists only the commands the caller's role may use, on /help and on linking.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData(OperatorRole.Viewer, "Commands: /status /positions /pnl")]
    [InlineData(OperatorRole.Trader, "Commands: /status /positions /pnl /pause /resume")]
    [InlineData(OperatorRole.Admin, "Commands: /status /positions /pnl /pause /resume /stop /closeall /confirm CODE")]
    public async Task LinkReplyAndHelp_ListOnlyTheRolesCommands(OperatorRole role, string expected)
    {
        await using var h = await BotHarness.StartAsync();
        await h.LinkAsync(BotHarness.Owner, "carol", role, 900);
        h.Api.AddUpdate(h.PrivateUpdate(901, BotHarness.Owner, "/help"));
        await h.Poller.PollOnceAsync();
        await h.DrainAsync();

        var replies = h.Api.Delivered.Select(c => c.Text!).Where(t => !t.Contains("[security]", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, replies.Count);
        Assert.EndsWith(expected, replies[0].Replace("<b>", "").Replace("</b>", ""), StringComparison.Ordinal);
        Assert.Equal($"<b>{expected}</b>", replies[1]);
    }
}
