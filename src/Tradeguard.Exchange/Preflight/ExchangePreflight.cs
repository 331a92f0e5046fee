using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Core.Storage;
using Tradeguard.Exchange.Client;
using Tradeguard.Exchange.Models;
using Tradeguard.Exchange.Signing;

namespace Tradeguard.Exchange.Preflight;

/// <summary>
/// The checks before any order, each failing with exit 5 and the exact fix. <see cref="CheckLocal"/> runs before any
/// connection: files private, every credential field present in the vault (all missing ones named).
/// <see cref="CheckRemoteAsync"/> then asks the exchange: clock skew under the limit, and the key's permissions
/// (keys that can withdraw or transfer funds refused unless allowed explicitly; a key without an IP restriction warned about).
/// </summary>
public static class ExchangePreflight
{
    /// <summary>Checks what can be checked without the network.</summary>
    /// <exception cref="TradeguardException">Exit 5: an exposed file (with the chmod), missing vault fields (with the commands).</exception>
    public static void CheckLocal(ISecretStore store, PreflightOptions options)
    {
        foreach (var file in options.PrivateFiles)
        {
            PrivateFile.EnsurePrivate(file.Path, file.What);
        }

        ApiCredentials.EnsurePresent(store, options.Exchange);
    }

    /// <summary>Measures the clock and reads the key's permissions.</summary>
    /// <param name="client">A client built with the key pair to check.</param>
    /// <param name="maskedKey">The key as it may be shown (<see cref="ApiCredentials.MaskedKey"/>).</param>
    /// <param name="options">The limits.</param>
    /// <param name="logger">Gets the warnings.</param>
    /// <param name="audit">Records the outcome, and every withdrawal-enabled key allowed.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <exception cref="TradeguardException">Exit 5: clock skew, a key that can move funds, a key that cannot trade; exit 3: the
    /// exchange refused the key (<see cref="ExchangeAuthenticationException"/>, audited as denied); exit 6: the exchange failed.</exception>
    public static async Task<PreflightReport> CheckRemoteAsync(BinanceSpotClient client, string maskedKey, PreflightOptions options,
        ILogger? logger = null, IAuditLog? audit = null, CancellationToken cancellationToken = default)
    {
        logger ??= NullLogger.Instance;
        audit ??= NullAuditLog.Instance;
        var offset = await client.SyncClockAsync(cancellationToken).ConfigureAwait(false);
        if (Math.Abs(offset) >= options.MaxClockSkew.TotalMilliseconds)
        {
            Deny(audit, options, "clock skew");
            throw new TradeguardException(ExitCode.Configuration,
                $"this machine's clock is {offset} ms off the exchange's (limit {options.MaxClockSkew.TotalMilliseconds:0} ms), so signed requests would be refused. " +
                "Fix it by turning on time sync: sudo timedatectl set-ntp true (or: sudo chronyc makestep)");
        }

        ApiKeyRestrictions restrictions;
        try
        {
            restrictions = await client.GetApiKeyRestrictionsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeAuthenticationException e)
        {
            Deny(audit, options, "key refused by the exchange: " + e.Code.ToString(System.Globalization.CultureInfo.InvariantCulture));
            throw;
        }

        var warnings = new List<string>();
        if (!restrictions.EnableSpotAndMarginTrading)
        {
            Deny(audit, options, "key cannot trade");
            throw new TradeguardException(ExitCode.Configuration,
                $"API key {maskedKey} of {options.Exchange} may not trade spot. Enable 'Spot & Margin Trading' for it in the exchange's API management, or store a key that may.");
        }

        if (restrictions.CanMoveFunds)
        {
            var what = string.Join(", ", new[]
            {
                restrictions.EnableWithdrawals ? "withdrawals" : null,
                restrictions.EnableInternalTransfer ? "internal transfer" : null,
                restrictions.PermitsUniversalTransfer ? "universal transfer" : null,
            }.Where(w => w is not null));
            if (!options.AllowWithdrawalKeys)
            {
                Deny(audit, options, "key can move funds: " + what);
                throw new TradeguardException(ExitCode.Configuration,
                    $"refusing API key {maskedKey} of {options.Exchange}: it has {what} enabled, so anyone who steals it can take the funds. " +
                    "Create a key with withdrawals and transfers disabled and store it with: tradeguard vault set " + options.Exchange + " api_key (and api_secret); " +
                    "or, knowing the risk, pass --allow-withdrawal-keys");
            }

            var warning = $"API key {maskedKey} of {options.Exchange} has {what} enabled; allowed by --allow-withdrawal-keys";
            warnings.Add(warning);
            logger.LogCritical("{Warning}", warning);
            audit.Record(new AuditEvent("exchange", "exchange.withdrawal_key_allowed", options.Exchange, AuditOutcome.Success,
                "allowed by --allow-withdrawal-keys", new Dictionary<string, string> { ["key"] = maskedKey, ["enabled"] = what }));
        }

        if (!restrictions.IpRestrict)
        {
            var warning = $"API key {maskedKey} of {options.Exchange} is not restricted to trusted IP addresses; restrict it to this server's address in the exchange's API management";
            warnings.Add(warning);
            logger.LogWarning("{Warning}", warning);
        }

        audit.Record(new AuditEvent("exchange", "exchange.preflight", options.Exchange, AuditOutcome.Success, "",
            new Dictionary<string, string> { ["key"] = maskedKey, ["clock_offset_ms"] = offset.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        return new PreflightReport(offset, restrictions, warnings);
    }

    private static void Deny(IAuditLog audit, PreflightOptions options, string reason) =>
        audit.Record(new AuditEvent("exchange", "exchange.preflight", options.Exchange, AuditOutcome.Denied, reason));
}
