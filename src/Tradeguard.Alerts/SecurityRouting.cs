namespace Tradeguard.Alerts;

/// <summary>
/// The one routing rule for security alerts (issue 14): the linked admins first; if there is none, the configured alert
/// chats; if there is neither, <see cref="HeldForNextCommand"/>, shown by the next CLI command with its time. A security
/// alert is never dropped for want of a recipient.
/// </summary>
public static class SecurityRouting
{
    /// <summary>The pseudo-channel of alerts held for the operator's next CLI command (no dispatcher sends it).</summary>
    public const string HeldChannel = "cli";

    /// <summary>The recipient of a security alert that has nobody else: the next <c>tradeguard</c> command shows it.</summary>
    public static AlertRecipient HeldForNextCommand { get; } = new(HeldChannel, "next-command");

    /// <summary>Chooses the recipients of a security alert by the rule.</summary>
    /// <param name="admins">The linked, active admins' addresses (a Telegram user's private chat).</param>
    /// <param name="alertChats">The configured alert chats.</param>
    /// <returns>Never empty.</returns>
    public static IReadOnlyList<AlertRecipient> Choose(IReadOnlyList<AlertRecipient> admins, IReadOnlyList<AlertRecipient> alertChats) =>
        admins.Count > 0 ? admins.Distinct().ToList()
        : alertChats.Count > 0 ? alertChats.Distinct().ToList()
        : [HeldForNextCommand];
}
