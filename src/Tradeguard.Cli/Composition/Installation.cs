using Microsoft.Extensions.Logging;
using Tradeguard.Alerts;
using Tradeguard.Audit;
using Tradeguard.Cli.Commands.Alerts;
using Tradeguard.Cli.Commands.Audit;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Core.Audit;
using Tradeguard.Vault;

namespace Tradeguard.Cli.Composition;

/// <summary>
/// The one place where an installation's services are put together for a command: the vault (unlocked as
/// <see cref="VaultAccess"/> describes), the audit log whose key that vault holds, wrapped so that security-relevant
/// records also become alerts, and the alert pipeline (durable outbox, publisher, dispatcher).
/// </summary>
/// <remarks>
/// <para>Order matters: the vault records its own unlock before the audit log can be opened (its key is in the vault),
/// so the vault writes to a <see cref="DeferredAuditLog"/> that is attached once the log is open.</para>
/// <para>Security alerts raised by one-shot commands are committed to the outbox; whichever dispatcher runs next
/// (<c>alerts dispatch</c>, <c>telegram serve</c>, <c>run</c>) delivers them.</para>
/// <para>Dispose order: dispatcher, audit log (its last checkpoint goes into the vault), then the vault.</para>
/// </remarks>
internal sealed class Installation : IDisposable
{
    private readonly VaultStore? _vault;
    private readonly SqliteAuditLog? _log;
    private readonly AlertsRuntime? _alerts;

    private Installation(VaultStore? vault, SqliteAuditLog? log, AlertsRuntime? alerts, IAuditLog audit)
    {
        _vault = vault;
        _log = log;
        _alerts = alerts;
        Audit = audit;
    }

    /// <summary>The unlocked vault.</summary>
    /// <exception cref="InvalidOperationException">This installation was opened without one.</exception>
    public VaultStore Vault => _vault ?? throw new InvalidOperationException("This command opened no vault.");

    /// <summary>The vault, or null when the command runs without one.</summary>
    public VaultStore? OptionalVault => _vault;

    /// <summary>The audit log to give every module: chained records, security ones also raised as alerts.</summary>
    public IAuditLog Audit { get; }

    /// <summary>The chained log itself, for a pipeline that raises security alerts its own way (the command bot's).</summary>
    public IAuditLog Log => (IAuditLog?)_log ?? Audit;

    /// <summary>The alert pipeline, or null without a vault (no audit log, so no security alerts to carry).</summary>
    public AlertsRuntime? Alerts => _alerts;

    /// <summary>
    /// Opens the vault (required), the audit log and the alert pipeline: with <paramref name="alerts"/> for a command
    /// that delivers alerts (its Telegram client is built), else with the home folder's settings, queueing only.
    /// </summary>
    /// <exception cref="Core.Errors.TradeguardException">Exit 3, 4 or 5 from the vault, 5 from the audit log or alert settings.</exception>
    public static Installation Open(string? vaultOption, string? keyFile, AlertsConfig? alerts = null, ILogger? logger = null)
    {
        var deferred = new DeferredAuditLog();
        return Around(VaultAccess.Open(vaultOption, keyFile, deferred), deferred, alerts, logger);
    }

    /// <summary>
    /// Completes an installation around a vault the caller unlocked itself (passwd, rotate) with
    /// <paramref name="deferred"/> as its audit log; the installation owns the vault from here on.
    /// </summary>
    public static Installation Around(VaultStore vault, DeferredAuditLog deferred, AlertsConfig? alerts = null, ILogger? logger = null)
    {
        SqliteAuditLog? log = null;
        try
        {
            log = AuditAccess.Open(vault);
            var runtime = AlertsRuntime.Start(alerts ?? AlertsConfig.Load(null), vault, log,
                logger ?? new StderrLogger(LogLevel.Warning), delivers: alerts is not null);
            deferred.Attach(runtime.Audit);
            return new Installation(vault, log, runtime, runtime.Audit);
        }
        catch
        {
            log?.Dispose();
            vault.Dispose();
            throw;
        }
    }

    /// <summary>
    /// For commands that work without the vault (login, user list, role changes): opens it for its audit key when it
    /// exists and can be unlocked without asking (<c>--key-file</c>, <c>$TRADEGUARD_VAULT_KEY</c> or
    /// <c>$TRADEGUARD_VAULT_PASSWORD</c>); otherwise nothing can be chained, and a warning on stderr says so.
    /// </summary>
    public static Installation OpenUnattended(string? vaultOption, string? keyFile)
    {
        var unattended = !string.IsNullOrEmpty(keyFile) ||
                         Environment.GetEnvironmentVariable(VaultAccess.KeyVariable) is { Length: > 0 } ||
                         Environment.GetEnvironmentVariable(VaultAccess.PasswordVariable) is { Length: > 0 };
        if (File.Exists(VaultAccess.ResolvePath(vaultOption)) && unattended)
        {
            return Open(vaultOption, keyFile);
        }

        return new Installation(null, null, null, new UnrecordedAuditLog());
    }

    /// <summary>
    /// For commands whose job is the alert pipeline: the full installation when a vault exists or Telegram is
    /// configured, else a console-only pipeline with nothing to audit (a fresh clone without a vault).
    /// </summary>
    public static Installation OpenForAlerts(string? vaultOption, string? keyFile, AlertsConfig alerts, ILogger logger)
    {
        if (File.Exists(VaultAccess.ResolvePath(vaultOption)) || alerts.TelegramOptions() is not null)
        {
            return Open(vaultOption, keyFile, alerts, logger);
        }

        var unrecorded = new UnrecordedAuditLog();
        return new Installation(null, null, AlertsRuntime.Start(alerts, null, unrecorded, logger), unrecorded);
    }

    /// <summary>Moves both audit checkpoints (file and vault) to the last record; false when there is no chained log.</summary>
    /// <exception cref="Core.Errors.TradeguardException">Exit 5 when the checkpoint file or the vault cannot be written.</exception>
    public bool CheckpointAudit()
    {
        _log?.Checkpoint();
        return _log is not null;
    }

    public void Dispose()
    {
        _alerts?.Dispose();
        _log?.Dispose();
        _vault?.Dispose();
        (Audit as UnrecordedAuditLog)?.Warn();
    }

    /// <summary>Without the vault's key no record can be chained: say so rather than drop events silently.</summary>
    private sealed class UnrecordedAuditLog : IAuditLog
    {
        private int _count;

        public void Record(AuditEvent auditEvent) => Interlocked.Increment(ref _count);

        public void Warn()
        {
            if (_count > 0)
            {
                Console.Error.WriteLine(
                    $"warning: {_count} audit event(s) not recorded: the audit key is in the vault, which this command did not unlock. " +
                    $"Set ${VaultAccess.PasswordVariable} or ${VaultAccess.KeyVariable} (or pass --key-file) so they are.");
            }
        }
    }
}
