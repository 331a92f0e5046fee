using System.Globalization;
using Tradeguard.Alerts;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Cli.Commands.Alerts;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;
using Tradeguard.Core.Storage;

namespace Tradeguard.Cli.Composition;

/// <summary>
/// Shows, on standard error before any command runs, the security alerts that had nobody to go to (no linked admin, no
/// alert chat: <see cref="SecurityRouting.HeldForNextCommand"/>), each with the time it was raised, and marks them shown.
/// </summary>
internal static class HeldAlertsNotice
{
    public static void Show(TextWriter error)
    {
        var path = TradeguardHome.File(AlertsRuntime.OutboxFileName);
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            var outbox = OutboxStore.Open(path);
            foreach (var held in outbox.PendingFor(SecurityRouting.HeldChannel))
            {
                var time = held.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
                error.WriteLine(Redactor.Shared.Redact($"alert held for you (no admin linked, no alert chat), raised {time}: {held.Text}"));
                outbox.MarkSent(held.Id);
            }
        }
        catch (TradeguardException)
        {
            // An exposed or damaged outbox is reported by the commands that use it; a notice must not block an unrelated command.
        }
    }
}
