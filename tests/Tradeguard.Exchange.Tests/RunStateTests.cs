using System.Text.Json;
using Tradeguard.Core.Errors;
using Tradeguard.Exchange.Runner;
using Tradeguard.Exchange.State;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Events;

namespace Tradeguard.Exchange.Tests;

/// <summary>Paper and live runs keep their state apart, and a restarted run resumes from its own mode's file.</summary>
public sealed class RunStateTests
{
    [Fact]
    public void StateFolders_AreOwnerOnly_AndAnExistingWideOneIsTightened()
    {
        using var home = new TempFolder();
        const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(home.Combine("state"), Owner | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        using (RunStateFile.Open(home.Path, TradingMode.Paper, "orcl"))
        {
        }

        Assert.Equal(Owner, File.GetUnixFileMode(home.Combine("state")));
        Assert.Equal(Owner, File.GetUnixFileMode(home.Combine("state/paper")));
    }

    [Fact]
    public async Task LiveRun_NeverTouchesThePaperStateFile_AndPaperNeverTouchesTheLiveOne()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var home = new TempFolder();
        var paperPath = RunStateFile.Folder(home.Path, TradingMode.Paper) + "/orcl.json";
        var livePath = RunStateFile.Folder(home.Path, TradingMode.Live) + "/orcl.json";

        await RunAsync(sandbox, home, TradingMode.Paper, bars: 10);
        var paper = Snapshot(paperPath);
        Assert.False(File.Exists(livePath));
        await RunAsync(sandbox, home, TradingMode.Live, bars: 10);
        var live = Snapshot(livePath);

        Assert.Equal(paper, Snapshot(paperPath));
        Assert.Equal("live", Read(livePath).Mode);
        Assert.Equal(20, Read(livePath).BarsSeen); // a new run catches up on the 10 candles already closed

        Assert.Equal("paper", Read(paperPath).Mode);
        await RunAsync(sandbox, home, TradingMode.Paper, bars: 5);
        Assert.Equal(live, Snapshot(livePath));
        Assert.Equal(25, Read(paperPath).BarsSeen); // resumed after its own last candle: the live run's 10, then 5
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(paperPath));
    }

    [Fact]
    public async Task AStateFileOfTheOtherMode_IsRefused()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var home = new TempFolder();
        using (var paper = RunStateFile.Open(home.Path, TradingMode.Paper, "orcl"))
        {
            paper.Save(new RunState { Mode = "paper", Name = "orcl", Symbol = "ORCL", RunTag = "abcd0123" });
        }

        var livePath = Path.Combine(RunStateFile.Folder(home.Path, TradingMode.Live), "orcl.json");
        Directory.CreateDirectory(Path.GetDirectoryName(livePath)!);
        File.Copy(Path.Combine(RunStateFile.Folder(home.Path, TradingMode.Paper), "orcl.json"), livePath);
        using var live = RunStateFile.Open(home.Path, TradingMode.Live, "orcl");

        var error = Assert.Throws<TradeguardException>(live.Load);
        Assert.Equal(ExitCode.IntegrityFailure, error.ExitCode);
        Assert.Equal($"the run state {livePath} cannot be used: it holds paper state in the live folder. Move it away (or pass --reset-state) to start the run over", error.Message);
        using var paperAgain = RunStateFile.Open(home.Path, TradingMode.Paper, "other");
        var mismatch = Assert.Throws<TradeguardException>(() => new ExchangeStrategyRunner(sandbox.Client, sandbox.Plan.CreateStrategy(),
            new ExchangeRunOptions { Symbol = "ORCL", Mode = TradingMode.Live }, stateFile: paperAgain));
        Assert.Equal(ExitCode.Configuration, mismatch.ExitCode);
    }

    [Fact]
    public void ASecondRunnerOfTheSameRunAndMode_IsRefused()
    {
        using var home = new TempFolder();
        using var first = RunStateFile.Open(home.Path, TradingMode.Paper, "orcl");
        var error = Assert.Throws<TradeguardException>(() => RunStateFile.Open(home.Path, TradingMode.Paper, "orcl"));
        Assert.Equal(ExitCode.Configuration, error.ExitCode);
        Assert.StartsWith("another tradeguard runner is trading the paper run \"orcl\"", error.Message, StringComparison.Ordinal);
        using var live = RunStateFile.Open(home.Path, TradingMode.Live, "orcl"); // the other mode is another run
    }

    [Fact]
    public async Task ARestartedRun_ResumesItsWorkingOrderAndLastCandle()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var home = new TempFolder();
        long workingId;
        int ordersBefore;
        using (var state = RunStateFile.Open(home.Path, TradingMode.Paper, "orcl"))
        {
            await using var first = await RunnerDriver.StartAsync(sandbox, state: state);
            await first.StepUntilAsync(() => first.Runner.Orders.Any(o => o.IsWorking && o.Side == OrderSide.Buy));
            await first.StopAsync();
            workingId = first.Runner.Orders.Single(o => o.IsWorking).Id;
            ordersBefore = first.Runner.Orders.Count;
        }

        var saved = Read(Path.Combine(RunStateFile.Folder(home.Path, TradingMode.Paper), "orcl.json"));
        Assert.Equal(workingId, Assert.Single(saved.WorkingOrders).Id);
        Assert.Equal(ordersBefore + 1, saved.NextOrderId);
        var lastSeen = saved.LastOpenTime;

        using (var state = RunStateFile.Open(home.Path, TradingMode.Paper, "orcl"))
        {
            await using var second = await RunnerDriver.StartAsync(sandbox, state: state);
            await Task.Delay(100);
            Assert.Equal(0, second.Runner.Snapshot.BarsSeen); // no candle seen twice
            await second.StepAsync();

            var resumed = Assert.Single(second.Runner.Orders, o => o.Id == workingId);
            Assert.Equal(OrderStatus.Filled, resumed.Status);
            Assert.Equal(sandbox.Market.Balances().BaseFree, second.Runner.Snapshot.Position);
            Assert.True(second.Runner.Snapshot.Position > 0);
            await second.StopAsync();
            Assert.True(Read(state.Path).LastOpenTime > lastSeen);
        }
    }

    private static async Task RunAsync(SandboxHarness sandbox, TempFolder home, TradingMode mode, int bars)
    {
        using var state = RunStateFile.Open(home.Path, mode, "orcl");
        await using var driver = await RunnerDriver.StartAsync(sandbox, mode, state);
        for (var i = 0; i < bars; i++)
        {
            await driver.StepAsync();
        }

        await driver.StopAsync();
        Assert.All(driver.Events, e => Assert.Equal(mode, e.Mode));
    }

    private static (string Text, DateTime Written) Snapshot(string path) => (File.ReadAllText(path), File.GetLastWriteTimeUtc(path));

    private static RunState Read(string path) =>
        JsonSerializer.Deserialize<RunState>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        })!;
}
