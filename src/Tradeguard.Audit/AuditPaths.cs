using Tradeguard.Core.Storage;

namespace Tradeguard.Audit;

/// <summary>Where one audit log lives: the SQLite database, the checkpoint file beside it, and the second checkpoint
/// copy beside the vault (docs/audit.md, "Checkpoints").</summary>
/// <param name="Database">The SQLite file (default <c>$TRADEGUARD_HOME/audit.db</c>).</param>
/// <param name="Checkpoint">The checkpoint file (default <c>$TRADEGUARD_HOME/audit.checkpoint</c>).</param>
/// <param name="VaultCheckpoint">The second copy, kept in the vault's folder
/// (<c>audit.vault-checkpoint</c>), so that rolling back the log's folder alone is detected.</param>
public sealed record AuditPaths(string Database, string Checkpoint, string VaultCheckpoint)
{
    /// <summary>The database's file name inside an installation folder.</summary>
    public const string DatabaseFileName = "audit.db";

    /// <summary>The checkpoint's file name inside an installation folder.</summary>
    public const string CheckpointFileName = "audit.checkpoint";

    /// <summary>The second checkpoint copy's file name inside the vault's folder.</summary>
    public const string VaultCheckpointFileName = "audit.vault-checkpoint";

    /// <summary>The paths inside <paramref name="folder"/> (the vault copy too, as for a vault in that folder).</summary>
    public static AuditPaths InFolder(string folder) =>
        new(Path.Combine(folder, DatabaseFileName), Path.Combine(folder, CheckpointFileName), Path.Combine(folder, VaultCheckpointFileName));

    /// <summary>The paths for a database anywhere (a copy taken for an investigation): the checkpoints are the
    /// database's name with <c>.checkpoint</c> and <c>.vault-checkpoint</c> in place of its extension
    /// (<c>audit.db</c> → <c>audit.checkpoint</c>, <c>audit.vault-checkpoint</c>).</summary>
    public static AuditPaths ForDatabase(string database)
    {
        var full = Path.GetFullPath(database);
        return new AuditPaths(full, Path.ChangeExtension(full, ".checkpoint"), Path.ChangeExtension(full, ".vault-checkpoint"));
    }

    /// <summary>The installation's paths, inside <see cref="TradeguardHome.Path"/> (created 0700 if missing).</summary>
    public static AuditPaths ForInstallation() => InFolder(TradeguardHome.Path);

    /// <summary>These paths with the vault copy in the folder of the vault at <paramref name="vaultPath"/> (one copy
    /// per folder, so a vault and its <c>.bak</c> share it and opening the backup creates nothing new).</summary>
    public AuditPaths BesideVault(string vaultPath) =>
        this with { VaultCheckpoint = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(vaultPath))!, VaultCheckpointFileName) };
}
