namespace Tradeguard.Alerts;

/// <summary>One place an alert goes: a channel and an address on it.</summary>
/// <param name="Channel">Channel name (<c>telegram</c>, <c>console</c>).</param>
/// <param name="Address">Address on that channel (a Telegram chat id as decimal text; <c>stdout</c>).</param>
public sealed record AlertRecipient(string Channel, string Address);

/// <summary>Decides who receives an alert (trading alerts to the configured chats, security alerts to admins).</summary>
public interface IAlertRouting
{
    /// <summary>The recipients of <paramref name="alert"/>; empty when nobody should get it.</summary>
    IReadOnlyList<AlertRecipient> RecipientsFor(Alert alert);
}

/// <summary>Routing to a fixed list of recipients, whatever the alert.</summary>
/// <param name="Recipients">Everyone who gets every alert.</param>
public sealed record FixedRouting(IReadOnlyList<AlertRecipient> Recipients) : IAlertRouting
{
    /// <inheritdoc />
    public IReadOnlyList<AlertRecipient> RecipientsFor(Alert alert) => Recipients;
}
