namespace Tradeguard.Core.Storage;

/// <summary>What an <see cref="AtomicFile"/> write promises once it returns. Either way a reader sees the old file or the new one, never a mix.</summary>
public enum FileDurability
{
    /// <summary>
    /// On disk: the file and its folder entry are flushed (fsync) before the call returns, so a power loss cannot undo
    /// it. For files that hold the only copy of something: vaults, keys, run state, configs.
    /// </summary>
    Durable,

    /// <summary>
    /// Not flushed: a power loss in the seconds after may leave the previous version. For output that a rerun rebuilds
    /// from its inputs (report files), where two flushes per file were most of the time spent writing them.
    /// </summary>
    Rebuildable,
}
