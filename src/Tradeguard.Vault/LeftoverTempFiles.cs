using System.Text.RegularExpressions;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Storage;

namespace Tradeguard.Vault;

/// <summary>
/// Temp files that a write killed before its rename left behind (<c>.vault.tgv.&lt;32 hex&gt;.tmp</c> and the same for
/// <c>vault.tgv.bak</c>, <see cref="AtomicFile"/>'s naming): removed when the vault is next opened.
/// </summary>
/// <remarks>
/// Only when there are some, and only while nobody holds the vault's lock: a temp file of a write in progress in another
/// process is left alone (it holds that lock). Opening a vault with nothing left over touches no file at all.
/// </remarks>
internal static class LeftoverTempFiles
{
    public static void Remove(string vaultPath)
    {
        var folder = Path.GetDirectoryName(vaultPath)!;
        var name = Path.GetFileName(vaultPath);
        var pattern = new Regex("^\\." + Regex.Escape(name) + "(\\.bak)?\\.[0-9a-f]{32}\\.tmp$", RegexOptions.CultureInvariant);
        var leftovers = Directory.EnumerateFiles(folder, "." + name + ".*.tmp").Where(f => pattern.IsMatch(Path.GetFileName(f))).ToList();
        if (leftovers.Count == 0)
        {
            return;
        }

        try
        {
            using var writerGone = FileLock.Acquire(vaultPath, TimeSpan.Zero);
            foreach (var file in leftovers)
            {
                File.Delete(file);
            }
        }
        catch (TradeguardException)
        {
            // A write is in progress: its temp file is not left over. The next open removes what is.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not ours to remove (permissions): opening the vault must not fail over a temp file.
        }
    }
}
