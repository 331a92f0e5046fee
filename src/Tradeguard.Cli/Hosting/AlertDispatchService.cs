using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tradeguard.Cli.Commands.Alerts;

namespace Tradeguard.Cli.Hosting;

/// <summary>
/// Sends queued alerts while the service runs. On stop (after the runner and the bot have stopped, so no alert is
/// added any more) it flushes the outbox: sends what is due until nothing it can deliver is pending or
/// <paramref name="flushTimeout"/> passes. Alerts for channels not configured here are not waited on. What is left stays
/// in the durable outbox for the next dispatcher, and each leftover is named in a warning; nothing is lost.
/// </summary>
internal sealed class AlertDispatchService(AlertsRuntime alerts, TimeSpan flushTimeout, ILogger<AlertDispatchService> logger) : IHostedService
{
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var stranded in alerts.Dispatcher.Stranded())
        {
            logger.LogWarning("{Stranded}", stranded.Summary);
        }

        loop = Task.Run(() => alerts.Dispatcher.RunAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (loop is not null)
        {
            await loop.WaitAsync(cancellationToken); // a send in flight finishes and is recorded
        }

        DrainResult result;
        try
        {
            result = await alerts.DrainAsync(flushTimeout, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            result = alerts.Queued(); // the host's shutdown timeout came first
        }

        if (result.Flushed && result.Stranded.Count == 0)
        {
            logger.LogInformation("Alert outbox flushed: nothing pending");
        }

        foreach (var leftover in result.Leftovers())
        {
            logger.LogWarning("{Leftover}", leftover);
        }
    }
}
