using System.Collections.Concurrent;

namespace Tradeguard.TestSupport;

/// <summary>
/// A Tradeguard home made once per test process by running the real CLI, then copied (files and their modes) into
/// each test's own folder. Tests that only need the same starting state skip repeating the commands that made it:
/// every CLI start costs a fraction of a second of CPU, and the suite has a time budget.
/// </summary>
public static class HomeTemplate
{
    private static readonly ConcurrentDictionary<string, Lazy<TempFolder>> Made = new();

    /// <summary>
    /// Copies the template named <paramref name="name"/> into <paramref name="destination"/> (an existing, empty
    /// folder), first making it with <paramref name="make"/> (given an empty private folder) if this process has not.
    /// </summary>
    public static void CopyTo(string name, Action<string> make, string destination)
    {
        var template = Made.GetOrAdd(name, _ => new Lazy<TempFolder>(() =>
        {
            var folder = new TempFolder();
            make(folder.Path);
            return folder;
        })).Value;
        Copy(template.Path, destination);
    }

    private static void Copy(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from))
        {
            var target = Path.Combine(to, Path.GetFileName(directory));
            Directory.CreateDirectory(target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(directory));
            Copy(directory, target);
        }

        foreach (var file in Directory.GetFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
    }
}
