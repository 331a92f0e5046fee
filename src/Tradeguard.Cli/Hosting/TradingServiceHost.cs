using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Tradeguard.Cli.Commands.Alerts;
using Tradeguard.Cli.Composition;
using Tradeguard.Exchange.Runner;
using Tradeguard.Telegram.Bot;

namespace Tradeguard.Cli.Hosting;

/// <summary>
/// The Generic Host of <c>tradeguard exchange serve</c>. Hosted services start in registration order and stop in
/// reverse, which gives the shutdown order on SIGTERM or Ctrl+C: the strategy runner stops (no new orders), then the
/// Telegram bot, then the alert outbox is flushed (bounded), then the audit stop record and checkpoint are written.
/// </summary>
internal static class TradingServiceHost
{
    /// <summary>What the host runs; built and pre-flighted by the command.</summary>
    public sealed record Parts(Installation Installation, AlertsRuntime Alerts, ExchangeStrategyRunner Runner, UpdatePoller? Bot,
        string RunName, string Mode, TimeSpan ShutdownTimeout, LogLevel LogLevel);

    /// <summary>Runs until SIGTERM, Ctrl+C or the runner's end; returns 0, or rethrows the runner's failure after a clean shutdown.</summary>
    public static async Task<int> RunAsync(Parts parts)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(parts.LogLevel);
        builder.Logging.AddProvider(new RedactingLoggerProvider(parts.LogLevel));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = parts.ShutdownTimeout);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddSingleton<IHostLifetime, ConsoleLifetime>();
        var outcome = new ServiceOutcome();
        builder.Services.AddSingleton(outcome);
        builder.Services.AddSingleton(parts.Runner);

        // Registration order = start order; stop order is the reverse (HostOptions.ServicesStopConcurrently is false).
        builder.Services.AddHostedService(sp => new AuditService(parts.Installation, parts.RunName, parts.Mode, outcome, sp.GetRequiredService<ILogger<AuditService>>()));
        builder.Services.AddHostedService(sp => new AlertDispatchService(parts.Alerts, parts.ShutdownTimeout / 2, sp.GetRequiredService<ILogger<AlertDispatchService>>()));
        if (parts.Bot is { } bot)
        {
            builder.Services.AddHostedService(sp => new TelegramBotService(bot, sp.GetRequiredService<ILogger<TelegramBotService>>()));
        }

        builder.Services.AddHostedService<StrategyRunnerService>();
        using var host = builder.Build();
        await host.RunAsync();
        outcome.ThrowIfFailed();
        return 0;
    }
}
