using System.Globalization;
using Tradeguard.Alerts;
using Tradeguard.Telegram.Linking;
using Tradeguard.Telegram.Ports;

namespace Tradeguard.Telegram;

/// <summary>
/// Who gets which alert on Telegram: trading alerts go to <see cref="TelegramOptions.AlertChatIds"/>; security alerts go
/// to the private chats of every linked, active admin (a user's private chat id equals the user id).
/// </summary>
public sealed class TelegramRouting(TelegramOptions options, TelegramStore store, IOperatorDirectory operators) : IAlertRouting
{
    /// <inheritdoc />
    public IReadOnlyList<AlertRecipient> RecipientsFor(Alert alert)
    {
        var chats = alert.IsSecurity
            ? store.Links().Where(l => operators.Find(l.Operator) is { IsActive: true, Role: OperatorRole.Admin }).Select(l => l.UserId)
            : options.AlertChatIds;
        return chats.Distinct()
            .Select(id => new AlertRecipient(TelegramChannel.ChannelName, id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
    }
}
