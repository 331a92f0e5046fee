using Tradeguard.Alerts;
using Tradeguard.Alerts.Outbox;

namespace Tradeguard.Cli.Tests.Composition;

/// <summary>A security alert with nobody to go to is shown by the next CLI command, with its time, once.</summary>
public sealed class HeldAlertsCliTests : IDisposable
{
    private readonly InstallationHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void HeldSecurityAlert_IsShownByTheNextCommand_WithItsTime_ThenNotAgain()
    {
        var raised = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var outbox = OutboxStore.Open(_home.Combine("outbox.db"), new FixedTime(raised));
        var held = SecurityRouting.HeldForNextCommand;
        outbox.Enqueue([new NewOutboxMessage(held.Channel, held.Address, "security.vault_reveal", "k1",
            "[security] Vault secret revealed: exchange/api_secret")]);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var first = _home.Run(null, ["alerts", "list"], withVaultPassword: false);
        Assert.True(first.ExitCode == 0, first.AllOutput);
        Assert.Contains("raised 2026-12-01 10:00:00 UTC: [security] Vault secret revealed: exchange/api_secret", first.Stderr);

        var second = _home.Run(null, ["alerts", "list"], withVaultPassword: false);
        Assert.DoesNotContain("Vault secret revealed", second.Stderr);
        Assert.Contains("Vault secret revealed", second.Stdout); // still listed, as shown
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
