using System.Security.Cryptography;
using System.Text;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;
using Tradeguard.Core.Secrets;
using Tradeguard.Core.Storage;
using Tradeguard.Vault.Crypto;
using Tradeguard.Vault.Format;

namespace Tradeguard.Vault;

/// <summary>
/// An unlocked Tradeguard vault: one encrypted file of <c>vault://item/field</c> secrets (DESIGN.md, "Vault";
/// format in docs/vault-format.md). Implements <see cref="ISecretStore"/> for the other modules.
/// </summary>
/// <remarks>
/// <para>Every value read or written is registered with <see cref="Redactor.Shared"/>. Every change is a
/// read-modify-write of the file under an advisory lock (<see cref="FileLock"/>), re-read from disk first so that two
/// processes never lose each other's updates; the file is replaced atomically with mode 0600, and the previous file is
/// kept as <c>PATH.bak</c> when all of its entries were intact.</para>
/// <para>Thread-safe. Dispose to zero the data key.</para>
/// </remarks>
public sealed class VaultStore : ISecretStore, IDisposable
{
    private readonly Lock _gate = new();
    private readonly VaultOptions _options;
    private DataKey _key;
    private VaultState _state;
    private bool _disposed;

    private VaultStore(string path, DataKey key, VaultState state, VaultOptions options)
    {
        Path = path;
        _key = key;
        _state = state;
        _options = options;
    }

    /// <summary>The vault file's full path.</summary>
    public string Path { get; }

    /// <summary>Where the previous intact file is kept: <c>PATH.bak</c>.</summary>
    public string BackupPath => BackupPathFor(Path);

    /// <summary>The save counter of the file as last read or written (1 after init).</summary>
    public ulong Generation
    {
        get
        {
            lock (_gate)
            {
                return _state.Generation;
            }
        }
    }

    /// <summary>The vault's random 16-byte id (the same in its backup).</summary>
    internal byte[] VaultId
    {
        get
        {
            lock (_gate)
            {
                return _state.VaultId;
            }
        }
    }

    /// <summary>The backup path for the vault at <paramref name="path"/>.</summary>
    public static string BackupPathFor(string path) => System.IO.Path.GetFullPath(path) + ".bak";

    /// <summary>
    /// Creates a new, empty vault at <paramref name="path"/> with one key slot per credential.
    /// </summary>
    /// <param name="path">The file to create; its folder must exist.</param>
    /// <param name="credentials">At least one; passphrases must pass <see cref="VaultPassphraseRule"/>.</param>
    /// <param name="options">Audit, KDF cost and lock settings; null for <see cref="VaultOptions.Default"/>.</param>
    /// <exception cref="TradeguardException">Exit 1 for a weak passphrase; exit 5 when the file exists or cannot be written.</exception>
    public static VaultStore Create(string path, IReadOnlyList<VaultCredential> credentials, VaultOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.Count is 0 or > VaultFileFormat.MaxSlots)
        {
            throw new ArgumentException($"A vault needs 1 to {VaultFileFormat.MaxSlots} credentials.", nameof(credentials));
        }

        options ??= VaultOptions.Default;
        var full = System.IO.Path.GetFullPath(path);
        foreach (var c in credentials.Where(c => c.Kind == SlotKind.Passphrase))
        {
            c.CheckPolicy();
        }

        using var fileLock = FileLock.Acquire(full, options.LockTimeout);
        if (File.Exists(full))
        {
            throw VaultErrors.AlreadyExists(full);
        }

