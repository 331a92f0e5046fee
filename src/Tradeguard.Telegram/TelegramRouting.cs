using System.Globalization;
using Tradeguard.Alerts;
using Tradeguard.Telegram.Linking;
using Tradeguard.Telegram.Ports;

namespace Tradeguard.Telegram;

/// <summary>
/// Who gets which alert on Telegram: trading alerts go to <see cref="TelegramOptions.AlertChatIds"/>; security alerts
/// follow <see cref="SecurityRouting"/>: the private chats of every linked, active admin (a user's private chat id equals
/// the user id), else the alert chats, else held for the next CLI command.
/// </summary>
public sealed class TelegramRouting(TelegramOptions options, TelegramStore store, IOperatorDirectory operators) : IAlertRouting
{
    /// <inheritdoc />
    public IReadOnlyList<AlertRecipient> RecipientsFor(Alert alert)
    {
        var chats = Recipients(options.AlertChatIds);
        return alert.IsSecurity
            ? SecurityRouting.Choose(Recipients(store.Links()
                .Where(l => operators.Find(l.Operator) is { IsActive: true, Role: OperatorRole.Admin }).Select(l => l.UserId)), chats)
            : chats;
    }

    private static List<AlertRecipient> Recipients(IEnumerable<long> ids) =>
        ids.Distinct().Select(id => new AlertRecipient(TelegramChannel.ChannelName, id.ToString(CultureInfo.InvariantCulture))).ToList();
}
