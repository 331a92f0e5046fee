using Microsoft.Extensions.Configuration;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Vault.Configuration;

/// <summary>
/// Holds the resolved secret for every setting whose value (in the earlier sources) is a <c>vault://item/field</c>
/// reference; because it comes later, its values win. Resolved values are registered with the redactor.
/// </summary>
public sealed class VaultReferenceConfigurationProvider : ConfigurationProvider
{
    private readonly IReadOnlyList<IConfigurationSource> _earlier;
    private readonly IDictionary<string, object> _properties;
    private readonly ISecretStore _store;

    /// <summary>Creates the provider over <paramref name="earlier"/> sources.</summary>
    public VaultReferenceConfigurationProvider(IReadOnlyList<IConfigurationSource> earlier, IDictionary<string, object> properties, ISecretStore store)
    {
        _earlier = earlier;
        _properties = properties;
        _store = store;
    }

    /// <summary>Resolves every reference.</summary>
    /// <exception cref="TradeguardException">
    /// Exit 5 naming the setting whose reference is malformed or not in the vault; exit 4 for a damaged entry.
    /// </exception>
    public override void Load()
    {
        var inner = new ConfigurationBuilder();
        foreach (var (key, value) in _properties)
        {
            inner.Properties[key] = value;
        }

        foreach (var source in _earlier)
        {
            inner.Add(source);
        }

        var resolved = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in inner.Build().AsEnumerable())
        {
            if (!SecretReference.IsReference(value))
            {
                continue;
            }

            if (!SecretReference.TryParse(value, out var reference))
            {
                throw new TradeguardException(ExitCode.Configuration, $"setting {key} holds a malformed vault reference; use vault://item/field.");
            }

            InternalItem.Refuse(reference.Value, $"used as setting {key}");
            using var secret = _store.TryGet(reference.Value) ?? throw new TradeguardException(ExitCode.Configuration,
                $"setting {key} refers to {reference}, which is not in the vault; add it with 'tradeguard vault set {reference.Value.Item} {reference.Value.Field}'.");
            var text = secret.Reveal();
            Redactor.Shared.Register(text);
            resolved[key] = text;
        }

        Data = resolved;
    }
}
