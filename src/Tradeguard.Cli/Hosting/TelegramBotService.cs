using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tradeguard.Telegram.Bot;

namespace Tradeguard.Cli.Hosting;

/// <summary>
/// The Telegram command bot (long polling) wired to the running strategy, only when Telegram is configured. Stopped
/// right after the runner, before the alert flush, so its last replies are flushed too. A bot failure is logged and
/// stops the bot, not the trading: the runner keeps its own limits and the operator still gets alerts.
/// </summary>
internal sealed class TelegramBotService(UpdatePoller poller, ILogger<TelegramBotService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await poller.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError("The Telegram command bot stopped: {Message}. Trading goes on; alerts stay queued in the outbox", e.Message);
        }
    }
}
