using System.Diagnostics;
using Spectre.Console;
using Tradeguard.Trading.Engine;

namespace Tradeguard.Cli.Commands.Run;

/// <summary>
/// Shows how far a long run or a sweep has got: a Spectre.Console progress bar on an interactive terminal (Spectre
/// draws nothing when output is redirected), plain "progress:" lines on stderr at most once a second otherwise.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(1);

    public static bool IsInteractive =>
        !Console.IsOutputRedirected && !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static T Run<T>(int bars, Func<IProgress<RunProgress>, T> work)
    {
        if (!IsInteractive)
        {
            var plain = new PlainLines(p => $"progress: {p.Fraction:P0} ({p.BarsDone}/{p.BarsTotal} bars)", final: false);
            return work(new Reporter<RunProgress>(plain.Report));
        }

        return AnsiConsole.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("bars", maxValue: Math.Max(1, bars));
            return work(new Reporter<RunProgress>(p => task.Value = p.BarsDone));
        });
    }

    public static T Sweep<T>(int variants, Func<IProgress<int>, T> work)
    {
        if (!IsInteractive)
        {
            var plain = new PlainLines(done => $"sweep: {done}/{variants} variants done", final: true, isLast: done => done == variants);
            return work(new Reporter<int>(plain.Report));
        }

        return AnsiConsole.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("variants", maxValue: variants);
            return work(new Reporter<int>(done => task.Value = done));
        });
    }

    /// <summary>Calls back on the reporting thread (unlike <see cref="Progress{T}"/>, which posts to the thread pool).</summary>
    private sealed class Reporter<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    /// <summary>Throttled plain lines; with <c>final</c>, the last step is always printed.</summary>
    private sealed class PlainLines
    {
        private readonly Func<object, string> format;
        private readonly bool final;
        private readonly Func<object, bool> isLast;
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly object gate = new();
        private TimeSpan lastPrinted;

        public PlainLines(Func<RunProgress, string> format, bool final)
        {
            this.format = o => format((RunProgress)o);
            this.final = final;
            isLast = o => ((RunProgress)o).BarsDone == ((RunProgress)o).BarsTotal;
        }

        public PlainLines(Func<int, string> format, bool final, Func<int, bool> isLast)
        {
            this.format = o => format((int)o);
            this.final = final;
            this.isLast = o => isLast((int)o);
        }

        public void Report<T>(T value)
        {
            lock (gate)
            {
                var last = isLast(value!);
                if ((last && final) || (!last && clock.Elapsed - lastPrinted >= PlainInterval))
                {
                    lastPrinted = clock.Elapsed;
                    Console.Error.WriteLine(format(value!));
                }
            }
        }
    }
}
