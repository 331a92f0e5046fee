using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tradeguard.Gateway.Rest;

namespace Tradeguard.Gateway.Hosting;

/// <summary>
/// Every <c>interval</c> (<see cref="GatewayParts.FillCheckInterval"/>, default 5 s) asks the exchange about the bots'
/// working orders and resolves its orders of unknown outcome (<see cref="OrderDesk.RefreshWorkingAsync"/>): a bot that never polls its orders still has its fills
/// learnt, audited and alerted, and its position, P&amp;L and <c>maxDailyLoss</c> kept true. One <c>openOrders</c> per bot
/// and symbol per interval, plus one query per order that stopped being open.
/// </summary>
public sealed class FillWatchService(OrderDesk desk, IReadOnlyList<string> bots, TimeSpan interval, TimeProvider time, ILogger<FillWatchService> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                foreach (var bot in bots.Where(b => desk.LedgerOf(b).HasOrdersToCheck()))
                {
                    try
                    {
                        if (await desk.RefreshWorkingAsync(bot, stoppingToken).ConfigureAwait(false) is > 0 and var fills)
                        {
                            logger.LogInformation("Fills: {Count} learnt for {Bot} without it asking", fills, bot);
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // The next tick tries again; one bot's trouble must not stop the others' checks.
                        logger.LogWarning("Fills: could not check {Bot}'s working orders ({Problem})", bot, e.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
