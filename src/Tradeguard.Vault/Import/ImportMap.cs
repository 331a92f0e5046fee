using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Vault.Import;

/// <summary>
/// Where chosen keys of an imported file go instead of their default place (<c>vault import --map</c>), so that a
/// trader's <c>.env</c> lands on the names the product reads: <c>BINANCE_API_KEY=binance/api_key</c>.
/// </summary>
/// <remarks>A key is the <c>.env</c> name, or <c>section.key</c> for a <c>config.ini</c>. The target is
/// <c>item/field</c>, <c>vault://item/field</c>, or a bare <c>field</c> in the import's item.</remarks>
public sealed class ImportMap
{
    private readonly Dictionary<string, SecretReference> _targets;

    private ImportMap(Dictionary<string, SecretReference> targets)
    {
        _targets = targets;
    }

    /// <summary>The map that moves nothing.</summary>
    public static ImportMap None { get; } = new(new Dictionary<string, SecretReference>(StringComparer.Ordinal));

    /// <summary>Parses <c>KEY=target</c> pairs.</summary>
    /// <param name="pairs">The <c>--map</c> values.</param>
    /// <param name="item">The item a bare field goes into.</param>
    /// <exception cref="TradeguardException">Exit 2 naming the bad pair (no <c>=</c>, a bad name, a key given twice).</exception>
    public static ImportMap Parse(IEnumerable<string> pairs, string item)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var targets = new Dictionary<string, SecretReference>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = eq > 0 ? pair[..eq] : "";
            var target = eq > 0 ? pair[(eq + 1)..] : "";
            var text = SecretReference.IsReference(target) ? target : target.Contains('/', StringComparison.Ordinal) ? "vault://" + target : $"vault://{item}/{target}";
            if (key.Length == 0 || !SecretReference.TryParse(text, out var reference))
            {
                throw new TradeguardException(ExitCode.Usage,
                    $"--map '{pair}': expected KEY=item/field (or KEY=field for the import's item), names of 1-64 of A-Z a-z 0-9 _ . -");
            }

            if (!targets.TryAdd(key, reference.Value))
            {
                throw new TradeguardException(ExitCode.Usage, $"--map {key} is given twice.");
            }
        }

        return new ImportMap(targets);
    }

    /// <summary>Where <paramref name="key"/> goes, or null for its default place.</summary>
    public SecretReference? Target(string key) => _targets.TryGetValue(key, out var r) ? r : null;

    /// <summary>The mapped keys that are not in <paramref name="keys"/> (a typo would otherwise import silently to the default place).</summary>
    public IReadOnlyList<string> Unused(IEnumerable<string> keys)
    {
        var present = keys.ToHashSet(StringComparer.Ordinal);
        return _targets.Keys.Where(k => !present.Contains(k)).Order(StringComparer.Ordinal).ToList();
    }
}
