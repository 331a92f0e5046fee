using System.Diagnostics;
using Tradeguard.Core.Errors;

namespace Tradeguard.Scanner.Git;

/// <summary>
/// Runs the <c>git</c> command-line tool (the one every trader already has), never a re-implementation of its object
/// format. Arguments go through ArgumentList, never a shell.
/// </summary>
internal static class GitCli
{
    /// <summary>
    /// The work tree's top folder containing <paramref name="path"/>, or null when it is not inside one or git is not
    /// installed (the git-based checks are then left out rather than failing the scan).
    /// </summary>
    public static string? TopLevel(string path)
    {
        var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            var (code, output) = Run(folder, ["rev-parse", "--show-toplevel"], stdin: null, allowFailure: true);
            return code == 0 ? output.Trim() : null;
        }
        catch (TradeguardException e) when (e.ExitCode == ExitCode.ExternalService)
        {
            return null;
        }
    }

    /// <summary>True when the repository at <paramref name="topLevel"/> has at least one commit.</summary>
    public static bool HasCommits(string topLevel) =>
        Run(topLevel, ["rev-parse", "--verify", "--quiet", "HEAD"], stdin: null, allowFailure: true).ExitCode == 0;

    /// <summary>Runs git in <paramref name="workingDirectory"/> and returns its exit code and standard output.</summary>
    /// <exception cref="TradeguardException">git is not installed (exit 6), or it failed and <paramref name="allowFailure"/> is false (exit 6).</exception>
    public static (int ExitCode, string Stdout) Run(string workingDirectory, IEnumerable<string> args, string? stdin, bool allowFailure)
    {
        using var process = Start(workingDirectory, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new TradeguardException(ExitCode.ExternalService,
                $"git {string.Join(' ', args)} failed in '{workingDirectory}': {stderr.Result.Trim()}");
        }

        return (process.ExitCode, stdout.Result);
    }

    /// <summary>Starts git with standard output redirected, for callers that stream it (history).</summary>
    /// <exception cref="TradeguardException">git is not installed (exit 6).</exception>
    public static Process Start(string workingDirectory, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("core.quotePath=false");
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        try
        {
            return Process.Start(info) ?? throw new InvalidOperationException("git did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new TradeguardException(ExitCode.ExternalService, "git is not installed or not on PATH; install git to use this feature", e);
        }
    }
}
