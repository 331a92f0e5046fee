using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Tradeguard.TestSupport;

namespace Tradeguard.Vault.Tests;

/// <summary>One vault for all exec tests, written in-process (the CLI under test is exec, not set).</summary>
public sealed class ExecVaultFixture : IDisposable
{
    public ExecVaultFixture()
    {
        using var vault = TestVaults.Create(Path.Combine(Home.Path, "vault.tgv"));
        vault.Set("exchange", "pem", ExecTests.Pem);
        vault.Set("exchange", "json", ExecTests.Json);
    }

    public TempFolder Home { get; } = new();

    public void Dispose() => Home.Dispose();
}

/// <summary><c>tradeguard exec</c> through the real CLI: values byte for byte, exit codes, signals, nothing leaked.</summary>
public sealed class ExecTests(ExecVaultFixture fixture) : IClassFixture<ExecVaultFixture>
{
    internal const string Pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----";
    internal const string Json = "{\"apiKey\": \"k-123456789\",\n \"note\": \"line\\nbreak\"}\n";
    private readonly TempFolder _home = fixture.Home;

    private Dictionary<string, string?> Env() => TestVaults.CliEnvironment(_home.Path);

    private ProcessResult Cli(string? stdin, params string[] args) => TradeguardCli.Run(args, stdin, Env());

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void MultiLinePemAndJsonWithNewlines_ArriveInTheChildByteForByte()
    {
        var result = Cli(null, "exec", "--env", "PEM_KEY=vault://exchange/pem", "--env", "CONFIG_JSON=vault://exchange/json", "--",
            "sh", "-c", "printf %s \"$PEM_KEY\" | sha256sum; printf %s \"$CONFIG_JSON\" | sha256sum");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"{Sha256(Pem)}  -\n{Sha256(Json)}  -\n", result.Stdout);
    }

    [Fact]
    public void ChildExitCode_IsReturned()
    {
        Assert.Equal(42, Cli(null, "exec", "--env", "K=vault://exchange/pem", "--", "sh", "-c", "exit 42").ExitCode);
    }

    [Fact]
    public void ChildKilledBySigterm_Yields143()
    {
        Assert.Equal(143, Cli(null, "exec", "--", "sh", "-c", "kill -TERM $$").ExitCode);
    }

    [Fact]
    public void UnlockVariables_AreRemovedFromTheChildsEnvironment()
    {
        var result = Cli(null, "exec", "--env", "K=vault://exchange/pem", "--", "sh", "-c", "env");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("TRADEGUARD_VAULT_PASSWORD", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(TestVaults.Passphrase, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("K=-----BEGIN PRIVATE KEY-----", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingReference_IsExit5_AndStartsNothing()
    {
        var marker = _home.Combine($"started-{Guid.NewGuid():N}");
        var result = Cli(null, "exec", "--env", "K=vault://nope/missing", "--", "touch", marker);
        Assert.Equal(5, result.ExitCode);
        Assert.Contains("vault://nope/missing", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void LiteralValueOnTheCommandLine_IsRefusedWithExit2()
    {
        var result = Cli(null, "exec", "--env", "K=plain-secret-value", "--", "true");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("must be a vault://item/field reference", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvFile_MapsReferencesAndLiterals_AndMustBePrivate()
    {
        var mapping = _home.Combine($"exec-{Guid.NewGuid():N}.env");
        File.WriteAllText(mapping, "# mapping\nexport PEM_KEY=vault://exchange/pem\nMODE=paper\n");
        File.SetUnixFileMode(mapping, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var result = Cli(null, "exec", "--env-file", mapping, "--", "sh", "-c", "printf '%s|%s' \"$MODE\" \"$(printf %s \"$PEM_KEY\" | sha256sum)\"");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"paper|{Sha256(Pem)}  -", result.Stdout);

        File.SetUnixFileMode(mapping, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var exposed = Cli(null, "exec", "--env-file", mapping, "--", "true");
        Assert.Equal(5, exposed.ExitCode);
        Assert.Contains("chmod 600", exposed.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_IsForwardedToTheChild_AndSecretsAreNotInTheParentsArgvOrEnvironment()
    {
        var info = TradeguardCli.StartInfo(["exec", "--env", "PEM_KEY=vault://exchange/pem", "--", "sh", "-c",
            "trap 'echo got-term; exit 7' TERM; echo ready; while :; do sleep 0.05; done"], redirectStdin: true);

        foreach (var (k, v) in Env())
        {
            if (v is null)
            {
                info.Environment.Remove(k);
            }
            else
            {
                info.Environment[k] = v;
            }
        }

        using var parent = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        Assert.Equal("ready", await parent.StandardOutput.ReadLineAsync(timeout.Token));

        var cmdline = await File.ReadAllTextAsync($"/proc/{parent.Id}/cmdline", timeout.Token);
        var environ = await File.ReadAllTextAsync($"/proc/{parent.Id}/environ", timeout.Token);
        Assert.DoesNotContain("BEGIN PRIVATE KEY", cmdline, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN PRIVATE KEY", environ, StringComparison.Ordinal);

        using (var kill = Process.Start("kill", ["-TERM", parent.Id.ToString()]))
        {
            await kill.WaitForExitAsync(timeout.Token);
        }

        var rest = await parent.StandardOutput.ReadToEndAsync(timeout.Token);
        await parent.WaitForExitAsync(timeout.Token);
        Assert.Equal("got-term\n", rest);
        Assert.Equal(7, parent.ExitCode);
    }
}
