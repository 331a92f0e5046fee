using System.CommandLine;

namespace Tradeguard.Cli.Commands.Sandbox;

/// <summary><c>sandbox</c>: the local exchange that replays real bars (see docs/exchange.md).</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var command = new Command("sandbox", "A local Binance-compatible exchange on 127.0.0.1 that replays real bars and fills orders like the paper broker.");
        command.Subcommands.Add(SandboxServeCommand.Create());
        command.Subcommands.Add(SandboxKeysCommand.Create());
        return command;
    }
}
