using Tradeguard.Scanner.Findings;
using Tradeguard.Scanner.Git;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Hygiene;

/// <summary>
/// The built-in checks on files that hold a live secret: tracked by git, not covered by .gitignore, readable or
/// writable by group or others. They run once per scan, after the content rules, on the few files with secrets.
/// </summary>
internal static class SecretFileChecks
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    /// <param name="rules">The rule set (for severity, description and fix of the built-in checks).</param>
    /// <param name="root">Absolute scan root (a folder or a single file).</param>
    /// <param name="secretFiles">Relative paths (forward slashes) of files holding at least one live secret.</param>
    public static List<Finding> Check(RuleSet rules, string root, IReadOnlyCollection<string> secretFiles)
    {
        var findings = new List<Finding>();
        if (secretFiles.Count == 0)
        {
            return findings;
        }

        var rootFolder = Directory.Exists(root) ? root : Path.GetDirectoryName(root)!;
        foreach (var path in secretFiles)
        {
            var full = Path.Combine(rootFolder, path);
            if (ConfigOrKeyFile.Is(path) && (File.GetUnixFileMode(full) & GroupOrOthers) != 0)
            {
                Add(findings, rules, "secret-file-permissions", path);
            }
        }

        var top = GitCli.TopLevel(rootFolder);
        if (top is null)
        {
            return findings;
        }

        var byTopRelative = secretFiles.ToDictionary(
            p => Path.GetRelativePath(top, Path.Combine(rootFolder, p)).Replace('\\', '/'), p => p);
        var tracked = Lines(GitCli.Run(top, ["ls-files", "-z", "--", .. byTopRelative.Keys], null, allowFailure: false).Stdout);
        var untracked = byTopRelative.Keys.Where(p => !tracked.Contains(p)).ToList();
        var ignored = untracked.Count == 0
            ? []
            : Lines(GitCli.Run(top, ["check-ignore", "-z", "--stdin"], string.Join('\0', untracked) + "\0", allowFailure: true).Stdout);
        foreach (var (topRelative, path) in byTopRelative)
        {
            if (tracked.Contains(topRelative))
            {
                Add(findings, rules, "secret-file-tracked", path);
            }
            else if (!ignored.Contains(topRelative))
            {
                Add(findings, rules, "secret-file-not-ignored", path);
            }
        }

        return findings;
    }

    private static HashSet<string> Lines(string nulSeparated) =>
        nulSeparated.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static void Add(List<Finding> findings, RuleSet rules, string ruleId, string path)
    {
        if (!rules.ById.TryGetValue(ruleId, out var rule))
        {
            return;
        }

        findings.Add(new Finding(rule.Id, rule.Kind, rule.Severity, path, 1, 1, 1, 1, "", Fingerprint.Of(rule.Id, path, path),
            rule.Description, rule.Fix.Replace("<file>", ShellQuote.Quote(path), StringComparison.Ordinal), IsExample: false, Commit: null));
    }
}
