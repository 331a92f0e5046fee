using Tradeguard.Core.Secrets;

namespace Tradeguard.Vault.Import;

/// <summary>One value to import: where it goes, where it came from, and the value itself.</summary>
/// <param name="Reference">The vault entry it becomes.</param>
/// <param name="Origin">Where it was in the file: <c>KEY</c> for .env, <c>[section] key</c> for .ini.</param>
/// <param name="Value">The clear value (a string, as the Python libraries give it); register it before showing anything.</param>
public sealed record ImportedValue(SecretReference Reference, string Origin, string Value)
{
    /// <summary>Never the value.</summary>
    public override string ToString() => $"{Origin} -> {Reference}";
}

/// <summary>What a file holds and where each value will go, before anything is written.</summary>
/// <param name="Format">The format the file was read with.</param>
/// <param name="Values">The values to store.</param>
/// <param name="Notes">Names changed to fit vault naming, keys skipped (no value), and similar remarks; never values.</param>
public sealed record ImportPlan(ImportFormat Format, IReadOnlyList<ImportedValue> Values, IReadOnlyList<string> Notes);
