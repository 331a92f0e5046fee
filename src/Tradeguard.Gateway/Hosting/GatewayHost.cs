using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tradeguard.Gateway.Config;
using Tradeguard.Gateway.Control;
using Tradeguard.Gateway.Journal;
using Tradeguard.Gateway.Keys;
using Tradeguard.Gateway.Policy;
using Tradeguard.Gateway.Rest;
using Tradeguard.Gateway.State;
using Tradeguard.Gateway.Upstream;

namespace Tradeguard.Gateway.Hosting;

/// <summary>
/// Builds the gateway as a .NET Generic Host (a Kestrel <see cref="WebApplication"/>): the bots' REST surface on the
/// configured loopback address or Unix socket, the operator's admin socket (<see cref="AdminSocketService"/>), the
/// bots' ledgers restored from and kept in <see cref="GatewayParts.Ledger"/> (<see cref="LedgerKeeper"/>), and
/// the singletons other services use: <see cref="GatewayConfig"/>, <see cref="ControlBoard"/>,
/// <see cref="BotAuthenticator"/>, <see cref="OrderDesk"/>, <see cref="GatewayJournal"/>. Callers add their own hosted
/// services (audit, alert dispatch, Telegram, the bot channel) through <c>configure</c>; those start before Kestrel
/// listens and stop after it.
/// </summary>
/// <remarks>Kestrel's limits bound every client: body size (<see cref="GatewayConfig.MaxRequestBodyBytes"/>), header
/// size and time, idle time, slow bodies, and the connection count.</remarks>
public static class GatewayHost
{
    /// <summary>Builds the host; start it with <c>StartAsync</c> or <c>RunAsync</c>.</summary>
    /// <param name="parts">Config, keys, mode, audit and alerts.</param>
    /// <param name="configure">Adds the caller's services (hosted services start in registration order).</param>
    /// <param name="adminSocket">False to serve no admin socket (tests of the REST surface alone).</param>
    /// <exception cref="Core.Errors.TradeguardException">Exit 5 when the ledger file is damaged or open to other users.</exception>
    public static WebApplication Build(GatewayParts parts, Action<IServiceCollection>? configure = null, bool adminSocket = true)
    {
        var config = parts.Config;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(parts.LogLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        if (parts.Logging is not null)
        {
            builder.Logging.AddProvider(parts.Logging);
        }

        builder.WebHost.UseKestrel(k =>
        {
            Limit(k.Limits, parts);
            k.AddServerHeader = false;
            if (config.ListenAddress.SocketPath is { } path)
            {
                UnixSocket.PrepareFolder(path);
                k.ListenUnixSocket(path);
            }
            else
            {
                k.Listen(config.ListenAddress.EndPoint!);
            }
        });

        var board = new ControlBoard(config.BotNames, parts.Time);
        var journal = new GatewayJournal(parts.Audit, parts.Alerts, parts.Mode, parts.Time);
        var upstream = new UpstreamExchange(config.Upstream, parts.ExchangeCredentials, parts.Time, parts.UpstreamHandler);
        var authenticator = new BotAuthenticator(parts.BotKeys, parts.Time);
        var desk = new OrderDesk(config, upstream, board, journal, parts.Time);
        var carried = Restore(parts, desk, board);
        builder.Services.AddSingleton(config);
        builder.Services.AddSingleton(parts);
        builder.Services.AddSingleton(board);
        builder.Services.AddSingleton(journal);
        builder.Services.AddSingleton(upstream);
        builder.Services.AddSingleton(authenticator);
        builder.Services.AddSingleton(desk);
        if (parts.Ledger is { } ledger)
        {
            // Registered first so that it stops last, after every request that could change a ledger.
            builder.Services.AddHostedService(sp => new LedgerKeeper(ledger, config.BaseUrl, desk, board, config.BotNames, carried,
                sp.GetRequiredService<ILogger<LedgerKeeper>>()));
        }

        // After the ledger keeper, so that it stops before the keeper's last save.
        builder.Services.AddHostedService(sp => new FillWatchService(desk, config.BotNames, parts.FillCheckInterval, parts.Time,
            sp.GetRequiredService<ILogger<FillWatchService>>()));
        configure?.Invoke(builder.Services);
        if (adminSocket)
        {
            builder.Services.AddHostedService(sp => new AdminSocketService(config.AdminSocketPath, board, desk, authenticator, journal, parts,
                sp.GetRequiredService<ILogger<AdminSocketService>>()));
        }

        var app = builder.Build();
        var budget = new WeightBudget(config.WeightLimitPerMinute, config.Bots.Count, parts.Time);
        var api = new GatewayApi(authenticator, desk, upstream, budget, journal, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tradeguard.Gateway"));
        app.Run(api.HandleAsync);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (config.ListenAddress.SocketPath is { } path)
            {
                File.SetUnixFileMode(path, UnixSocket.OwnerOnly);
            }
        });
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            authenticator.Dispose();
            upstream.Dispose();
        });
        return app;
    }

    // Takes up the saved ledgers of the configured bots; returns the others' to carry through saves.
    private static IReadOnlyList<BotLedgerState> Restore(GatewayParts parts, OrderDesk desk, ControlBoard board)
    {
        if (parts.Ledger is null)
        {
            return [];
        }

        var (saved, sameUpstream) = parts.Ledger.Load(parts.Config.BaseUrl);
        if (!sameUpstream)
        {
            parts.Logging?.CreateLogger("Tradeguard.Gateway").LogWarning(
                "Ledger: {Path} was saved for another exchange address; starting with empty ledgers (the file is replaced at the first change)", parts.Ledger.Path);
            return [];
        }

        foreach (var state in saved.Where(s => parts.Config.PolicyOf(s.Bot) is not null))
        {
            desk.LedgerOf(state.Bot).Restore(state);
            if (state.Paused)
            {
                board.Pause(state.Bot, "the operator, before the restart");
            }
        }

        return [.. saved.Where(s => parts.Config.PolicyOf(s.Bot) is null)];
    }

    /// <summary>The address bots reach a started host at (its first listening address).</summary>
    public static Uri BaseAddress(WebApplication app)
    {
        var address = app.Urls.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private static void Limit(KestrelServerLimits limits, GatewayParts parts)
    {
        limits.MaxRequestBodySize = parts.Config.MaxRequestBodyBytes;
        limits.MaxRequestHeadersTotalSize = 32 * 1024;
        limits.MaxRequestHeaderCount = 64;
        limits.MaxRequestLineSize = 16 * 1024;
        limits.RequestHeadersTimeout = parts.HeadersTimeout;
        limits.KeepAliveTimeout = parts.IdleTimeout;
        limits.MaxConcurrentConnections = parts.MaxConnections;
        limits.MaxConcurrentUpgradedConnections = 0;
        limits.MinRequestBodyDataRate = new MinDataRate(240, parts.SlowBodyGrace);
    }
}
