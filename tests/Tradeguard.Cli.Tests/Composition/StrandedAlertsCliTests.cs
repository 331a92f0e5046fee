using Tradeguard.Alerts.Outbox;
using Tradeguard.TestSupport;

namespace Tradeguard.Cli.Tests.Composition;

/// <summary>Alerts queued for Telegram when the settings no longer have a telegram section: the dispatcher does not wait
/// on them, says so in one line, and leaves them queued.</summary>
public sealed class StrandedAlertsCliTests : IDisposable
{
    private readonly InstallationHome _home = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _home.Dispose();
    }

    [Fact]
    public void DispatchUntilEmpty_SendsWhatItCan_NamesTheMissingChannel_AndKeepsItsAlerts()
    {
        var outbox = OutboxStore.Open(_home.Combine("outbox.db"));
        outbox.Enqueue([.. Enumerable.Range(1, 4).Select(i =>
            new NewOutboxMessage("telegram", "100000001", "stop_loss.triggered", $"t{i}", $"[paper] Stop loss triggered #{i}"))]);
        outbox.Enqueue([new NewOutboxMessage("console", "stdout", "order.filled", "c1", "[paper] Buy order executed · ORCL")]);

        // No alerts.json: the console channel only. Before the fix this waited the whole --timeout and exited 6.
        var result = _home.Run(null, ["alerts", "dispatch", "--until-empty", "--timeout", "60"]);

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains("warning: 4 alerts for telegram stay queued: no telegram channel is configured here", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("[paper] Buy order executed · ORCL", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing left that the channels configured here can send.", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, int> { ["telegram"] = 4 }, outbox.PendingByChannel());
    }
}
