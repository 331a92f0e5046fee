using System.Diagnostics.CodeAnalysis;

namespace Tradeguard.Core.Secrets;

/// <summary>
/// The address of one secret in the vault: <c>vault://ITEM/FIELD</c> (e.g. <c>vault://binance/api_secret</c>).
/// </summary>
/// <remarks>
/// Item and field are 1-64 characters of <c>[A-Za-z0-9_.-]</c>, compared case-sensitively. Configs, <c>exec</c>
/// mappings and exchange and Telegram settings all name secrets this way and never hold the value.
/// </remarks>
public readonly record struct SecretReference
{
    /// <summary>The scheme prefix, <c>vault://</c>.</summary>
    public const string Scheme = "vault://";

    /// <summary>Creates a reference, validating both names.</summary>
    /// <exception cref="ArgumentException">A name is empty, longer than 64 characters, or has other characters.</exception>
    public SecretReference(string item, string field)
    {
        if (!IsValidName(item))
        {
            throw new ArgumentException($"Invalid vault item name '{item}': use 1-64 of A-Z a-z 0-9 _ . -", nameof(item));
        }

        if (!IsValidName(field))
        {
            throw new ArgumentException($"Invalid vault field name '{field}': use 1-64 of A-Z a-z 0-9 _ . -", nameof(field));
        }

        Item = item;
        Field = field;
    }

    /// <summary>The item, e.g. <c>binance</c>.</summary>
    public string Item { get; }

    /// <summary>The field, e.g. <c>api_secret</c>.</summary>
    public string Field { get; }

    /// <summary>True when <paramref name="text"/> starts with <c>vault://</c>.</summary>
    public static bool IsReference(string? text) => text?.StartsWith(Scheme, StringComparison.Ordinal) == true;

    /// <summary>Parses <c>vault://item/field</c>; returns false (never throws) for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SecretReference? reference)
    {
        reference = null;
        if (!IsReference(text))
        {
            return false;
        }

        var rest = text![Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !IsValidName(rest[..slash]) || !IsValidName(rest[(slash + 1)..]))
        {
            return false;
        }

        reference = new SecretReference(rest[..slash], rest[(slash + 1)..]);
        return true;
    }

    /// <summary>Parses <c>vault://item/field</c>.</summary>
    /// <exception cref="FormatException">The text is not a valid reference.</exception>
    public static SecretReference Parse(string text) =>
        TryParse(text, out var r) ? r.Value
            : throw new FormatException($"'{text}' is not a vault reference of the form vault://item/field");

    /// <summary>True for 1-64 characters of <c>[A-Za-z0-9_.-]</c>.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= 64 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    /// <summary>The reference as <c>vault://item/field</c>.</summary>
    public override string ToString() => $"{Scheme}{Item}/{Field}";
}