        var vaultId = RandomNumberGenerator.GetBytes(VaultFileFormat.IdLength);
        var key = DataKey.Generate(vaultId);
        try
        {
            var slots = credentials.Select(c => c.Wrap(key.Raw, vaultId, options.Kdf)).ToList();
            var state = new VaultState(vaultId, 1, options.Time.GetUtcNow(), slots, []);
            AtomicFile.Write(full, VaultFileFormat.Encode(state, key));
            Record(options, "vault.init", full, AuditOutcome.Success, details: new Dictionary<string, string>
            {
                ["slots"] = string.Join(",", slots.Select(s => s.Kind.ToString().ToLowerInvariant())),
                ["kdf"] = options.Kdf.ToString(),
            });
            return new VaultStore(full, key, state, options);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Creates a new vault with one slot; see <see cref="Create(string, IReadOnlyList{VaultCredential}, VaultOptions?)"/>.</summary>
    public static VaultStore Create(string path, VaultCredential credential, VaultOptions? options = null) =>
        Create(path, [credential], options);

    /// <summary>
    /// Opens and unlocks the vault at <paramref name="path"/>. The header is checked and the key slot is opened before
    /// any entry is touched, so a wrong passphrase is told apart from a damaged file.
    /// </summary>
    /// <exception cref="TradeguardException">
    /// Exit 3 "wrong passphrase" (or wrong key); exit 4 naming what is damaged; exit 5 when the file is missing,
    /// unreadable, or accessible by group or others (with the <c>chmod</c> that fixes it).
    /// </exception>
    public static VaultStore Open(string path, VaultCredential credential, VaultOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        options ??= VaultOptions.Default;
        var full = System.IO.Path.GetFullPath(path);
        var bytes = ReadFile(full);
        LeftoverTempFiles.Remove(full);
        var outer = ReadOuterOrThrow(full, bytes, options);
        var key = Unlock(full, outer, credential, options);
        try
        {
            var state = ReadInnerOrThrow(full, outer, key, options)
                ?? throw Damaged(options, full, "the header does not authenticate under the unlocked data key (it was modified outside tradeguard)");
            Record(options, "vault.unlock", full, AuditOutcome.Success, details: new Dictionary<string, string> { ["slot"] = credential.Kind.ToString().ToLowerInvariant() });
            return new VaultStore(full, key, state, options);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    /// <exception cref="TradeguardException">Exit 4 when that entry is damaged.</exception>
    public Secret? TryGet(SecretReference reference)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var entry = Find(_state, reference);
            return entry is null ? null : Decrypt(entry);
        }
    }

    /// <summary>Like <see cref="TryGet"/>, and records a <c>vault.reveal</c> audit event: for showing a value to a person.</summary>
    public Secret? Reveal(SecretReference reference)
    {
        var value = TryGet(reference);
        Record(_options, "vault.reveal", reference.ToString(), value is null ? AuditOutcome.Failure : AuditOutcome.Success,
            value is null ? "no such entry" : "");
        return value;
    }

    /// <summary>The largest value an entry may hold: 1 MiB (a PEM chain or a service-account JSON is a few KiB).</summary>
    public const int MaxValueBytes = 1 << 20;

    /// <inheritdoc />
    /// <exception cref="TradeguardException">Exit 2 when the value is larger than <see cref="MaxValueBytes"/>.</exception>
    public void Set(SecretReference reference, Secret value)
    {
        ArgumentNullException.ThrowIfNull(value);
        SetMany([(reference, value)], "vault.set", reference.ToString());
    }

    /// <summary>Stores several values in one save (used by import); each replaces any earlier value.</summary>
    /// <param name="values">The references and values; the values stay owned by the caller.</param>
    /// <param name="auditAction">The audit action recorded (<c>vault.set</c>, <c>vault.import</c>).</param>
    /// <param name="auditTarget">The audit target (the reference, or the imported file's name).</param>
    /// <exception cref="TradeguardException">Exit 2 when a value is larger than <see cref="MaxValueBytes"/>; nothing is stored.</exception>
    public void SetMany(IReadOnlyList<(SecretReference Reference, Secret Value)> values, string auditAction = "vault.set", string auditTarget = "")
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.FirstOrDefault(v => v.Value.Length > MaxValueBytes) is { Reference: var large, Value: not null } tooLarge)
        {
            throw new TradeguardException(ExitCode.Usage,
                $"{large}: the value is {tooLarge.Value.Length} bytes, more than the 1 MiB ({MaxValueBytes} bytes) a vault entry may hold; nothing was stored.");
        }

