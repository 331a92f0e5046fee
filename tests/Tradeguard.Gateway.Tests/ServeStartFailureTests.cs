using System.Net;
using System.Net.Sockets;
using Tradeguard.Exchange.Sandbox;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Config;

namespace Tradeguard.Gateway.Tests;

/// <summary>
/// <c>gateway serve</c> when it cannot start where it was told to (red-team session, 2026-12-07): a clear error with
/// exit 5 and nothing left behind, where it used to end in an internal error (exit 70) and leave a stale admin socket.
/// </summary>
public sealed class ServeStartFailureTests
{
    private const string Password = "Harbor!Lantern7Quiet";

    [Fact]
    public async Task ListenPortHeldByAnotherProgram_OrAdminSocketUnderAFile_IsExit5_AndLeavesNoSocket()
    {
        using var home = new TempFolder();
        var plan = RunConfigLoader.Load(RepoPaths.Samples("sma-cross-orcl.json"));
        var market = new ReplayMarket(plan.LoadBars(), "USD", 100_000m, plan.Engine.Commission, plan.Engine.Slippage);
        var exchangeVault = new InMemorySecretStore();
        var exchangeKey = SandboxKeyring.Create(exchangeVault, "sandbox", withdrawals: false);
        await using var sandbox = await SandboxServer.StartAsync(market, SandboxKeyring.Load(exchangeVault));
        var env = new Dictionary<string, string?> { ["TRADEGUARD_HOME"] = home.Path, ["TRADEGUARD_VAULT_PASSWORD"] = Password };
        Cli(env, null, "vault", "init", "--kdf", "m=8192,t=1,p=1");
        Cli(env, exchangeKey.ApiKey + "\n", "vault", "set", "sandbox", "api_key");
        Cli(env, exchangeKey.ApiSecret.Reveal() + "\n", "vault", "set", "sandbox", "api_secret");
        Cli(env, null, "gateway", "keys", "create", "--bot", "momentum");

        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var adminSocket = Path.Combine(home.Path, "gw", "admin.sock");
        var taken = Serve(env, home, $"\"listen\": \"127.0.0.1:{port}\", \"adminSocket\": \"{adminSocket}\"");
        Assert.True(taken.ExitCode == 5, taken.AllOutput);
        Assert.EndsWith($"error: 127.0.0.1:{port} is in use: stop the program that holds it, or set another \"listen\" in the gateway config\n", taken.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(adminSocket), "the admin socket of a gateway that never started stays behind");

        File.WriteAllText(home.Combine("not-a-folder"), "");
        var underFile = Serve(env, home, $"\"listen\": \"127.0.0.1:{port}\", \"adminSocket\": \"{Path.Combine(home.Path, "not-a-folder", "admin.sock")}\"");
        Assert.True(underFile.ExitCode == 5, underFile.AllOutput);
        Assert.Contains("not-a-folder is a file, not a folder", underFile.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", underFile.AllOutput, StringComparison.Ordinal);

        ProcessResult Serve(Dictionary<string, string?> serveEnv, TempFolder folder, string addresses)
        {
            var config = folder.Combine("gateway.json");
            File.WriteAllText(config, $$"""
                { {{addresses}}, "baseUrl": "{{sandbox.BaseAddress}}", "exchange": "sandbox",
                  "bots": [ { "name": "momentum", "symbols": ["ORCL"], "orderTypes": ["MARKET"], "maxOrderNotional": 1000,
                              "maxPosition": 50, "maxOrdersPerMinute": 30, "maxDailyLoss": 500 } ] }
                """);
            File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            return TradeguardCli.Run(["gateway", "serve", "--config", config], env: serveEnv, timeout: TimeSpan.FromSeconds(90));
        }
    }

    private static void Cli(IReadOnlyDictionary<string, string?> env, string? stdin, params string[] args)
    {
        var result = TradeguardCli.Run(args, stdin, env);
        Assert.True(result.ExitCode == 0, $"tradeguard {string.Join(' ', args)}: exit {result.ExitCode}\n{result.AllOutput}");
    }
}
