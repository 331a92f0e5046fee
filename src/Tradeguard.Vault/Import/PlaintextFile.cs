using System.Diagnostics;
using Tradeguard.Core.Errors;

namespace Tradeguard.Vault.Import;

/// <summary>What to do with a plaintext secrets file once its values are in the vault.</summary>
public static class PlaintextFile
{
    /// <summary>
    /// Overwrites the file's bytes with zeros, flushes them to disk, then unlinks it. On copy-on-write or flash
    /// storage the old blocks may survive; the secrets it held should be rotated if the disk could be exposed.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 5 when the file cannot be overwritten or removed.</exception>
    public static void Shred(string path)
    {
        try
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None))
            {
                var zeros = new byte[64 * 1024];
                for (var left = stream.Length; left > 0; left -= zeros.Length)
                {
                    stream.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
                }

                stream.Flush(flushToDisk: true);
            }

            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TradeguardException(ExitCode.Configuration, $"could not overwrite and delete {path}: {IoProblem.Describe(e)}. Delete it by hand.", e);
        }
    }

    /// <summary>
    /// Files under git in the folder of <paramref name="path"/> that look like they hold secrets (<c>.env*</c>,
    /// <c>*.env</c>, <c>*.ini</c>, <c>*.cfg</c>, <c>*.conf</c>), as paths relative to the repository; empty when the folder is
    /// not in a git work tree or git is not installed.
    /// </summary>
    public static IReadOnlyList<string> TrackedByGit(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var a in new[] { "ls-files", "--full-name", "--", ".env*", "*.env", "*.ini", "*.cfg", "*.conf", "**/.env*" })
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            using var git = Process.Start(info)!;
            var output = git.StandardOutput.ReadToEnd();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0
                ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList()
                : [];
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return [];
        }
    }
}
