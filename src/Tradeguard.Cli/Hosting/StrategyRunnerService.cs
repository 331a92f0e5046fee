using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tradeguard.Exchange.Runner;

namespace Tradeguard.Cli.Hosting;

/// <summary>
/// Runs the strategy on the exchange for the host's lifetime. Registered last, so it is stopped first: on SIGTERM its
/// token fires, the runner finishes its current step and sends no new order, then the other services stop.
/// A runner that ends by itself (bar limit, exchange failure) stops the host; a failure becomes the service's exit code.
/// </summary>
internal sealed class StrategyRunnerService(ExchangeStrategyRunner runner, ServiceOutcome outcome, IHostApplicationLifetime lifetime,
    ILogger<StrategyRunnerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await runner.RunAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            outcome.Fail(e);
            logger.LogError("The strategy runner failed: {Message}", e.Message);
        }
        finally
        {
            outcome.RunnerStoppedAt = DateTimeOffset.UtcNow;
            lifetime.StopApplication();
        }
    }
}
