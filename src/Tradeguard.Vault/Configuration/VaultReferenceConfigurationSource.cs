using Microsoft.Extensions.Configuration;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Vault.Configuration;

/// <summary>
/// A configuration source that resolves <c>vault://item/field</c> values of the sources added before it, so
/// <c>configuration["Exchange:ApiKey"]</c> gives the secret wherever the setting came from (JSON, environment, ini).
/// Add it last: <c>builder.AddJsonFile(...).AddEnvironmentVariables("TRADEGUARD__").AddVaultReferences(vault)</c>.
/// </summary>
/// <param name="store">The unlocked vault (or any <see cref="ISecretStore"/>); it must outlive the configuration's load.</param>
public sealed class VaultReferenceConfigurationSource(ISecretStore store) : IConfigurationSource
{
    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var earlier = builder.Sources.TakeWhile(s => !ReferenceEquals(s, this)).ToList();
        return new VaultReferenceConfigurationProvider(earlier, builder.Properties, store);
    }
}

/// <summary>Extension methods to add <see cref="VaultReferenceConfigurationSource"/>.</summary>
public static class VaultConfigurationExtensions
{
    /// <summary>Resolves <c>vault://</c> values of every source added before this call from <paramref name="store"/>.</summary>
    public static IConfigurationBuilder AddVaultReferences(this IConfigurationBuilder builder, ISecretStore store)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);
        return builder.Add(new VaultReferenceConfigurationSource(store));
    }
}
