using Tradeguard.Alerts.Outbox;
using Tradeguard.TestSupport;

namespace Tradeguard.Telegram.Tests;

/// <summary>The real <c>tradeguard</c> CLI: alerts list|retry|purge and refusals with their exit codes (telegram link and
/// unlink, which need the vault and Identity, are tested with the composed installation in Tradeguard.Cli.Tests).</summary>
public sealed class CliTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _home.Dispose();
    }

    private ProcessResult Run(params string[] args) =>
        TradeguardCli.Run(args, null, new Dictionary<string, string?> { ["TRADEGUARD_HOME"] = _home.Path, ["TRADEGUARD_VAULT_PASSWORD"] = null });

    [Fact]
    public void AlertsListRetryPurge_ShowAndManageTheOutbox()
    {
        var outbox = OutboxStore.Open(_home.Combine("outbox.db"));
        outbox.Enqueue([
            new NewOutboxMessage("telegram", "100000001", "stop_loss.triggered", "a", "[paper] Stop loss triggered · ORCL"),
            new NewOutboxMessage("telegram", "100000002", "order.filled", "b", "[paper] Buy order executed · TEL2_B"),
        ]);
        var first = outbox.List(OutboxState.Pending).Single(m => m.DedupeKey == "a");
        outbox.MarkSent(first.Id);
        outbox.MarkRecipientUndeliverable("telegram", "100000002", "sendMessage HTTP 403: Forbidden: bot was blocked by the user");

        var list = Run("alerts", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("0 pending, 0 failed, 1 undeliverable, 0 possibly sent, 1 sent", list.Stdout, StringComparison.Ordinal);
        var undeliverable = list.Stdout.Split('\n').Single(l => l.Contains("\tundeliverable\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal(["telegram:100000002", "order.filled", "undeliverable", "0", "[paper] Buy order executed · TEL2_B",
            "sendMessage HTTP 403: Forbidden: bot was blocked by the user"], undeliverable[2..]);

        var retry = Run("alerts", "retry");
        Assert.Equal((0, "1 message queued again."), (retry.ExitCode, retry.Stdout.Trim()));
        Assert.Equal(1, outbox.Count(OutboxState.Pending));

        Assert.Equal((0, "0 messages purged."), (Run("alerts", "purge", "--older-than", "7d").ExitCode, Run("alerts", "purge", "--older-than", "7d").Stdout.Trim()));
        var purge = Run("alerts", "purge", "--older-than", "0m");
        Assert.Equal((0, "1 message purged."), (purge.ExitCode, purge.Stdout.Trim()));
        Assert.Equal(1, outbox.Count(OutboxState.Pending));

        Assert.Equal(2, Run("alerts", "list", "--state", "lost").ExitCode);
        Assert.Equal(2, Run("alerts", "purge", "--older-than", "soon").ExitCode);
    }

    [Fact]
    public void PlainHttpBaseUrl_OnAPublicHost_IsRefusedWithExit5()
    {
        File.WriteAllText(_home.Combine("alerts.json"), """{ "telegram": { "api_base_url": "http://api.telegram.org" } }""");
        File.SetUnixFileMode(_home.Combine("alerts.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var result = Run("alerts", "dispatch", "--until-empty");
        Assert.Equal(5, result.ExitCode);
        Assert.Contains("plain http on a non-loopback host", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsReadableByOthers_AreRefusedWithTheChmodToFixThem()
    {
        File.WriteAllText(_home.Combine("alerts.json"), """{ "console": true }""");
        File.SetUnixFileMode(_home.Combine("alerts.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var result = Run("alerts", "dispatch", "--until-empty");
        Assert.Equal(5, result.ExitCode);
        Assert.Contains("chmod 600", result.Stderr, StringComparison.Ordinal);
    }
}
