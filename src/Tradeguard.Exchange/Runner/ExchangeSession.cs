using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Client;
using Tradeguard.Exchange.Config;
using Tradeguard.Exchange.Preflight;
using Tradeguard.Exchange.Signing;
using Tradeguard.Exchange.State;
using Tradeguard.Trading.Config;
using Tradeguard.Trading.Events;

namespace Tradeguard.Exchange.Runner;

/// <summary>
/// Everything a trading run on an exchange needs, prepared in the safe order: mode resolved, run config loaded,
/// config and vault private and vault fields present (before any connection), key pair read, then clock and key permissions
/// checked against the exchange. Only then can <see cref="CreateRunner"/> be called. Dispose to zero the keys.
/// </summary>
public sealed class ExchangeSession : IDisposable
{
    private ExchangeSession(ExchangeRunConfig config, RunPlan plan, TradingMode mode, ApiCredentials credentials, BinanceSpotClient client,
        PreflightReport report, IReadOnlyList<string> warnings)
    {
        Config = config;
        Plan = plan;
        Mode = mode;
        Credentials = credentials;
        Client = client;
        Preflight = report;
        Warnings = warnings;
    }

    /// <summary>The exchange config.</summary>
    public ExchangeRunConfig Config { get; }

    /// <summary>The strategy, sizing and risk limits.</summary>
    public RunPlan Plan { get; }

    /// <summary>Paper or live.</summary>
    public TradingMode Mode { get; }

    /// <summary>The key pair (shown masked only).</summary>
    public ApiCredentials Credentials { get; }

    /// <summary>The signed client.</summary>
    public BinanceSpotClient Client { get; }

    /// <summary>What the remote checks found.</summary>
    public PreflightReport Preflight { get; }

    /// <summary>Every warning of the preparation (mode, key not IP-restricted, withdrawal key allowed).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Prepares a session; every failure is exit 5 with the fix, or exit 6 when the exchange fails.</summary>
    /// <param name="config">The exchange config.</param>
    /// <param name="store">The unlocked vault.</param>
    /// <param name="vaultPath">The vault file, checked to be private.</param>
    /// <param name="live">True when <c>--live</c> was given.</param>
    /// <param name="allowWithdrawalKeys">True when <c>--allow-withdrawal-keys</c> was given.</param>
    /// <param name="logger">Gets warnings and request lines (never secrets).</param>
    /// <param name="audit">Records pre-flight outcomes and allowed withdrawal keys.</param>
    /// <param name="cancellationToken">Cancels the remote checks.</param>
    public static async Task<ExchangeSession> PrepareAsync(ExchangeRunConfig config, ISecretStore store, string? vaultPath, bool live,
        bool allowWithdrawalKeys, ILogger? logger = null, IAuditLog? audit = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        var clientOptions = new ExchangeClientOptions { BaseAddress = config.BaseUrl, RecvWindowMs = config.RecvWindowMs, Exchange = config.Exchange };
        clientOptions.Validate();
        var (mode, modeWarning) = ModeGate.Resolve(live, config.Mode, clientOptions.IsLoopback);
        var warnings = new List<string>();
        if (modeWarning is not null)
        {
            warnings.Add(modeWarning);
            logger.LogWarning("{Warning}", modeWarning);
        }

        var plan = RunConfigLoader.Load(config.RunPath);
        if (plan.IsPortfolio)
        {
            throw ConfigError.Setting(config.RunPath, "symbols", "is for backtests only: an exchange run trades one symbol (name its bars with data)");
        }

        if (plan.Engine.ShortSelling || plan.Engine.Contract.IsFuturesLike)
        {
            // A spot account holds what it bought: it can neither sell what it lacks nor post margin.
            throw ConfigError.Setting(config.RunPath, plan.Engine.ShortSelling ? "strategy.direction" : "broker.futures",
                "is for backtests only: exchange runs trade spot, long only (leave out direction short/both and broker.futures)");
        }

        if (plan.Strategy.IsPlugin)
        {
            // Said at every start, as freqtrade does for its risky settings: the operator should know what code trades.
            var pluginWarning = $"strategy {plan.Strategy.Name} is a plugin ({plan.Strategy.Assembly}): code that runs with your user's rights; it sees only the strategy context, never the exchange key";
            warnings.Add(pluginWarning);
            logger.LogWarning("{Warning}", pluginWarning);
        }

        // The run config holds strategy parameters only, no secret or vault reference, so it may be shared.
        List<PrivatePath> files = [new(config.Path, "config")];
        if (vaultPath is not null)
        {
            files.Add(new PrivatePath(vaultPath, "vault"));
        }

        var options = new PreflightOptions { Exchange = config.Exchange, AllowWithdrawalKeys = allowWithdrawalKeys, PrivateFiles = files };
        ExchangePreflight.CheckLocal(store, options);
        var credentials = ApiCredentials.Load(store, config.Exchange);
        BinanceSpotClient? client = null;
        try
        {
            client = BinanceSpotClient.Create(credentials, clientOptions, logger);
            var report = await ExchangePreflight.CheckRemoteAsync(client, credentials.MaskedKey, options, logger, audit, cancellationToken).ConfigureAwait(false);
            warnings.AddRange(report.Warnings);
            return new ExchangeSession(config, plan, mode, credentials, client, report, warnings);
        }
        catch
        {
            client?.Dispose();
            credentials.Dispose();
            throw;
        }
    }

