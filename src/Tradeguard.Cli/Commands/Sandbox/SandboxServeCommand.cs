using System.CommandLine;
using Microsoft.Extensions.Logging;
using Tradeguard.Cli.Commands.Exchange;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Core.Errors;
using Tradeguard.Exchange.Models;
using Tradeguard.Exchange.Sandbox;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Cli.Composition;
using Tradeguard.Cli.Hosting;

namespace Tradeguard.Cli.Commands.Sandbox;

/// <summary><c>sandbox serve</c>: runs the local exchange until SIGTERM or Ctrl+C.</summary>
internal static class SandboxServeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Bar file (CSV, Yahoo layout or others the loader reads)", Required = true };
        var symbol = new Option<string?>("--symbol") { Description = "Symbol and base asset (default: from the file name)" };
        var interval = new Option<string>("--interval")
        {
            Description = "Candle interval of the bars, the one /api/v3/klines serves (1m … 1M)", DefaultValueFactory = _ => "1d",
        };
        var speed = new Option<double>("--speed") { Description = "Bars replayed per second", DefaultValueFactory = _ => 1 };
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 8765 };
        var cash = new Option<decimal>("--cash") { Description = "Starting quote balance", DefaultValueFactory = _ => 10_000m };
        var quote = new Option<string>("--quote") { Description = "Quote asset", DefaultValueFactory = _ => "USD" };
        var commission = new Option<decimal>("--commission") { Description = "Commission as a fraction of notional (0.001 = 0.1 %)", DefaultValueFactory = _ => 0m };
        var from = new Option<DateTime?>("--from") { Description = "First bar date kept" };
        var to = new Option<DateTime?>("--to") { Description = "Last bar date kept" };
        var verbose = new Option<bool>("--verbose") { Description = "Log every request (method, path, masked key, result)" };
        var startNow = new Option<bool>("--start-now")
        {
            Description = "Replay from launch; by default the first bar closes when a client first asks for candles (a runner started), so none is lost",
        };
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command("serve",
            "Serve the Binance Spot REST subset on 127.0.0.1 over real bars, with the keys made by 'sandbox keys create'. Stops on SIGTERM or Ctrl+C.")
        {
            data, symbol, interval, speed, port, cash, quote, commission, from, to, verbose, startNow, vaultOption, keyFile,
        };
        command.SetAction(parseResult =>
        {
            var barsPerSecond = parseResult.GetValue(speed);
            if (barsPerSecond is <= 0 or > 10_000)
            {
                throw new TradeguardException(ExitCode.Usage, "--speed must be above 0 and at most 10000 bars per second");
            }

            var candles = KlineInterval.TryParse(parseResult.GetValue(interval), out var parsed) ? parsed
                : throw new TradeguardException(ExitCode.Usage, $"--interval \"{parseResult.GetValue(interval)}\" is not a candle interval: use one of {string.Join(", ", KlineInterval.Names)}");
            var bars = CsvBarLoader.Load(parseResult.GetValue(data)!, new BarLoadOptions
            {
                Symbol = parseResult.GetValue(symbol),
                From = parseResult.GetValue(from),
                To = parseResult.GetValue(to),
            });
            SandboxKeyring keys;
            using (var installation = Installation.Open(parseResult.GetValue(vaultOption), parseResult.GetValue(keyFile)))
            {
                var vault = installation.Vault;
                keys = SandboxKeyring.Load(vault);
            }

            var market = new ReplayMarket(bars, parseResult.GetValue(quote)!, parseResult.GetValue(cash),
                new CommissionModel.PercentOfNotional(parseResult.GetValue(commission)), SlippageModel.None);
            var log = new ConsoleLog(parseResult.GetValue(verbose) ? LogLevel.Debug : LogLevel.Information);
            using var shutdown = new ShutdownSignal();
            return Serve(market, keys, candles, parseResult.GetValue(port), barsPerSecond, parseResult.GetValue(startNow), log, shutdown.Token).GetAwaiter().GetResult();
        });
        return command;
    }

    // Long enough for the replay loop to close its first bar, short enough that a client never waits noticeably.
    private static readonly TimeSpan FirstBarWait = TimeSpan.FromSeconds(5);

    private static async Task<int> Serve(ReplayMarket market, SandboxKeyring keys, KlineInterval interval, int port, double speed, bool startNow, ILogger log, CancellationToken stop)
    {
        await using var server = await PortInUse.Guard("127.0.0.1", port, "stop the other process (another sandbox?) or pass --port N",
            () => SandboxServer.StartAsync(market, keys, new SandboxOptions { Port = port, Interval = interval, FirstBarWait = startNow ? null : FirstBarWait }, log, stop));
        Console.WriteLine($"Sandbox exchange on {server.BaseAddress} trading {market.Symbol}/{market.QuoteAsset}: {market.BarCount} bars at {speed} per second. " +
            $"Keys: {string.Join(", ", keys.Keys)}. Stop with Ctrl+C or SIGTERM.");
        if (!startNow)
        {
            Console.WriteLine("Waiting for the first client to ask for the market (a runner's candles, or a bot's price or order through the gateway); the replay starts then.");
            try
            {
                await market.FirstClientRequest.WaitAsync(stop);
                Console.WriteLine("A client asked for the market: replaying.");
            }
            catch (OperationCanceledException)
            {
            }
        }

        await market.ReplayAsync(speed, cancellationToken: stop);
        if (!stop.IsCancellationRequested)
        {
            Console.WriteLine("Replay finished; still serving account, orders and trades until stopped.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await server.StopAsync(CancellationToken.None);
        Console.WriteLine("Sandbox stopped.");
        return 0;
    }
}
