using Tradeguard.Core.Audit;
using Tradeguard.Core.Secrets;
using Tradeguard.TestSupport;
using Tradeguard.Vault;
using Tradeguard.Vault.Crypto;

namespace Tradeguard.Audit.Tests;

/// <summary>The real CLI as a child process against a real vault (cheap KDF) in a temp TRADEGUARD_HOME.</summary>
public sealed class AuditCliTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple";
    private static readonly VaultOptions CheapVault = new() { Kdf = new KdfParameters(256, 1, 1) };

    private readonly TempFolder _home = new();

    public AuditCliTests()
    {
        Paths = AuditPaths.InFolder(_home.Path);
        using var passphrase = Secret.FromString(Passphrase);
        using var credential = VaultCredential.Passphrase(passphrase);
        VaultStore.Create(VaultPath, credential, CheapVault).Dispose();

        // Wired as the CLI wires it: the vault audits into the log whose key it holds (1 vault.unlock, 2 vault.set).
        var deferred = new DeferredAuditLog();
        using var vault = VaultStore.Open(VaultPath, credential, CheapVault with { Audit = deferred });
        using var log = SqliteAuditLog.Open(Paths, vault);
        deferred.Attach(log);
        log.Record(new AuditEvent("operator:alice", "vault.reveal", "vault://binance/api_key", AuditOutcome.Success));
        log.Record(new AuditEvent("telegram:123456789", "telegram.command", "/kill", AuditOutcome.Denied, "not linked to an operator",
            new Dictionary<string, string> { ["chat"] = "42" }));
        log.Record(new AuditEvent("operator:bob", "identity.login", "bob", AuditOutcome.Failure, "invalid credentials"));
        log.Record(new AuditEvent("system", "engine.kill_switch", "ORCL", AuditOutcome.Success, "",
            new Dictionary<string, string> { ["drawdown"] = "0.12" }));
    }

    private AuditPaths Paths { get; }

    private string VaultPath => Path.Combine(_home.Path, "vault.tgv");

    public void Dispose() => _home.Dispose();

    [Fact]
    public void Verify_IntactLog_Exits0WithTheExtent()
    {
        var r = Cli("audit", "verify");

        Assert.Equal(0, r.ExitCode);
        // The copy beside the vault is a file, not a vault entry: closing the log wrote no "vault.set" of its own.
        Assert.Equal("audit log intact: 6 records (1-6); checkpoint file at record 6, vault checkpoint at record 6\n", r.Stdout);
    }

    [Fact]
    public void Verify_DeletedRecord_Exits4NamingIt()
    {
        Tamper("DELETE FROM audit_record WHERE seq = 2");

        var r = Cli("audit", "verify");

        Assert.Equal(4, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal("error: audit log failed verification: record 2 is missing: the sequence jumps from 1 to 3\n", r.Stderr);
    }

    [Fact]
    public void Verify_TruncatedLog_Exits4AndListsEveryProblem()
    {
        Tamper("DELETE FROM audit_record WHERE seq > 2");

        var r = Cli("audit", "verify");

        Assert.Equal(4, r.ExitCode);
        Assert.Equal(
            "also: the log ends at record 2 but the vault checkpoint records 6: the last 4 records were removed\n" +
            "error: audit log failed verification: the log ends at record 2 but the checkpoint file records 6: the last 4 records were removed\n",
            r.Stderr);
    }

    [Fact]
    public void Verify_WrongPassphrase_Exits3()
    {
        var env = Env();
        env["TRADEGUARD_VAULT_PASSWORD"] = "not the passphrase at all";

        var r = TradeguardCli.Run(["audit", "verify"], null, env);

        Assert.Equal(3, r.ExitCode);
    }

    [Fact]
    public void Show_FiltersByActorAndActionPrefix()
    {
        var r = Cli("audit", "show", "--action", "vault");

        Assert.Equal(0, r.ExitCode);
        var rows = r.Stdout.Split('\n').Where(l => l.StartsWith("│ ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["1", "2", "3"], rows.Skip(1).Select(row => row.Split('│')[1].Trim()));
        Assert.Equal(["vault.unlock", "vault.set", "vault.reveal"], rows.Skip(1).Select(row => row.Split('│')[4].Trim()));
        Assert.Contains("vault://binance/api_key", rows[3], StringComparison.Ordinal);

        var bob = Cli("audit", "show", "--actor", "operator:bob");
        Assert.Equal(0, bob.ExitCode);
        Assert.Contains("invalid credentials", bob.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("operator:alice", bob.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("1 record(s). Run 'tradeguard audit verify' to prove they are intact.\n", bob.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_SinceInTheFuture_FindsNothing_BadSince_Exits2()
    {
        var none = Cli("audit", "show", "--since", "2999-01-01");
        Assert.Equal(0, none.ExitCode);
        Assert.Equal($"No audit records match in {Paths.Database}.\n", none.Stdout);

        var bad = Cli("audit", "show", "--since", "yesterday");
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("error: --since 'yesterday' is neither an ISO 8601 date or time (2026-11-29, 2026-11-29T19:00:00Z) nor an age (30m, 12h, 7d).\n", bad.Stderr);
    }

    [Fact]
    public void Export_Jsonl_WritesOneObjectPerRecordWithItsMac()
    {
        var r = Cli("audit", "export", "--jsonl", "--actor", "telegram:123456789");

        Assert.Equal(0, r.ExitCode);
        var mac = Convert.ToHexStringLower(AuditReader.Read(Paths.Database, AuditQuery.All).Single(x => x.Sequence == 4).Mac);
        Assert.Matches(
            "^\\{\"seq\":4,\"time\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z\",\"actor\":\"telegram:123456789\"," +
            "\"action\":\"telegram.command\",\"target\":\"/kill\",\"outcome\":\"denied\",\"reason\":\"not linked to an operator\"," +
            $"\"details\":\\{{\"chat\":\"42\"\\}},\"mac\":\"{mac}\"\\}}\n$",
            r.Stdout);
    }

    [Fact]
    public void Export_ToFile_IsOwnerOnly_AndNeverOverwrites()
    {
        var file = Path.Combine(_home.Path, "out.jsonl");

        var r = Cli("audit", "export", "--jsonl", "--output", file);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(6, File.ReadAllLines(file).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var again = Cli("audit", "export", "--jsonl", "--output", file);
        Assert.Equal(2, again.ExitCode);
    }

    [Fact]
    public void Export_WithoutFormat_Exits2()
    {
        var r = Cli("audit", "export");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: Choose the export format: --jsonl.\n", r.Stderr);
    }

    private Dictionary<string, string?> Env() => new()
    {
        ["TRADEGUARD_HOME"] = _home.Path,
        ["TRADEGUARD_VAULT"] = null,
        ["TRADEGUARD_VAULT_KEY"] = null,
        ["TRADEGUARD_VAULT_PASSWORD"] = Passphrase,
    };

    private ProcessResult Cli(params string[] args) => TradeguardCli.Run(args, null, Env());

    private void Tamper(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Paths.Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER audit_record_no_delete; " + sql;
        command.ExecuteNonQuery();
    }
}
