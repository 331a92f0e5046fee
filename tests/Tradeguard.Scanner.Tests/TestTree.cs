using Tradeguard.Scanner.Findings;
using Tradeguard.TestSupport;

namespace Tradeguard.Scanner.Tests;

/// <summary>A temporary project tree: write files (mode 0600 unless asked), scan it in-process or through the CLI.</summary>
internal sealed class TestTree : IDisposable
{
    private readonly TempFolder _folder = new();

    public string Root => _folder.Path;

    public string Write(string relativePath, string content, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, mode);
        return path;
    }

    public IReadOnlyList<Finding> Scan(bool history = false, bool respectGitignore = false, long? maxFileBytes = null) =>
        SecretScanner.Scan(new ScanOptions
        {
            Root = Root,
            History = history,
            RespectGitignore = respectGitignore,
            MaxFileBytes = maxFileBytes ?? ScanOptions.DefaultMaxFileBytes,
        }).Findings;

    public ProcessResult Cli(params string[] args) =>
        TradeguardCli.Run(["scan", .. args], env: new Dictionary<string, string?> { ["TRADEGUARD_HOME"] = Path.Combine(Root, ".home") },
            workingDirectory: Root);

    public ProcessResult Git(params string[] args)
    {
        var result = ChildProcess.Run("git", ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main",
            "-c", "commit.gpgsign=false", .. args], workingDirectory: Root);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', args)} failed: {result.AllOutput}");
        return result;
    }

    public void Dispose() => _folder.Dispose();
}
