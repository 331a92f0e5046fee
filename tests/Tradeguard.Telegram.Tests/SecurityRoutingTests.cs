using Tradeguard.Alerts;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Core.Audit;
using Tradeguard.Telegram.Ports;

namespace Tradeguard.Telegram.Tests;

/// <summary>Issue 14, "The right person": one routing rule for every security alert, and none dropped silently.</summary>
public sealed class SecurityRoutingTests
{
    private static readonly Alert Reveal = new(AlertKinds.ForAuditAction("vault.reveal"), "Vault secret revealed", DateTimeOffset.UnixEpoch);

    private const long TraderChat = 300000003;

    [Fact]
    public async Task LinkedAdmin_GetsSecurityAlerts_TheTradersAlertChatDoesNot()
    {
        await using var h = await BotHarness.StartAsync(new TelegramOptions { AlertChatIds = [TraderChat] });
        await h.LinkAsync(BotHarness.Owner, "alice", OperatorRole.Admin, 900);
        var routing = new TelegramRouting(h.Options, h.Store, h.Operators);
        Assert.Equal([new AlertRecipient("telegram", "100000001")], routing.RecipientsFor(Reveal));
        Assert.Equal([new AlertRecipient("telegram", "300000003")], routing.RecipientsFor(new Alert(AlertKinds.OrderFilled, "Buy", DateTimeOffset.UnixEpoch)));
    }

    [Fact]
    public async Task NoAdminLinked_RefusedCommandAndLinkAlerts_GoToTheAlertChats()
    {
        await using var h = await BotHarness.StartAsync(new TelegramOptions { AlertChatIds = [TraderChat] });
        h.Api.AddUpdate(h.PrivateUpdate(901, BotHarness.Stranger, "/stop"));
        await h.Poller.PollOnceAsync();
        await h.LinkAsync(BotHarness.Owner, "bob", OperatorRole.Trader, 902);

        var queued = h.Outbox.List().Where(m => m.Kind.StartsWith(AlertKinds.SecurityPrefix, StringComparison.Ordinal)).ToList();
        Assert.Contains(queued, m => m.Kind == AlertKinds.TelegramRejected);
        Assert.Contains(queued, m => m.Kind == AlertKinds.ForAuditAction("telegram.link"));
        Assert.All(queued, m => Assert.Equal(("telegram", "300000003"), (m.Channel, m.Recipient)));
    }

    [Fact]
    public async Task NoAdminAndNoAlertChat_TheAlertIsHeldForTheNextCommand_NeverDropped()
    {
        await using var h = await BotHarness.StartAsync(new TelegramOptions());
        h.AuditWithAlerts.Record(new AuditEvent("local", "vault.reveal", "exchange/api_secret", AuditOutcome.Success));
        var held = Assert.Single(h.Outbox.PendingFor(SecurityRouting.HeldChannel));
        Assert.Equal("[security] Vault secret revealed: exchange/api_secret", held.Text);

        // No dispatcher sends it or waits on it: it is the next command's to show.
        var pass = await h.Dispatcher.DispatchDueAsync();
        Assert.Equal(0, pass.Pending);
        Assert.Empty(pass.Stranded);
        Assert.Equal(OutboxState.Pending, Assert.Single(h.Outbox.List()).State);
    }
}
