using System.CommandLine;

namespace Tradeguard.Cli.Commands.Data;

/// <summary><c>data</c>: market data for runs (see docs/trading.md, "Downloading bars").</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var command = new Command("data", "Market data for runs: download an exchange's candles into a CSV that run reads.");
        command.Subcommands.Add(DataDownloadCommand.Create());
        return command;
    }
}
