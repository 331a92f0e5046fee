using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Cli.Commands.Alerts;

namespace Tradeguard.Cli.Hosting;

/// <summary>
/// Sends queued alerts while the service runs. On stop (after the runner and the bot have stopped, so no alert is
/// added any more) it flushes the outbox: sends what is due until it is empty or <paramref name="flushTimeout"/> passes.
/// What is left stays in the durable outbox for the next dispatcher; nothing is lost.
/// </summary>
internal sealed class AlertDispatchService(AlertsRuntime alerts, TimeSpan flushTimeout, ILogger<AlertDispatchService> logger) : IHostedService
{
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
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

        bool empty;
        try
        {
            empty = await alerts.DrainAsync(flushTimeout, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            empty = false; // the host's shutdown timeout came first
        }

        var pending = alerts.Outbox.Count(OutboxState.Pending);
        if (empty)
        {
            logger.LogInformation("Alert outbox flushed: nothing pending");
        }
        else
        {
            logger.LogWarning("{Count} alerts are still queued in the outbox; 'tradeguard alerts dispatch' sends them", pending);
        }
    }
}
