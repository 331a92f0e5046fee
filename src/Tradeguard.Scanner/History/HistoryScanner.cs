using System.Globalization;
using System.Text;
using Tradeguard.Core.Errors;
using Tradeguard.Scanner.Detection;
using Tradeguard.Scanner.Findings;
using Tradeguard.Scanner.Git;

namespace Tradeguard.Scanner.History;

/// <summary>
/// Scans every line ever added in the commits reachable from HEAD (<c>git log -p -U0 HEAD</c>), so a secret that
/// was committed and later removed is still found, with the commit that added it. Each fingerprint is reported once,
/// for the oldest commit holding it.
/// </summary>
internal static class HistoryScanner
{
    private const char CommitMarker = '\u001e';

    /// <param name="scanner">The content scanner (same rules as the working-tree scan).</param>
    /// <param name="topLevel">The git work tree's top folder.</param>
    /// <param name="root">The scan root inside it; only its paths are scanned and they are reported relative to it.</param>
    /// <param name="maxAddedChars">Files whose added text in one commit exceeds this are passed over (like oversized files).</param>
    /// <exception cref="TradeguardException">git log failed (exit 6).</exception>
    public static List<Finding> Scan(ContentScanner scanner, string topLevel, string root, long maxAddedChars)
    {
        var rootFromTop = Path.GetRelativePath(topLevel, root).Replace('\\', '/');
        var prefix = rootFromTop == "." ? "" : rootFromTop.TrimEnd('/') + "/";
        var oldest = new Dictionary<string, Finding>(StringComparer.Ordinal);

        using var git = GitCli.Start(topLevel,
            ["log", "-p", "-U0", "--no-color", "--no-ext-diff", "--no-renames", "--format=" + CommitMarker + "%H", "HEAD", "--", prefix.Length == 0 ? "." : prefix]);
        var errors = git.StandardError.ReadToEndAsync();
        var reader = git.StandardOutput;
        string? commit = null;
        string? path = null;
        var inHunk = false;
        var nextLine = 0;
        var added = new StringBuilder();
        var lineMap = new List<int>();

        void Flush()
        {
            if (path is not null && commit is not null && lineMap.Count > 0 && added.Length <= maxAddedChars
                && path.StartsWith(prefix, StringComparison.Ordinal))
            {
                foreach (var finding in scanner.Scan(added.ToString(), path[prefix.Length..], commit, lineMap))
                {
                    oldest[finding.Fingerprint] = finding;
                }
            }

            added.Clear();
            lineMap.Clear();
            inHunk = false;
        }

        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length > 0 && line[0] == CommitMarker)
            {
                Flush();
                commit = line[1..];
                path = null;
            }
            else if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                Flush();
                path = null;
            }
            else if (!inHunk && line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                path = line == "+++ /dev/null" ? null : line[4..].StartsWith("b/", StringComparison.Ordinal) ? line[6..] : line[4..];
            }
            else if (line.StartsWith("@@ ", StringComparison.Ordinal))
            {
                inHunk = true;
                nextLine = HunkStart(line);
            }
            else if (inHunk && line.Length > 0 && line[0] == '+')
            {
                added.Append(line.AsSpan(1)).Append('\n');
                lineMap.Add(nextLine++);
            }
        }

        Flush();
        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new TradeguardException(ExitCode.ExternalService, $"git log failed in '{topLevel}' (exit {git.ExitCode}): {errors.Result.Trim()}");
        }

        return [.. oldest.Values];
    }

    /// <summary>The first new-file line number in a hunk header <c>@@ -a,b +c,d @@</c>.</summary>
    private static int HunkStart(string header)
    {
        var plus = header.IndexOf(" +", StringComparison.Ordinal) + 2;
        var end = plus;
        while (end < header.Length && char.IsAsciiDigit(header[end]))
        {
            end++;
        }

        return int.Parse(header.AsSpan(plus, end - plus), CultureInfo.InvariantCulture);
    }
}
