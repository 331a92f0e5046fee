using Tradeguard.Core.Storage;

namespace Tradeguard.Audit;

/// <summary>Where one audit log lives: the SQLite database and the checkpoint file beside it.</summary>
/// <param name="Database">The SQLite file (default <c>$TRADEGUARD_HOME/audit.db</c>).</param>
/// <param name="Checkpoint">The checkpoint file (default <c>$TRADEGUARD_HOME/audit.checkpoint</c>).</param>
public sealed record AuditPaths(string Database, string Checkpoint)
{
    /// <summary>The database's file name inside an installation folder.</summary>
    public const string DatabaseFileName = "audit.db";

    /// <summary>The checkpoint's file name inside an installation folder.</summary>
    public const string CheckpointFileName = "audit.checkpoint";

    /// <summary>The paths inside <paramref name="folder"/>.</summary>
    public static AuditPaths InFolder(string folder) =>
        new(Path.Combine(folder, DatabaseFileName), Path.Combine(folder, CheckpointFileName));

    /// <summary>The paths for a database anywhere (a copy taken for an investigation): the checkpoint is the database's
    /// name with <c>.checkpoint</c> in place of its extension (<c>audit.db</c> → <c>audit.checkpoint</c>).</summary>
    public static AuditPaths ForDatabase(string database)
    {
        var full = Path.GetFullPath(database);
        return new AuditPaths(full, Path.ChangeExtension(full, ".checkpoint"));
    }

    /// <summary>The installation's paths, inside <see cref="TradeguardHome.Path"/> (created 0700 if missing).</summary>
    public static AuditPaths ForInstallation() => InFolder(TradeguardHome.Path);
}
