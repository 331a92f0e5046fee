using Tradeguard.TestSupport;

namespace Tradeguard.Exchange.Tests.Support;

/// <summary>A fresh installation in <c>home</c> with a cheap-KDF vault and the sandbox's key pair, for running <c>sandbox serve</c> as a user would.</summary>
internal static class SandboxInstallation
{
    public static Dictionary<string, string?> Create(TempFolder home)
    {
        var env = new Dictionary<string, string?>
        {
            ["TRADEGUARD_HOME"] = home.Path,
            ["TRADEGUARD_VAULT"] = null,
            ["TRADEGUARD_VAULT_KEY"] = null,
            ["TRADEGUARD_VAULT_PASSWORD"] = "vault-pass-for-sandbox-tests",
        };
        Assert.Equal(0, TradeguardCli.Run(["vault", "init", "--kdf", "m=256,t=1,p=1"], env: env).ExitCode);
        Assert.Equal(0, TradeguardCli.Run(["sandbox", "keys", "create"], env: env).ExitCode);
        return env;
    }
}
