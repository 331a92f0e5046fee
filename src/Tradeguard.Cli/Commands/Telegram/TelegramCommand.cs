using System.CommandLine;
using Tradeguard.Core.Storage;
using Tradeguard.Telegram.Linking;

namespace Tradeguard.Cli.Commands.Telegram;

/// <summary><c>tradeguard telegram link|unlink|links|serve</c>.</summary>
internal static class TelegramCommand
{
    public const string StoreFileName = "telegram.db";

    /// <param name="ports">Supplies the Identity and engine ports to <c>serve</c> and the operator accounts to <c>link</c>;
    /// null when this build has none.</param>
    public static Command Create(TelegramServeCommand.PortsFactory? ports = null)
    {
        var command = new Command("telegram", "The Telegram command bot: link operator accounts, serve commands.");
        TelegramLinkCommands.Create(ports).ForEach(command.Subcommands.Add);
        command.Subcommands.Add(TelegramServeCommand.Create(ports));
        return command;
    }

    public static TelegramStore OpenStore() => TelegramStore.Open(TradeguardHome.File(StoreFileName));
}
