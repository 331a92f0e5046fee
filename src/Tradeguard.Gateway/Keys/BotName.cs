using System.Text.RegularExpressions;
using Tradeguard.Core.Errors;

namespace Tradeguard.Gateway.Keys;

/// <summary>
/// The one rule for a bot's name: <c>^[a-z][a-z0-9_-]{0,31}$</c> (a lower-case letter, then up to 31 lower-case
/// letters, digits, <c>_</c> or <c>-</c>). Names appear in vault items, audit records, alerts and Telegram commands
/// (<c>/stop momentum</c>), so they are kept to characters that need no escaping anywhere.
/// </summary>
public static partial class BotName
{
    /// <summary>The pattern, for messages and docs.</summary>
    public const string Pattern = "^[a-z][a-z0-9_-]{0,31}$";

    /// <summary>Prefix of the vault item holding a bot's key pair: <c>bot-&lt;name&gt;</c>.</summary>
    public const string VaultItemPrefix = "bot-";

    /// <summary>True when <paramref name="name"/> follows <see cref="Pattern"/>.</summary>
    public static bool IsValid(string? name) => name is not null && NameRegex().IsMatch(name);

    /// <summary>Returns <paramref name="name"/> when valid.</summary>
    /// <exception cref="TradeguardException">Exit 2 naming the rule.</exception>
    public static string Require(string? name) => IsValid(name)
        ? name!
        : throw new TradeguardException(ExitCode.Usage, $"'{name}' is not a valid bot name: use {Pattern} (a lower-case letter, then up to 31 of a-z 0-9 _ -)");

    /// <summary>The vault item of <paramref name="name"/>'s key pair: <c>bot-&lt;name&gt;</c>.</summary>
    public static string VaultItem(string name) => VaultItemPrefix + name;

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex NameRegex();
}