        var now = _options.Time.GetUtcNow();
        var sealedEntries = new List<EntryRecord>();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var (reference, value) in values)
            {
                RegisterWithRedactor(value);
                var draft = new EntryRecord(RandomNumberGenerator.GetBytes(VaultFileFormat.IdLength), reference.Item, reference.Field, now, ReadOnlyMemory<byte>.Empty);
                sealedEntries.Add(draft with { Sealed = value.Use(clear => _key.Entries.Seal(clear, VaultFileFormat.EntryAssociatedData(_state.VaultId, draft))) });
            }

            Mutate(state =>
            {
                var names = sealedEntries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
                var kept = state.Entries.Where(e => !names.Contains(e.Name));
                var latest = sealedEntries.GroupBy(e => e.Name).Select(g => g.Last());
                return state with { Entries = kept.Concat(latest).ToList() };
            });
        }

        Record(_options, auditAction, auditTarget, AuditOutcome.Success, details: new Dictionary<string, string> { ["count"] = values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    /// <summary>Removes the entry at <paramref name="reference"/>; false when there was none.</summary>
    public bool Remove(SecretReference reference)
    {
        var removed = false;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Mutate(state =>
            {
                var kept = state.Entries.Where(e => e.Item != reference.Item || e.Field != reference.Field).ToList();
                removed = kept.Count != state.Entries.Count;
                return removed ? state with { Entries = kept } : null;
            });
        }

        Record(_options, "vault.rm", reference.ToString(), removed ? AuditOutcome.Success : AuditOutcome.Failure, removed ? "" : "no such entry");
        return removed;
    }

    /// <inheritdoc />
    public IReadOnlyList<SecretReference> List() => Entries().Select(e => e.Reference).ToList();

    /// <summary>Every entry's reference and update time, in item then field order (ordinal); no values.</summary>
    public IReadOnlyList<VaultEntryInfo> Entries()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _state.Entries
                .OrderBy(e => e.Item, StringComparer.Ordinal).ThenBy(e => e.Field, StringComparer.Ordinal)
                .Select(e => new VaultEntryInfo(new SecretReference(e.Item, e.Field), e.UpdatedAt))
                .ToList();
        }
    }

    /// <summary>
    /// Replaces the passphrase slot(s) with one for <paramref name="newPassphrase"/>, re-wrapping the same data key
    /// (entries are not re-encrypted). Other slots stay. The backup (<see cref="BackupPath"/>) gets the same new slot, so
    /// the old passphrase opens neither file afterwards and <c>vault recover</c> works with the new one.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 1 when the new passphrase fails <see cref="VaultPassphraseRule"/>.</exception>
    public void ChangePassphrase(VaultCredential newPassphrase)
    {
        ArgumentNullException.ThrowIfNull(newPassphrase);
        if (newPassphrase.Kind != SlotKind.Passphrase)
        {
            throw new ArgumentException("ChangePassphrase needs a passphrase credential.", nameof(newPassphrase));
        }

        newPassphrase.CheckPolicy();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var slot = newPassphrase.Wrap(_key.Raw, _state.VaultId, _options.Kdf);
            Mutate(state => state with { Slots = state.Slots.Where(s => s.Kind != SlotKind.Passphrase).Append(slot).ToList() });
            // The backup now holds the file as it was, under the old passphrase: left so, the old passphrase would still
            // open every secret in it, and `vault recover` could not use it with the new one. Same data key: re-wrap it.
            using var fileLock = FileLock.Acquire(Path, _options.LockTimeout);
            try
            {
                if (File.Exists(BackupPath) && ReadOuterOrThrow(BackupPath, ReadFile(BackupPath), _options) is var outer
                    && outer.VaultId.AsSpan().SequenceEqual(_state.VaultId) && ReadInnerOrThrow(BackupPath, outer, _key, _options) is { } backup)
                {
                    var rewrapped = backup with { Slots = backup.Slots.Where(s => s.Kind != SlotKind.Passphrase).Append(slot).ToList() };
                    AtomicFile.Write(BackupPath, VaultFileFormat.Encode(rewrapped, _key));
                }
            }
            catch (TradeguardException e) when (e.ExitCode == ExitCode.IntegrityFailure)
            {
                // A damaged backup cannot be re-wrapped (nor used by recover); the passphrase change itself stands.
            }
        }

        Record(_options, "vault.passwd", Path, AuditOutcome.Success, details: new Dictionary<string, string> { ["kdf"] = _options.Kdf.ToString() });
    }

    /// <summary>Adds a key slot for <paramref name="credential"/> (e.g. a new key file) wrapping the current data key.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the vault already has the maximum of 8 slots.</exception>
    public void AddSlot(VaultCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (credential.Kind == SlotKind.Passphrase)
        {
            credential.CheckPolicy();
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var slot = credential.Wrap(_key.Raw, _state.VaultId, _options.Kdf);
            Mutate(state => state.Slots.Count >= VaultFileFormat.MaxSlots
                ? throw new TradeguardException(ExitCode.Configuration, $"vault {Path} already has {VaultFileFormat.MaxSlots} key slots.")
                : state with { Slots = state.Slots.Append(slot).ToList() });
        }

        Record(_options, "vault.slot_add", Path, AuditOutcome.Success, details: new Dictionary<string, string> { ["slot"] = credential.Kind.ToString().ToLowerInvariant() });
    }

    /// <summary>
    /// Generates a new data key, re-encrypts every entry under it and re-wraps it for every credential in
    /// <paramref name="credentials"/>. Every existing slot must be opened by one of them (a slot re-wrapped without its
    /// key would lock out whatever unlocks with it, e.g. a service's key file) unless <paramref name="dropUnmatchedSlots"/>.
    /// </summary>
    /// <param name="credentials">The credentials to keep (the unlocking one and each key file); 1 to 8.</param>
    /// <param name="dropUnmatchedSlots">True to drop, on purpose, slots that no given credential opens.</param>
    /// <exception cref="TradeguardException">Exit 2 naming the slots no given credential opens (nothing changed);
    /// exit 4 when an entry is damaged (recover first).</exception>
    public void Rotate(IReadOnlyList<VaultCredential> credentials, bool dropUnmatchedSlots = false)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.Count is 0 or > VaultFileFormat.MaxSlots)
        {
            throw new ArgumentException($"Rotate needs 1 to {VaultFileFormat.MaxSlots} credentials.", nameof(credentials));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var unmatched = _state.Slots.Where(slot => !credentials.Any(c => Opens(c, slot))).ToList();
            if (unmatched.Count > 0 && !dropUnmatchedSlots)
            {
                throw VaultErrors.RotateWouldDropSlots(Path, unmatched.Select(s => s.Kind).ToList());
            }

            var newKey = DataKey.Generate(_state.VaultId);
            try
            {
                var slots = credentials.Select(c => c.Wrap(newKey.Raw, _state.VaultId, _options.Kdf)).ToList();
                Mutate(state =>
                {
                    var damaged = DamagedEntries(state);
                    if (damaged.Count > 0)
                    {
                        throw VaultErrors.DamagedEntriesBlock(Path, "rotate", damaged.Count);
                    }

                    var entries = state.Entries.Select(e => Reseal(e, newKey, state.VaultId)).ToList();
                    return state with { Slots = slots, Entries = entries };
                }, newKey);
            }
            catch
            {
                newKey.Dispose();
                throw;
            }

            _key.Dispose();
            _key = newKey;
        }

        Record(_options, "vault.rotate", Path, AuditOutcome.Success, details: new Dictionary<string, string> { ["slots"] = credentials.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    /// <summary>
    /// Copies the value at <paramref name="from"/> to <paramref name="to"/> without revealing it (it is re-sealed
    /// under its new name inside this process); with <paramref name="move"/> the original is removed in the same save.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 5 when <paramref name="from"/> is not in the vault; exit 2 when
    /// <paramref name="to"/> holds a value and <paramref name="overwrite"/> is false; exit 4 when the entry is damaged.</exception>
    public void Copy(SecretReference from, SecretReference to, bool move = false, bool overwrite = false)
    {
        if (from == to)
        {
            throw new TradeguardException(ExitCode.Usage, $"{from} and {to} are the same entry; nothing was changed.");
        }

        var now = _options.Time.GetUtcNow();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Mutate(state =>
            {
                var source = Find(state, from) ?? throw VaultErrors.NoSuchEntry(Path, from);
                if (!overwrite && Find(state, to) is not null)
                {
                    throw VaultErrors.TargetExists(Path, to);
                }

                using var value = TryDecrypt(source, _key, state.VaultId) ?? throw VaultErrors.EntryDamaged(Path, source.Name);
                var draft = new EntryRecord(RandomNumberGenerator.GetBytes(VaultFileFormat.IdLength), to.Item, to.Field, now, ReadOnlyMemory<byte>.Empty);
                var copy = draft with { Sealed = value.Use(clear => _key.Entries.Seal(clear, VaultFileFormat.EntryAssociatedData(state.VaultId, draft))) };
                var kept = state.Entries.Where(e => !(e.Item == to.Item && e.Field == to.Field) && !(move && e == source));
                return state with { Entries = kept.Append(copy).ToList() };
            });
        }

        Record(_options, move ? "vault.mv" : "vault.cp", from.ToString(), AuditOutcome.Success,
            details: new Dictionary<string, string> { ["to"] = to.ToString() });
    }

    /// <summary>Re-reads the file and authenticates every entry; names each damaged one and records it in the audit log.</summary>
    public VaultCheckReport Check()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var (state, _) = Reload();
            _state = state;
            var damaged = DamagedEntries(state).Select(e => e.Name).ToList();
            foreach (var name in damaged)
            {
                Record(_options, "vault.entry_damaged", name, AuditOutcome.Failure, "entry does not authenticate");
            }

            return new VaultCheckReport(Path, state.Generation, state.SavedAt,
                state.Slots.Select(s => (s.Kind, s.Kdf)).ToList(), state.Entries.Count, damaged, File.Exists(BackupPath));
        }
    }

    /// <summary>Zeroes the data key. The object cannot be used afterwards.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _key.Dispose();
                _disposed = true;
            }
        }
    }

    /// <summary>The intact entries' values, for recovery; the caller disposes them.</summary>
    internal IReadOnlyList<(EntryRecord Entry, Secret Value)> IntactEntries()
    {
        lock (_gate)
        {
            var result = new List<(EntryRecord, Secret)>();
            foreach (var entry in _state.Entries)
            {
                if (TryDecrypt(entry, _key, _state.VaultId) is { } value)
                {
                    result.Add((entry, value));
                }
            }

            return result;
        }
    }

    internal IReadOnlyList<string> DamagedEntryNames()
    {
        lock (_gate)
        {
            return DamagedEntries(_state).Select(e => e.Name).ToList();
        }
    }

    /// <summary>Replaces the vault's entries with <paramref name="entries"/> (values re-sealed), in one save; for recovery.</summary>
    internal void ReplaceEntries(IReadOnlyList<(EntryRecord Entry, Secret Value)> entries)
    {
        lock (_gate)
        {
            var resealed = entries.Select(x =>
            {
                var draft = x.Entry with { Id = RandomNumberGenerator.GetBytes(VaultFileFormat.IdLength), Sealed = ReadOnlyMemory<byte>.Empty };
                return draft with { Sealed = x.Value.Use(clear => _key.Entries.Seal(clear, VaultFileFormat.EntryAssociatedData(_state.VaultId, draft))) };
            }).ToList();
            Mutate(state => state with { Entries = resealed });
        }
    }

    // Read-modify-write under the file lock. `change` returns null for "nothing to write".
    private void Mutate(Func<VaultState, VaultState?> change, DataKey? newKey = null)
    {
        using var fileLock = FileLock.Acquire(Path, _options.LockTimeout);
        var (current, currentBytes) = Reload();
        var changed = change(current);
        if (changed is null)
        {
            _state = current;
            return;
        }

        var next = changed with { Generation = current.Generation + 1, SavedAt = _options.Time.GetUtcNow() };
        var bytes = VaultFileFormat.Encode(next, newKey ?? _key);
        if (DamagedEntries(current).Count == 0)
        {
            AtomicFile.Write(BackupPath, currentBytes);
        }

        AtomicFile.Write(Path, bytes);
        _state = next;
    }

    // Reads the file as it is on disk now (another process may have saved since we opened it).
    private (VaultState State, byte[] Bytes) Reload()
    {
        var bytes = ReadFile(Path);
        var outer = ReadOuterOrThrow(Path, bytes, _options);
        if (!outer.VaultId.AsSpan().SequenceEqual(_state.VaultId))
        {
            throw VaultErrors.ChangedElsewhere(Path);
        }

        var state = ReadInnerOrThrow(Path, outer, _key, _options) ?? throw VaultErrors.ChangedElsewhere(Path);
        return (state, bytes);
    }

    private Secret Decrypt(EntryRecord entry)
    {
        var value = TryDecrypt(entry, _key, _state.VaultId);
        if (value is null)
        {
            Record(_options, "vault.entry_damaged", entry.Name, AuditOutcome.Failure, "entry does not authenticate");
            throw VaultErrors.EntryDamaged(Path, entry.Name);
        }

        RegisterWithRedactor(value);
        return value;
    }

    private List<EntryRecord> DamagedEntries(VaultState state)
    {
        var damaged = new List<EntryRecord>();
        foreach (var entry in state.Entries)
        {
            using var value = TryDecrypt(entry, _key, state.VaultId);
            if (value is null)
            {
                damaged.Add(entry);
            }
        }

        return damaged;
    }

    private static Secret? TryDecrypt(EntryRecord entry, DataKey key, byte[] vaultId)
    {
        if (!entry.Complete || !key.Entries.TryOpen(entry.Sealed.Span, VaultFileFormat.EntryAssociatedData(vaultId, entry), out var clear))
        {
            return null;
        }

        try
        {
            return Secret.FromBytes(clear);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }

    private EntryRecord Reseal(EntryRecord entry, DataKey newKey, byte[] vaultId)
    {
        using var value = TryDecrypt(entry, _key, vaultId) ?? throw VaultErrors.EntryDamaged(Path, entry.Name);
        return entry with { Sealed = value.Use(clear => newKey.Entries.Seal(clear, VaultFileFormat.EntryAssociatedData(vaultId, entry))) };
    }

    private bool Opens(VaultCredential credential, KeySlot slot)
    {
        if (!credential.TryUnwrap(slot, _state.VaultId, out var raw))
        {
            return false;
        }

        CryptographicOperations.ZeroMemory(raw);
        return true;
    }

    private static EntryRecord? Find(VaultState state, SecretReference reference) =>
        state.Entries.FirstOrDefault(e => e.Item == reference.Item && e.Field == reference.Field);

    // Values that are not UTF-8 text (raw key bytes) cannot appear in text output as such; text ones are registered.
    private static void RegisterWithRedactor(Secret value)
    {
        var text = value.Use(clear =>
        {
            try
            {
                return new UTF8Encoding(false, true).GetString(clear);
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        });
        if (text is not null)
        {
            Redactor.Shared.Register(text);
            foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                Redactor.Shared.Register(line);
            }
        }
    }

    private static byte[] ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw VaultErrors.Missing(path);
        }

        PrivateFile.EnsurePrivate(path, "vault");
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw VaultErrors.CannotRead(path, e);
        }
    }

    private static VaultFileFormat.Outer ReadOuterOrThrow(string path, byte[] bytes, VaultOptions options)
    {
        try
        {
            return VaultFileFormat.ReadOuter(bytes);
        }
        catch (FormatDamage e)
        {
            throw Damaged(options, path, e.Message);
        }
    }

    private static VaultState? ReadInnerOrThrow(string path, VaultFileFormat.Outer outer, DataKey key, VaultOptions options)
    {
        try
        {
            return VaultFileFormat.ReadInner(outer, key);
        }
        catch (FormatDamage e)
        {
            throw Damaged(options, path, e.Message);
        }
    }

    private static DataKey Unlock(string path, VaultFileFormat.Outer outer, VaultCredential credential, VaultOptions options)
    {
        if (outer.Slots.All(s => s.Kind != credential.Kind))
        {
            Record(options, "vault.unlock", path, AuditOutcome.Denied, "no slot of that kind");
            throw VaultErrors.NoSlotFor(path, credential.Kind == SlotKind.Key ? "key-file" : "passphrase");
        }

        foreach (var slot in outer.Slots)
        {
            if (credential.TryUnwrap(slot, outer.VaultId, out var raw))
            {
                return DataKey.FromOwnedBytes(raw, outer.VaultId);
            }
        }

        Record(options, "vault.unlock", path, AuditOutcome.Denied, credential.Kind == SlotKind.Key ? "wrong key" : "wrong passphrase");
        throw credential.Kind == SlotKind.Key ? VaultErrors.WrongKey(path) : VaultErrors.WrongPassphrase(path);
    }

    private static TradeguardException Damaged(VaultOptions options, string path, string what)
    {
        Record(options, "vault.damaged", path, AuditOutcome.Failure, what);
        return VaultErrors.Damaged(path, what);
    }

    private static void Record(VaultOptions options, string action, string target, AuditOutcome outcome, string reason = "",
        IReadOnlyDictionary<string, string>? details = null) =>
        options.Audit.Record(new AuditEvent(options.Actor, action, target, outcome, reason, details));
}
