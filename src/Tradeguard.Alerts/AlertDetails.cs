using System.Collections;
using System.Text;

namespace Tradeguard.Alerts;

/// <summary>
/// The sensitive part of an alert (quantity, price, balance, P&amp;L, order id) as ordered name/value pairs. It is a
/// type of its own so that logging or interpolating an alert never prints the values: <see cref="ToString"/> says
/// only how many there are.
/// </summary>
public sealed class AlertDetails : IReadOnlyList<KeyValuePair<string, string>>
{
    private readonly KeyValuePair<string, string>[] _items;

    private AlertDetails(KeyValuePair<string, string>[] items)
    {
        _items = items;
    }

    /// <summary>No details.</summary>
    public static AlertDetails Empty { get; } = new([]);

    /// <summary>Details from name/value pairs, kept in the given order.</summary>
    /// <exception cref="ArgumentException">A name is empty or repeated.</exception>
    public static AlertDetails From(params (string Name, string Value)[] pairs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in pairs)
        {
            if (string.IsNullOrWhiteSpace(name) || !seen.Add(name))
            {
                throw new ArgumentException($"Detail name '{name}' is empty or repeated", nameof(pairs));
            }
        }

        return new AlertDetails(pairs.Select(p => KeyValuePair.Create(p.Name, p.Value ?? string.Empty)).ToArray());
    }

    /// <summary>Details from a dictionary, ordered by name.</summary>
    public static AlertDetails From(IReadOnlyDictionary<string, string> values) =>
        From(values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)).ToArray());

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public KeyValuePair<string, string> this[int index] => _items[index];

    /// <summary>The clear text (<c>name: value</c> lines) that goes into the sealed attachment, and nowhere else.</summary>
    public string ToSealedText()
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in _items)
        {
            sb.Append(name).Append(": ").Append(value).Append('\n');
        }

        return sb.ToString();
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Only the count: <c>[3 details withheld]</c>.</summary>
    public override string ToString() => $"[{_items.Length} details withheld]";
}
