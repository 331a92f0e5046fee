using System.Diagnostics;
using System.Text;
using Tradeguard.TestSupport;

namespace Tradeguard.Exchange.Tests.Support;

/// <summary>The real CLI as a long-running child process: output collected as it comes, stopped with a real SIGTERM.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();

    public ServiceProcess(IEnumerable<string> args, IReadOnlyDictionary<string, string?> env)
    {
        var info = TradeguardCli.StartInfo(args, redirectStdin: true);

        foreach (var (k, v) in env)
        {
            info.Environment[k] = v;
        }

        process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Stdout => Read(stdout);

    public string Stderr => Read(stderr);

    public int Id => process.Id;

    /// <summary>Waits until stdout holds <paramref name="text"/>; fails with both outputs after the timeout or if the process ends first.</summary>
    public void WaitForStdout(string text, TimeSpan timeout) => WaitFor(() => Stdout, text, timeout);

    /// <summary>Waits until stderr holds <paramref name="text"/>.</summary>
    public void WaitForStderr(string text, TimeSpan timeout) => WaitFor(() => Stderr, text, timeout);

    private void WaitFor(Func<string> output, string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!output().Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited)
            {
                process.WaitForExit(); // drains the output readers
                Assert.True(output().Contains(text, StringComparison.Ordinal),
                    $"the service ended (exit {process.ExitCode}) without printing \"{text}\":\n{Stdout}\n{Stderr}");
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no \"{text}\" within {timeout}:\n{Stdout}\n{Stderr}");
            Thread.Sleep(20);
        }
    }

    /// <summary>Sends SIGTERM, as systemd's stop does.</summary>
    public void Terminate() => Assert.Equal(0, Kill(Id, SigTerm));

    public int WaitForExit(TimeSpan timeout)
    {
        Assert.True(process.WaitForExit(timeout), $"the service did not exit within {timeout}:\n{Stdout}\n{Stderr}");
        process.WaitForExit(); // drains the output readers
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static void Append(StringBuilder to, string? line)
    {
        if (line is not null)
        {
            lock (to)
            {
                to.AppendLine(line);
            }
        }
    }

    private static string Read(StringBuilder from)
    {
        lock (from)
        {
            return from.ToString();
        }
    }
}
