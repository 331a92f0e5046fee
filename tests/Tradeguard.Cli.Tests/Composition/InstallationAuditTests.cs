using Tradeguard.TestSupport;

namespace Tradeguard.Cli.Tests.Composition;

/// <summary>
/// The CLI composes one installation per command (vault → audit log → security alerts), so every module's command
/// writes its events into the same chained log.
/// </summary>
public sealed class InstallationAuditTests : IDisposable
{
    private const string ApiSecret = "Zq7-api-secret-value-never-in-audit-4711";
    private const string AdminPassword = "Ledger!Canyon7Harbor";

    private readonly InstallationHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void VaultIdentityAndFailedLogin_AreAuditedInOneVerifiableChain_WithoutSecrets()
    {
        _home.InitVault();
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
        Assert.DoesNotContain(InstallationHome.VaultPassword, export.Stdout);

        // The reveal and the failed login are security events: they wait in the outbox as alerts.
        var alerts = Cli(null, "alerts", "list");
        Assert.Equal(0, alerts.ExitCode);
        Assert.Contains("Vault secret revealed", alerts.Stdout);
        Assert.Contains("Failed login", alerts.Stdout);
    }

    [Fact]
    public void FailedLogin_WithoutAnUnlockableVault_WarnsThatItWasNotRecorded()
    {
        _home.InitVault();
        Assert.Equal(0, Cli(AdminPassword + "\n", "user", "add", "root", "--role", "admin").ExitCode);

        var failed = Cli("wrong-password\n", ["login", "root"], withVaultPassword: false);

        Assert.Equal(3, failed.ExitCode);
        Assert.Contains("audit event(s) not recorded", failed.Stderr);
    }

    private ProcessResult Cli(string? stdin, params string[] args) => _home.Run(stdin, args);

    private ProcessResult Cli(string? stdin, string[] args, bool withVaultPassword) => _home.Run(stdin, args, withVaultPassword);
}
