namespace Tradeguard.Telegram.Bot;

/// <summary>
/// Destructive commands waiting for <c>/confirm &lt;TOTP&gt;</c>: one per Telegram user, valid for the confirm window,
/// taken (single use) by the first <c>/confirm</c> whatever its code.
/// </summary>
internal sealed class ConfirmationBook(TimeProvider time, TimeSpan window)
{
    private readonly Dictionary<long, (string Command, DateTimeOffset Expires)> _pending = [];
    private readonly Lock _gate = new();

    public void Request(long userId, string command)
    {
        lock (_gate)
        {
            _pending[userId] = (command, time.GetUtcNow() + window);
        }
    }

    /// <summary>Takes the pending command of <paramref name="userId"/>; null when none or expired.</summary>
    public string? Take(long userId)
    {
        lock (_gate)
        {
            if (!_pending.Remove(userId, out var pending))
            {
                return null;
            }

            return time.GetUtcNow() <= pending.Expires ? pending.Command : null;
        }
    }
}
