namespace Tradeguard.Cli.Tests;

/// <summary>The root builds only the command its first argument names (start-up), and the registry stays truthful.</summary>
public class LazyCompositionTests
{
    [Fact]
    public void EveryRegisteredName_IsTheNameOfTheCommandItBuilds_AndNamesAreUnique()
    {
        Assert.Equal(TradeguardCommand.Registered.Select(c => c.Name), TradeguardCommand.Registered.Select(c => c.Create().Name));
        Assert.Equal(TradeguardCommand.Registered.Count, TradeguardCommand.Registered.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void ANamedCommand_BuildsThatCommandOnly()
    {
        Assert.Equal(["vault"], TradeguardCommand.Create(["vault", "get", "binance", "api_key"]).Subcommands.Select(c => c.Name));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--version")]
    [InlineData("no-such-command")]
    public void AnythingElse_BuildsEveryCommand(string first)
    {
        Assert.Equal(TradeguardCommand.Registered.Select(c => c.Name), TradeguardCommand.Create([first]).Subcommands.Select(c => c.Name));
    }
}
