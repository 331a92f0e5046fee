using Tradeguard.Alerts.Outbox;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.TestSupport;

namespace Tradeguard.Exchange.Tests;

public sealed partial class ServiceTests
{
    [Fact]
    public async Task Stop_DoesNotWaitOnAlertsForAChannelNotConfigured_NamesThem_AndKeepsThem()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var home = new TempFolder();
        var env = Installation(home, sandbox);
        WriteConsoleAlerts(home);
        var config = ExchangeConfig(home, sandbox.Server.BaseAddress);
        // Queued while alerts.json had a telegram section, since removed.
        OutboxStore.Open(home.Combine("outbox.db")).Enqueue([.. Enumerable.Range(1, 4).Select(i =>
            new NewOutboxMessage("telegram", "100000001", "stop_loss.triggered", $"old-{i}", $"[paper] Stop loss triggered #{i}"))]);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        // Half of a 120 s shutdown timeout is 60 s: a flush that waited on the telegram alerts could not exit within 30 s.
        using var service = new ServiceProcess(["exchange", "serve", config, "--shutdown-timeout", "120"], env);
        service.WaitForStdout("Stop with SIGTERM or Ctrl+C.", TimeSpan.FromSeconds(30));
        service.WaitForStderr("4 alerts for telegram stay queued: no telegram channel is configured here", TimeSpan.FromSeconds(10));
        service.Terminate();
        var exit = service.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.True(exit == 0, $"exit {exit}\n{service.Stdout}\n{service.Stderr}");
        var stderr = service.Stderr;
        const string Summary = "4 alerts for telegram stay queued: no telegram channel is configured here";
        var lines = stderr.Split('\n');
        // Once at start, once after the stop's flush (which comes before the audit checkpoint).
        Assert.Equal(2, lines.Count(l => l.EndsWith(Summary, StringComparison.Ordinal)));
        Assert.True(stderr.LastIndexOf(Summary, StringComparison.Ordinal) < stderr.IndexOf("Audit checkpoint written", StringComparison.Ordinal), stderr);
        Assert.DoesNotContain("still queued in the outbox", stderr, StringComparison.Ordinal);
        var pending = TradeguardCli.Run(["alerts", "list", "--state", "pending"], env: env).Stdout;
        Assert.Equal(4, pending.Split('\n').Count(l => l.Contains("\ttelegram:100000001\t", StringComparison.Ordinal)));
    }
}
