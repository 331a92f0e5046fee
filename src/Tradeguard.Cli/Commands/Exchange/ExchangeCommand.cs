using System.CommandLine;

namespace Tradeguard.Cli.Commands.Exchange;

/// <summary><c>exchange</c>: pre-flight and strategy runs on an exchange or the sandbox (see docs/exchange.md).</summary>
internal static class ExchangeCommand
{
    public static Command Create()
    {
        var command = new Command("exchange", "Trade a strategy on an exchange (or the local sandbox) with keys from the vault, after pre-flight checks.");
        command.Subcommands.Add(ExchangeCheckCommand.Create());
        command.Subcommands.Add(ExchangeRunCommand.Create());
        command.Subcommands.Add(ExchangeServeCommand.Create());
        return command;
    }
}
