using Tradeguard.TestSupport;

namespace Tradeguard.Vault.Tests;

/// <summary>
/// Runs every vault command through the real CLI, collects all stdout and stderr (except the one output that is meant
/// to show a value: <c>get --reveal</c>) and every file left beside the vault, and searches them for every stored secret.
/// </summary>
public sealed class NoSecretLeakTests
{
    [Fact]
    public void NoStoredSecret_AppearsInAnyCommandOutput_OrStrayFile()
    {
        using var home = new TempFolder();
        var secrets = new Dictionary<string, string>
        {
            ["binance/api_key"] = "leakcheck-AKIA0123456789ABCDEF",
            ["binance/api_secret"] = "leakcheck-secret-9f8e7d6c5b4a",
            ["telegram/token"] = "123456789:AAleakcheckTOKEN_abcdefghijklmnopqr",
            ["db/password"] = "leak-pw-1234",
        };
        const string passphrase = "leak check vault passphrase";
        const string newPassphrase = "leak check vault passphrase two";
        var env = new Dictionary<string, string?>
        {
            ["TRADEGUARD_HOME"] = home.Path,
            ["TRADEGUARD_VAULT"] = null,
            ["TRADEGUARD_VAULT_KEY"] = null,
            ["TRADEGUARD_VAULT_PASSWORD"] = passphrase,
        };
        var output = new System.Text.StringBuilder();
        ProcessResult Run(string? stdin, params string[] args)
        {
            var r = TradeguardCli.Run(args, stdin, env);
            output.Append(r.Stdout).Append(r.Stderr);
            return r;
        }

        Assert.Equal(0, Run(null, "vault", "init", "--kdf", TestVaults.CheapKdfFlag).ExitCode);
        foreach (var (name, value) in secrets.Where(s => s.Key != "db/password"))
        {
            var parts = name.Split('/');
            Assert.Equal(0, Run(value + "\n", "vault", "set", parts[0], parts[1]).ExitCode);
        }

        var dotenv = Path.Combine(home.Path, "bot.env");
        File.WriteAllText(dotenv, $"DB_PASSWORD={secrets["db/password"]}\n");
        Assert.Equal(0, Run(null, "vault", "import", dotenv, "--item", "db", "--delete").ExitCode);
        Assert.False(File.Exists(dotenv));

        Assert.Equal(0, Run(null, "vault", "list").ExitCode);
        Assert.Equal(0, Run(null, "vault", "get", "binance", "api_key").ExitCode);
        Assert.Equal(0, Run(null, "vault", "get", "db", "DB_PASSWORD").ExitCode);
        Assert.Equal(3, TradeguardCli.Run(["vault", "get", "binance", "api_key"], null,
            new Dictionary<string, string?>(env) { ["TRADEGUARD_VAULT_PASSWORD"] = "definitely wrong" }).Let(r => output.Append(r.AllOutput)).ExitCode);
        Assert.Equal(0, Run(null, "vault", "check").ExitCode);
        Assert.Equal(0, Run(null, "exec", "--env", "K=vault://binance/api_secret", "--", "sh", "-c", "test -n \"$K\"").ExitCode);
        Assert.Equal(0, TradeguardCli.Run(["vault", "passwd", "--kdf", TestVaults.CheapKdfFlag], null,
            new Dictionary<string, string?>(env) { ["TRADEGUARD_VAULT_NEW_PASSWORD"] = newPassphrase }).Let(r => output.Append(r.AllOutput)).ExitCode);
        env["TRADEGUARD_VAULT_PASSWORD"] = newPassphrase;
        Assert.Equal(0, Run(null, "vault", "rotate", "--kdf", TestVaults.CheapKdfFlag).ExitCode);
        Assert.Equal(0, Run(null, "vault", "recover").ExitCode);
        Assert.Equal(0, Run(null, "vault", "rm", "binance", "api_secret").ExitCode);
        Assert.Equal(5, Run(null, "vault", "get", "binance", "api_secret").ExitCode);

        var reveal = TradeguardCli.Run(["vault", "get", "db", "DB_PASSWORD", "--reveal"], null, env);
        Assert.Equal(secrets["db/password"] + "\n", reveal.Stdout);
        output.Append(reveal.Stderr);

        var text = output.ToString();
        Assert.Contains("vault://binance/api_key", text, StringComparison.Ordinal);
        foreach (var (name, value) in secrets)
        {
            Assert.False(text.Contains(value, StringComparison.Ordinal), $"{name} appeared in command output");
            Assert.False(text.Contains(value[..8], StringComparison.Ordinal) && value.Length > 12 && text.Contains(value[^8..], StringComparison.Ordinal),
                $"{name}'s ends appeared in command output");
        }

        foreach (var file in Directory.GetFiles(home.Path))
        {
            var content = File.ReadAllText(file);
            foreach (var (name, value) in secrets)
            {
                Assert.False(content.Contains(value, StringComparison.Ordinal), $"{name} appeared in clear in {Path.GetFileName(file)}");
            }
        }

        Assert.DoesNotContain(Directory.GetFiles(home.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }
}

internal static class ResultExtensions
{
    public static ProcessResult Let(this ProcessResult result, Action<ProcessResult> action)
    {
        action(result);
        return result;
    }
}
