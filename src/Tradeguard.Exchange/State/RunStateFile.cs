using System.Text.Json;
using System.Text.Json.Serialization;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Core.Storage;
using Tradeguard.Trading.Events;

namespace Tradeguard.Exchange.State;

/// <summary>
/// One run's state file, <c>&lt;home&gt;/state/&lt;mode&gt;/&lt;name&gt;.json</c>: paper and live runs keep their state in
/// separate folders, and a file is refused when it names the other mode, so a paper run never reads or writes live
/// state and the reverse. Held under an exclusive lock for the run's lifetime (two runners of one name and mode would
/// send orders twice); written atomically with mode 0600 (<see cref="AtomicFile"/>). Dispose to release the lock.
/// </summary>
public sealed class RunStateFile : IDisposable
{
    private readonly FileLock fileLock;

    private RunStateFile(string path, TradingMode mode, string name, FileLock fileLock)
    {
        Path = path;
        Mode = mode;
        Name = name;
        this.fileLock = fileLock;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The mode whose folder it is in.</summary>
    public TradingMode Mode { get; }

    /// <summary>The run's name.</summary>
    public string Name { get; }

    /// <summary>The folder of a mode's state files: <c>&lt;home&gt;/state/paper</c> or <c>&lt;home&gt;/state/live</c>.</summary>
    public static string Folder(string home, TradingMode mode) =>
        System.IO.Path.Combine(home, "state", ModeWord(mode));

    /// <summary><c>paper</c> or <c>live</c>.</summary>
    public static string ModeWord(TradingMode mode) => mode == TradingMode.Live ? "live" : "paper";

    /// <summary>Takes the run's state file (creating its folder, mode 0700) and its lock.</summary>
    /// <param name="home">The Tradeguard home folder.</param>
    /// <param name="mode">Paper or live: picks the folder.</param>
    /// <param name="name">The run's name (1-64 of A-Z a-z 0-9 _ . -).</param>
    /// <exception cref="TradeguardException">Exit 5: a bad name, or another runner of this name and mode holds the lock.</exception>
    public static RunStateFile Open(string home, TradingMode mode, string name)
    {
        if (!SecretReference.IsValidName(name) || name.StartsWith('.'))
        {
            throw new TradeguardException(ExitCode.Configuration, $"\"{name}\" cannot name a run: use 1-64 of A-Z a-z 0-9 _ . - (not starting with a dot)");
        }

        var folder = Folder(home, mode);
        PrivateFolder(System.IO.Path.GetDirectoryName(folder)!);
        PrivateFolder(folder);
        var path = System.IO.Path.Combine(folder, name + ".json");
        FileLock held;
        try
        {
            held = FileLock.Acquire(path, TimeSpan.Zero);
        }
        catch (TradeguardException e)
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"another tradeguard runner is trading the {ModeWord(mode)} run \"{name}\" (its state file {path} is locked); stop it first, or give this run another \"name\" in its config",
                e);
        }

        return new RunStateFile(path, mode, name, held);
    }

    /// <summary>
    /// Creates <paramref name="folder"/> with mode 0700, or takes group and other access away from one that exists
    /// (older versions made <c>state/</c> 0755: CreateDirectory gives the requested mode to the last folder only).
    /// </summary>
    private static void PrivateFolder(string folder)
    {
        const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(folder, Owner);
        if ((File.GetUnixFileMode(folder) & ~Owner) != 0)
        {
            File.SetUnixFileMode(folder, Owner);
        }
    }

    /// <summary>Reads the state; null when the run has none yet.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the file is readable by others; exit 4 when it is damaged or
    /// belongs to another mode or run (names the file and how to start over).</exception>
    public RunState? Load()
    {
        var state = PrivateJsonFile.Read(Path, "run state", RunStateJsonContext.Default.RunState, Damaged);
        if (state is null)
        {
            return null;
        }

        if (state.Version != 1)
        {
            throw Damaged("its format version is not 1");
        }

        if (state.Mode != ModeWord(Mode))
        {
            throw Damaged($"it holds {state.Mode} state in the {ModeWord(Mode)} folder");
        }

        return state.Name == Name ? state : throw Damaged($"it holds the state of the run \"{state.Name}\"");
    }

    /// <summary>Writes <paramref name="state"/> atomically (mode 0600), stamped with this file's mode and name.</summary>
    public void Save(RunState state)
    {
        var stamped = state with { Mode = ModeWord(Mode), Name = Name, UpdatedAt = DateTimeOffset.UtcNow };
        AtomicFile.WriteText(Path, JsonSerializer.Serialize(stamped, RunStateJsonContext.Default.RunState));
    }

    /// <summary>Moves the state aside (<c>&lt;name&gt;.json.&lt;UTC time&gt;.bak</c>) so the next run starts over; returns the backup's path, or null when there was none.</summary>
    public string? Reset()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        var backup = $"{Path}.{DateTime.UtcNow:yyyyMMddTHHmmssfffZ}.bak";
        File.Move(Path, backup);
        return backup;
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => fileLock.Dispose();

    private TradeguardException Damaged(string why) =>
        new(ExitCode.IntegrityFailure, $"the run state {Path} cannot be used: {why}. Move it away (or pass --reset-state) to start the run over");
}
