using Tradeguard.TestSupport;

namespace Tradeguard.Cli.Tests;

/// <summary>A Tradeguard home in a temp folder, and the real CLI run against it with cheap KDF and hashing costs.</summary>
internal sealed class InstallationHome : IDisposable
{
    public const string VaultPassword = "vault-pass-for-composition-tests";

    private readonly TempFolder _folder = new();

    public string Path => _folder.Path;

    public string Combine(string name) => _folder.Combine(name);

    /// <summary>Creates the vault with a cheap Argon2id cost.</summary>
    public void InitVault() => Assert.Equal(0, Run(null, ["vault", "init", "--kdf", "m=8192,t=1,p=1"]).ExitCode);

    /// <summary>Writes a settings file readable by the owner only, as Tradeguard demands.</summary>
    public void WritePrivate(string name, string text)
    {
        File.WriteAllText(Combine(name), text);
        File.SetUnixFileMode(Combine(name), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public ProcessResult Run(string? stdin, string[] args, bool withVaultPassword = true, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? env = null) =>
        TradeguardCli.Run(args, stdin, new Dictionary<string, string?>(env ?? new Dictionary<string, string?>())
        {
            ["TRADEGUARD_HOME"] = _folder.Path,
            ["TRADEGUARD_VAULT"] = null,
            ["TRADEGUARD_VAULT_KEY"] = null,
            ["TRADEGUARD_VAULT_PASSWORD"] = withVaultPassword ? VaultPassword : null,
            ["TRADEGUARD_SESSION"] = env?.GetValueOrDefault("TRADEGUARD_SESSION"),
            ["TRADEGUARD_PASSWORD"] = env?.GetValueOrDefault("TRADEGUARD_PASSWORD"),
            ["TRADEGUARD__Identity__PasswordPolicy"] = null,
            ["TRADEGUARD__Identity__Argon2MemoryKiB"] = "256",
            ["TRADEGUARD__Identity__Argon2Iterations"] = "1",
        }, workingDirectory, TimeSpan.FromSeconds(120));

    public void Dispose() => _folder.Dispose();
}
