using System.CommandLine;
using System.Globalization;
using Tradeguard.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Vault;

namespace Tradeguard.Cli.Commands.Audit;

/// <summary>
/// How CLI commands find the installation's audit log. Commands of other modules that must record events open it
/// with the unlocked vault:
/// <code>
/// using var vault = VaultAccess.Open(vaultPath, keyFile);
/// using var audit = AuditAccess.Open(vault);          // IAuditLog; creates vault://tradeguard/audit_key on first use
/// audit.Record(new AuditEvent("operator:alice", "identity.login", "alice", AuditOutcome.Success));
/// </code>
/// </summary>
internal static class AuditAccess
{
    /// <summary>Opens the installation's log ($TRADEGUARD_HOME/audit.db) for appending with the vault's key; its second
    /// checkpoint copy lives in the vault's folder.</summary>
    public static SqliteAuditLog Open(VaultStore vault) => SqliteAuditLog.Open(AuditPaths.ForInstallation().BesideVault(vault.Path), vault);

    /// <summary>A new <c>--log PATH</c> option: read a copy of a log instead of the installation's.</summary>
    public static Option<string?> CreateLogOption() => new("--log")
    {
        Description = "Audit database to read (default: audit.db in $TRADEGUARD_HOME or ~/.tradeguard); " +
                      "its checkpoint is the same name ending .checkpoint",
    };

    /// <summary>The paths from <c>--log</c> (a copy: its checkpoints beside it), else the installation's with the
    /// second checkpoint copy in the folder of <paramref name="vault"/> (when given: only <c>verify</c> reads it).</summary>
    public static AuditPaths Paths(string? logOption, VaultStore? vault = null) =>
        !string.IsNullOrEmpty(logOption) ? AuditPaths.ForDatabase(logOption)
        : vault is null ? AuditPaths.ForInstallation() : AuditPaths.ForInstallation().BesideVault(vault.Path);

    /// <summary>Filters shared by <c>show</c> and <c>export</c>.</summary>
    public sealed class Filters
    {
        public Option<string?> Since { get; } = new("--since")
        {
            Description = "Only records from this time on: an ISO 8601 date or time (UTC unless an offset is given), " +
                          "or an age such as 30m, 12h, 7d",
        };

        public Option<string?> Actor { get; } = new("--actor")
        {
            Description = "Only records by this actor (operator:alice, telegram:123456789, system)",
        };

        public Option<string?> Action { get; } = new("--action")
        {
            Description = "Only this action (vault.reveal), or every action under a prefix (vault)",
        };

        public void AddTo(Command command)
        {
            command.Options.Add(Since);
            command.Options.Add(Actor);
            command.Options.Add(Action);
        }

        public AuditQuery Query(ParseResult parseResult, int? last) => new(
            ParseSince(parseResult.GetValue(Since), DateTimeOffset.UtcNow),
            parseResult.GetValue(Actor),
            parseResult.GetValue(Action),
            last);
    }

    /// <summary>Parses <c>--since</c>: ISO 8601 (UTC when no offset), or an age <c>N</c> + <c>s|m|h|d</c> before now.</summary>
    /// <exception cref="TradeguardException">Exit 2 for anything else.</exception>
    public static DateTimeOffset? ParseSince(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var unit = text[^1];
        if ("smhd".Contains(unit, StringComparison.Ordinal) &&
            int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return now - unit switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw new TradeguardException(ExitCode.Usage,
            $"--since '{text}' is neither an ISO 8601 date or time (2026-11-29, 2026-11-29T19:00:00Z) nor an age (30m, 12h, 7d).");
    }
}
