using System.CommandLine;

namespace Tradeguard.Cli.Commands.Gateway;

/// <summary><c>gateway</c>: the exchange gateway that holds the keys for any bot (see docs/gateway.md).</summary>
internal static class GatewayCommand
{
    public static Command Create()
    {
        var command = new Command("gateway",
            "The exchange gateway: bots trade through it with a local key of their own, under a per-bot policy, while the exchange key stays in the gateway.");
        command.Subcommands.Add(GatewayServeCommand.Create());
        command.Subcommands.Add(GatewayKeysCommand.Create());
        GatewayControlCommands.Create().ForEach(command.Subcommands.Add);
        return command;
    }
}
