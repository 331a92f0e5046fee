using Tradeguard.Core.Audit;
using Tradeguard.Vault.Crypto;

namespace Tradeguard.Vault;

/// <summary>How a vault is opened or created: audit sink, actor name, KDF cost for new passphrase slots, lock wait.</summary>
public sealed record VaultOptions
{
    /// <summary>The defaults: no audit store, the OS user as actor, <see cref="KdfParameters.Default"/>, 30 s lock wait.</summary>
    public static VaultOptions Default { get; } = new();

    /// <summary>Where init, unlock, reveal, set, rm, passwd, rotate, import, recover and damage are recorded.</summary>
    public IAuditLog Audit { get; init; } = NullAuditLog.Instance;

    /// <summary>Who acts, as recorded in the audit log (e.g. <c>local:alice</c>).</summary>
    public string Actor { get; init; } = "local:" + Environment.UserName;

    /// <summary>Argon2id cost for passphrase slots written by init, passwd and rotate (existing slots keep theirs).</summary>
    public KdfParameters Kdf { get; init; } = KdfParameters.Default;

    /// <summary>How long a save waits for another process holding the vault's lock before failing with exit 5.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock for entry and file times.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
