using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tradeguard.Cli.Composition;
using Tradeguard.Core.Audit;

namespace Tradeguard.Cli.Hosting;

/// <summary>
/// Audits the service's start and stop. Registered first, so it stops last: after the runner, the bot and the alert
/// flush have written their records, it records the stop and moves both audit checkpoints (file and vault) to the last
/// record, so <c>audit verify</c> can tell a later truncation apart.
/// </summary>
internal sealed class AuditService(Installation installation, string run, string mode, ILogger<AuditService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Record("service.start");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Record("service.stop");
        if (installation.CheckpointAudit())
        {
            logger.LogInformation("Audit checkpoint written");
        }
        return Task.CompletedTask;
    }

    private void Record(string action) =>
        installation.Audit.Record(new AuditEvent("service", action, run, AuditOutcome.Success, "",
            new Dictionary<string, string> { ["mode"] = mode, ["pid"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
}
