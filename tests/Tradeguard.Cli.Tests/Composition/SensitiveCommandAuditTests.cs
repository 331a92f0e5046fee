using System.Text.Json;
using Tradeguard.Telegram.Linking;
using Tradeguard.TestSupport;

namespace Tradeguard.Cli.Tests.Composition;

/// <summary>
/// Commands that create the vault, add a way into it, hand secrets to a program, or decide who may command the bot
/// leave a record in the installation's chained log (actor, action, target, outcome) — and never a secret.
/// </summary>
public sealed class SensitiveCommandAuditTests : IDisposable
{
    private const string ApiSecret = "Zq7-exec-secret-never-in-audit-9921";
    private const string AdminPassword = "Ledger!Canyon7Harbor";

    private readonly InstallationHome _home = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _home.Dispose();
    }

    [Fact]
    public void VaultInit_AddKeyFile_AndExec_AreAudited_WithVariableNamesOnly()
    {
        _home.InitVault();
        Assert.Equal(0, Cli(ApiSecret + "\n", "vault", "set", "binance", "api_secret").ExitCode);
        var keyFile = _home.Combine("service.key");
        Assert.Equal(0, Cli(null, "vault", "add-key-file", keyFile).ExitCode);
        var exec = Cli(null, "exec", "--env", "BINANCE_SECRET=vault://binance/api_secret", "--",
            "/bin/sh", "-c", "test \"$BINANCE_SECRET\" = '" + ApiSecret + "'");
        Assert.True(exec.ExitCode == 0, exec.Stderr);

        var records = Export();
        var user = "local:" + Environment.UserName;
        var init = Single(records, "vault.init");
        Assert.Equal((user, _home.Combine("vault.tgv"), "success"), (init.Actor, init.Target, init.Outcome));
        Assert.Equal("passphrase", init.Details["slots"]);
        Assert.Equal("key", Single(records, "vault.slot_add").Details["slot"]);
        var started = Single(records, "vault.exec");
        Assert.Equal((user, "/bin/sh", "success", "BINANCE_SECRET"), (started.Actor, started.Target, started.Outcome, started.Details["variables"]));
        Assert.Equal(0, Cli(null, "audit", "verify").ExitCode);
        AssertNoSecret(File.ReadAllText(keyFile).Trim());
    }

    [Fact]
    public void VaultRecover_RestoringTheBackup_IsAudited_AndTheChainStillVerifies()
    {
        _home.InitVault();
        Assert.Equal(0, Cli(ApiSecret + "\n", "vault", "set", "binance", "api_secret").ExitCode);
        Assert.Equal(0, Cli("second-value\n", "vault", "set", "binance", "api_key").ExitCode);
        var vault = _home.Combine("vault.tgv");
        var bytes = File.ReadAllBytes(vault);
        bytes[20] ^= 0x01; // inside the authenticated header: the whole file must come back from vault.tgv.bak
        File.WriteAllBytes(vault, bytes);

        var recover = Cli(null, "vault", "recover");

        Assert.True(recover.ExitCode == 0, recover.Stderr);
        Assert.StartsWith($"Restored {vault} from its backup", recover.Stdout);
        var record = Single(Export(), "vault.recover");
        Assert.Equal(("local:" + Environment.UserName, vault, "success", "restored backup"),
            (record.Actor, record.Target, record.Outcome, record.Details["action"]));
        var verify = Cli(null, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        AssertNoSecret("second-value");
    }

    [Fact]
    public void TelegramLink_IssuesASingleUseCode_AndLinkAndUnlinkAreAudited_WithoutTheCode()
    {
        _home.InitVault();
        Assert.Equal(0, Cli(AdminPassword + "\n", "user", "add", "root", "--role", "admin").ExitCode);

        var unknown = Cli(null, "telegram", "link", "ghost");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no operator account 'ghost'", unknown.Stderr);

        var link = Cli(AdminPassword + "\n", "telegram", "link", "root");
        Assert.Equal(0, link.ExitCode);
        var code = link.Stdout.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("/link ", StringComparison.Ordinal))[6..];
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", code);
        var store = TelegramStore.Open(_home.Combine("telegram.db"));
        Assert.Equal("root", store.RedeemLinkCode(code, 100000001));
        Assert.Null(store.RedeemLinkCode(code, 200000002));
        Assert.Equal(2, Cli(null, "telegram", "link", "not a name").ExitCode);
        Assert.Equal("100000001\troot\n", Cli(null, "telegram", "links").Stdout);

        Assert.Equal((0, "Unlinked Telegram user 100000001 (was root)."), Trimmed(Cli(null, "telegram", "unlink", "100000001")));
        Assert.Equal(5, Cli(null, "telegram", "unlink", "100000001").ExitCode);
        Assert.Equal("", Cli(null, "telegram", "links").Stdout);

        var records = Export();
        var issued = records.Where(r => r.Action == "telegram.link_code").ToList();
        Assert.Equal([("ghost", "denied", "no such operator account"), ("root", "success", "")],
            issued.Select(r => (r.Target, r.Outcome, r.Reason)).ToList());
        Assert.Equal("600", issued[1].Details["expires_in_s"]);
        var unlinks = records.Where(r => r.Action == "telegram.unlink").ToList();
        Assert.Equal([("telegram:100000001", "success", ""), ("telegram:100000001", "failure", "no such link")],
            unlinks.Select(r => (r.Target, r.Outcome, r.Reason)).ToList());
        Assert.Equal("root", unlinks[0].Details["operator"]);
        Assert.Equal(0, Cli(null, "audit", "verify").ExitCode);
        AssertNoSecret(code);
        AssertNoSecret(code.Replace("-", "", StringComparison.Ordinal));
    }

    [Fact]
    public void TelegramLink_WithoutTheVault_IsRefusedRatherThanLeftUnrecorded()
    {
        var result = Cli(null, "telegram", "link", "root");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("no vault at", result.Stderr);
        Assert.False(File.Exists(_home.Combine("telegram.db")));
    }

    private sealed record Row(string Actor, string Action, string Target, string Outcome, string Reason, Dictionary<string, string> Details);

    private List<Row> Export()
    {
        var export = Cli(null, "audit", "export", "--jsonl");
        Assert.Equal(0, export.ExitCode);
        return export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var json = JsonDocument.Parse(line).RootElement;
            return new Row(json.GetProperty("actor").GetString()!, json.GetProperty("action").GetString()!,
                json.GetProperty("target").GetString()!, json.GetProperty("outcome").GetString()!, json.GetProperty("reason").GetString()!,
                json.GetProperty("details").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
        }).ToList();
    }

    private static Row Single(List<Row> records, string action) => Assert.Single(records, r => r.Action == action);

    private void AssertNoSecret(string secret)
    {
        var everything = Cli(null, "audit", "export", "--jsonl").Stdout + Cli(null, "audit", "show").Stdout;
        Assert.DoesNotContain(secret, everything);
        Assert.DoesNotContain(ApiSecret, everything);
        Assert.DoesNotContain(ApiSecret[..12], everything);
        Assert.DoesNotContain(AdminPassword, everything);
        Assert.DoesNotContain(InstallationHome.VaultPassword, everything);
    }

    private static (int, string) Trimmed(ProcessResult result) => (result.ExitCode, result.Stdout.Trim());

    private ProcessResult Cli(string? stdin, params string[] args) => _home.Run(stdin, args);
}