    /// <summary>The mode a session of <paramref name="config"/> will run in (<see cref="ModeGate.Resolve"/>), known before any connection.</summary>
    /// <param name="config">The exchange config.</param>
    /// <param name="live">True when <c>--live</c> was given.</param>
    /// <exception cref="Core.Errors.TradeguardException">Exit 5: <c>--live</c> with a paper config, or a non-loopback endpoint in paper mode.</exception>
    public static TradingMode ResolveMode(ExchangeRunConfig config, bool live) =>
        ModeGate.Resolve(live, config.Mode, new ExchangeClientOptions { BaseAddress = config.BaseUrl }.IsLoopback).Mode;

    /// <summary>Takes this run's state file in its mode's folder (<see cref="RunStateFile"/>): paper and live never share one.</summary>
    /// <param name="home">The Tradeguard home folder.</param>
    /// <exception cref="Core.Errors.TradeguardException">Exit 5 when another runner holds it.</exception>
    public RunStateFile OpenState(string home) => RunStateFile.Open(home, Mode, Config.RunName);

    /// <summary>A runner for the session's strategy, sizing, risk limits and mode.</summary>
    /// <param name="sinks">Receive every event.</param>
    /// <param name="audit">Records orders.</param>
    /// <param name="logger">Gets one line per order.</param>
    /// <param name="maxBars">Stop after this many candles; null runs until cancelled.</param>
    /// <param name="state">The run's state file from <see cref="OpenState"/>; null keeps no state.</param>
    public ExchangeStrategyRunner CreateRunner(IEnumerable<ITradingEventSink>? sinks = null, IAuditLog? audit = null, ILogger? logger = null, int? maxBars = null,
        RunStateFile? state = null) =>
        new(Client, Plan.CreateStrategy(), new ExchangeRunOptions
        {
            Symbol = Config.Symbol!,
            Interval = Config.Interval,
            Engine = Plan.Engine,
            Mode = Mode,
            StartTime = Config.StartDate is { } start ? new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds() : null,
            PollInterval = TimeSpan.FromSeconds(Config.PollSeconds),
            MaxBars = maxBars,
        }, sinks, audit, logger, state);

    /// <summary>Disposes the client and zeroes the keys.</summary>
    public void Dispose()
    {
        Client.Dispose();
        Credentials.Dispose();
    }
}
