using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tradeguard.Cli.Composition;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Redaction;

namespace Tradeguard.Cli.Hosting;

/// <summary>
/// Audits the service's start and stop. Registered first, so it stops last: after the runner, the bot and the alert
/// flush have written their records, it records the stop and moves both audit checkpoints (file and vault) to the last
/// record, so <c>audit verify</c> can tell a later truncation apart.
/// </summary>
internal sealed class AuditService(Installation installation, string run, string mode, ServiceOutcome outcome, ILogger<AuditService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Record("service.start", AuditOutcome.Success, "");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // A run that ended on a failure (exchange gone, ban) is recorded as failed, with the reason as the CLI prints it.
        var failure = outcome.Failure;
        Record("service.stop", failure is null ? AuditOutcome.Success : AuditOutcome.Failure,
            failure is null ? "" : Redactor.Shared.Redact(failure.Message));
        if (installation.CheckpointAudit())
        {
            logger.LogInformation("Audit checkpoint written");
        }
        return Task.CompletedTask;
    }

    private void Record(string action, AuditOutcome result, string reason) =>
        installation.Audit.Record(new AuditEvent("service", action, run, result, reason,
            new Dictionary<string, string> { ["mode"] = mode, ["pid"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
}
