using Tradeguard.TestSupport;

namespace Tradeguard.Cli.Tests.Input;

/// <summary>
/// The hidden prompt on a real terminal (a pseudo-terminal from util-linux <c>script</c>): a passphrase that breaks the
/// vault's rule is refused at the first entry, before the user is asked to type it again.
/// </summary>
public sealed class HiddenPromptTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void VaultInit_ChecksThePassphraseRule_BeforeAskingASecondTime()
    {
        var env = new Dictionary<string, string?>
        {
            ["TRADEGUARD_HOME"] = temp.Combine("home"),
            ["TRADEGUARD_VAULT"] = null,
            ["TRADEGUARD_VAULT_PASSWORD"] = null,
            ["TRADEGUARD_VAULT_KEY"] = null,
        };
        var command = $"{string.Join(' ', TradeguardCli.Command.Select(PrivateQuote))} vault init --kdf m=256,t=1,p=1";

        var result = ChildProcess.Run("script", ["-qec", command, "/dev/null"], "short\r", env, temp.Path, TimeSpan.FromSeconds(60));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("New vault passphrase:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("the vault passphrase is too short (5 characters); use at least 12", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Repeat", result.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("home/vault.tgv")));
    }

    private static string PrivateQuote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
