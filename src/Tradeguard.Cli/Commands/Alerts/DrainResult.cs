using System.Globalization;
using Tradeguard.Alerts.Dispatch;

namespace Tradeguard.Cli.Commands.Alerts;

/// <summary>What a flush of the outbox left queued (nothing is ever dropped).</summary>
/// <param name="Deliverable">Pending alerts this dispatcher could send but did not in time.</param>
/// <param name="Stranded">Pending alerts for channels not configured here: not waited on, kept for a dispatcher that has them.</param>
internal sealed record DrainResult(int Deliverable, IReadOnlyList<StrandedAlerts> Stranded)
{
    /// <summary>True when nothing this dispatcher can send is left.</summary>
    public bool Flushed => Deliverable == 0;

    /// <summary>One line per thing left queued, for a warning: the late ones first, then each missing channel.</summary>
    public IEnumerable<string> Leftovers()
    {
        if (Deliverable > 0)
        {
            yield return $"{Deliverable.ToString(CultureInfo.InvariantCulture)} alert{(Deliverable == 1 ? " is" : "s are")} still queued; " +
                         "'tradeguard alerts dispatch' sends them, 'tradeguard alerts list' shows why";
        }

        foreach (var stranded in Stranded)
        {
            yield return stranded.Summary;
        }
    }
}
