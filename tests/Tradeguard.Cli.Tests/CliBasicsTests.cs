using Tradeguard.TestSupport;

namespace Tradeguard.Cli.Tests;

public class CliBasicsTests
{
    [Fact]
    public void Help_ListsExitCodes()
    {
        var r = TradeguardCli.Run("--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("5 configuration or permission problem", r.Stdout);
    }

    [Fact]
    public void UnknownOption_IsUsageError_Exit2()
    {
        var r = TradeguardCli.Run("--no-such-option");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--no-such-option", r.Stderr);
    }
}
