using System.Text;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Vault.Exec;

/// <summary>
/// <c>exec --item binance</c>: every field of an item as an environment variable, named
/// <c>ITEM_FIELD</c> in upper case with every character outside <c>A-Z 0-9 _</c> turned into <c>_</c>
/// (<c>vault://binance/api_key</c> → <c>BINANCE_API_KEY</c>, <c>vault://my-bot/api.secret</c> → <c>MY_BOT_API_SECRET</c>).
/// </summary>
public static class ItemMappings
{
    /// <summary>The variable name for <paramref name="reference"/> under the rule above.</summary>
    public static string VariableName(SecretReference reference)
    {
        var name = new StringBuilder();
        foreach (var c in reference.Item + "_" + reference.Field)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        return char.IsAsciiDigit(name[0]) ? "_" + name : name.ToString();
    }

    /// <summary>One mapping per field of <paramref name="item"/> in <paramref name="store"/>, in field order.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the item has no fields; exit 2 for <see cref="Vault.InternalItem"/> or
    /// when two fields map to one name (<c>api-key</c> and <c>api_key</c>): map them one by one with <c>--env</c> instead.</exception>
    public static IReadOnlyList<EnvironmentMapping> ForItem(ISecretStore store, string item)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (item == InternalItem.Name)
        {
            throw new TradeguardException(ExitCode.Usage,
                $"--item {InternalItem.Name}: that item holds Tradeguard's own keys (audit, 2FA), which no program needs.");
        }

        var fields = store.List().Where(r => r.Item == item).OrderBy(r => r.Field, StringComparer.Ordinal).ToList();
        if (fields.Count == 0)
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"--item {item}: the vault has no item '{item}'; 'tradeguard vault list' shows what it holds.");
        }

        var mappings = fields.Select(r => new EnvironmentMapping(VariableName(r), r, null)).ToList();
        if (mappings.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new TradeguardException(ExitCode.Usage,
                $"--item {item}: {string.Join(" and ", clash.Select(m => m.Reference))} would both become {clash.Key}; map them with --env NAME=vault://{item}/FIELD instead.");
        }

        return mappings;
    }
}
