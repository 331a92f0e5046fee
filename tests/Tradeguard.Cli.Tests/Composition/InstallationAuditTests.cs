using Tradeguard.TestSupport;

namespace Tradeguard.Cli.Tests.Composition;

/// <summary>
/// The CLI composes one installation per command (vault → audit log → security alerts), so every module's command
/// writes its events into the same chained log.
/// </summary>
public sealed class InstallationAuditTests : IDisposable
{
    private const string VaultPassword = "vault-pass-for-composition-tests";
    private const string ApiSecret = "Zq7-api-secret-value-never-in-audit-4711";
    private const string AdminPassword = "Ledger!Canyon7Harbor";

    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void VaultIdentityAndFailedLogin_AreAuditedInOneVerifiableChain_WithoutSecrets()
    {
        Assert.Equal(0, Cli(null, "vault", "init", "--kdf", "m=8192,t=1,p=1").ExitCode);
        Assert.Equal(0, Cli(ApiSecret + "\n", "vault", "set", "binance", "api_secret").ExitCode);
        var reveal = Cli(null, "vault", "get", "binance", "api_secret", "--reveal");
        Assert.Equal(ApiSecret + "\n", reveal.Stdout);
        Assert.Equal(0, Cli(AdminPassword + "\n", "user", "add", "root", "--role", "admin").ExitCode);
        var failed = Cli("wrong-password\n", "login", "root");
        Assert.Equal(3, failed.ExitCode);

        var show = Cli(null, "audit", "show");
        Assert.Equal(0, show.ExitCode);
        foreach (var action in new[] { "vault.set", "vault.reveal", "identity.user.add", "identity.login" })
        {
            Assert.Contains(action, show.Stdout);
        }

        var verify = Cli(null, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);

        var export = Cli(null, "audit", "export", "--jsonl");
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("\"identity.login\"", export.Stdout);
        Assert.DoesNotContain(ApiSecret, export.Stdout);
        Assert.DoesNotContain(ApiSecret[..12], export.Stdout);
        Assert.DoesNotContain(AdminPassword, export.Stdout);
        Assert.DoesNotContain(VaultPassword, export.Stdout);

        // The reveal and the failed login are security events: they wait in the outbox as alerts.
        var alerts = Cli(null, "alerts", "list");
        Assert.Equal(0, alerts.ExitCode);
        Assert.Contains("Vault secret revealed", alerts.Stdout);
        Assert.Contains("Failed login", alerts.Stdout);
    }

    [Fact]
    public void FailedLogin_WithoutAnUnlockableVault_WarnsThatItWasNotRecorded()
    {
        Assert.Equal(0, Cli(null, "vault", "init", "--kdf", "m=8192,t=1,p=1").ExitCode);
        Assert.Equal(0, Cli(AdminPassword + "\n", "user", "add", "root", "--role", "admin").ExitCode);

        var failed = Cli("wrong-password\n", ["login", "root"], withVaultPassword: false);

        Assert.Equal(3, failed.ExitCode);
        Assert.Contains("audit event(s) not recorded", failed.Stderr);
    }

    private ProcessResult Cli(string? stdin, params string[] args) => Cli(stdin, args, withVaultPassword: true);

    private ProcessResult Cli(string? stdin, string[] args, bool withVaultPassword) => TradeguardCli.Run(args, stdin, new Dictionary<string, string?>
    {
        ["TRADEGUARD_HOME"] = _home.Path,
        ["TRADEGUARD_VAULT"] = null,
        ["TRADEGUARD_VAULT_KEY"] = null,
        ["TRADEGUARD_VAULT_PASSWORD"] = withVaultPassword ? VaultPassword : null,
        ["TRADEGUARD_SESSION"] = null,
        ["TRADEGUARD__Identity__PasswordPolicy"] = null,
        ["TRADEGUARD__Identity__Argon2MemoryKiB"] = "256",
        ["TRADEGUARD__Identity__Argon2Iterations"] = "1",
    });
}
