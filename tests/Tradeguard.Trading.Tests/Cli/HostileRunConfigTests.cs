using Tradeguard.TestSupport;

namespace Tradeguard.Trading.Tests.Cli;

/// <summary>The run configs that crashed <c>tradeguard run</c> (exit 70) or hung it, as a user would write them.</summary>
public sealed class HostileRunConfigTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>The sample config with one text replaced, its data file named by full path.</summary>
    private ProcessResult RunSampleWith(string from, string to)
    {
        var json = File.ReadAllText(RepoPaths.Samples("sma-cross-orcl.json"))
            .Replace("\"data/orcl-1995-2014.txt\"", $"\"{RepoPaths.Samples("data/orcl-1995-2014.txt")}\"", StringComparison.Ordinal);
        Assert.Contains(from, json, StringComparison.Ordinal);
        var path = temp.Combine("run.json");
        File.WriteAllText(path, json.Replace(from, to, StringComparison.Ordinal));
        return TradeguardCli.Run(["run", path, "--quiet", "--output", temp.Combine("out")],
            env: new Dictionary<string, string?> { ["TRADEGUARD_HOME"] = temp.Combine("home") }, workingDirectory: temp.Path,
            timeout: TimeSpan.FromSeconds(60));
    }

    [Theory]
    [InlineData("orcl-1995-2014.txt\"", "orcl\\u0000.txt\"", "data.file has a control character (such as NUL) in it")]
    [InlineData("\"cash\": 1000", "\"cash\": 79228162514264337593543950335", "broker.cash must be above 0 and at most 1000000000000")]
    [InlineData("\"model\": \"percent\", \"value\": 0", "\"model\": \"percent\", \"value\": 79228162514264337593543950335", "broker.commission.value must be from 0 to 1")]
    [InlineData("\"model\": \"fixed\", \"value\": 10", "\"model\": \"fixed\", \"value\": 79228162514264337593543950335", "broker.sizer.value must be above 0 and at most 1000000000000 units")]
    public void HostileValue_IsAConfigError_Exit5(string from, string to, string message)
    {
        var result = RunSampleWith(from, to);
        Assert.Equal(5, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DataFileThatNeverEnds_IsRefusedAtOnce()
    {
        var result = RunSampleWith($"\"{RepoPaths.Samples("data/orcl-1995-2014.txt")}\"", "\"/dev/zero\"");
        Assert.Equal(5, result.ExitCode);
        Assert.Contains("/dev/zero: cannot read the data file: it is not a regular file (a device, FIFO or socket)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EndDateAtTheLastDayOfTheCalendar_RunsToTheEndOfTheData()
    {
        var result = RunSampleWith("\"to\": \"2000-12-31\"", "\"to\": \"9999-12-31\"");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2014-", result.Stdout, StringComparison.Ordinal);
    }
}
