using System.CommandLine;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Core.Storage;
using Tradeguard.Telegram;
using Tradeguard.Telegram.Linking;

namespace Tradeguard.Cli.Commands.Telegram;

/// <summary><c>tradeguard telegram link USER</c> and <c>tradeguard telegram serve</c>.</summary>
internal static class TelegramCommand
{
    public const string StoreFileName = "telegram.db";

    /// <param name="ports">Supplies the Identity and engine ports to <c>serve</c>; null when this build has none.</param>
    public static Command Create(TelegramServeCommand.PortsFactory? ports = null)
    {
        var command = new Command("telegram", "The Telegram command bot: link operator accounts, serve commands.");
        command.Subcommands.Add(Link());
        command.Subcommands.Add(TelegramServeCommand.Create(ports));
        return command;
    }

    public static TelegramStore OpenStore() => TelegramStore.Open(TradeguardHome.File(StoreFileName));

    private static Command Link()
    {
        var user = new Argument<string>("USER") { Description = "The operator account to link" };
        var command = new Command("link", "Print a one-time code (10 minutes, single use) that links the Telegram account which sends it to USER.")
        {
            user,
        };
        command.SetAction(parseResult =>
        {
            var name = parseResult.GetValue(user)!;
            if (!SecretReference.IsValidName(name))
            {
                throw new TradeguardException(ExitCode.Usage, $"'{name}' is not an account name: use 1-64 of A-Z a-z 0-9 _ . -");
            }

            var lifetime = new TelegramOptions().LinkCodeLifetime;
            var code = OpenStore().IssueLinkCode(name, lifetime);
            Console.WriteLine($"Send this to your bot in a private chat within {lifetime.TotalMinutes:0} minutes:");
            Console.WriteLine();
            Console.WriteLine($"  /link {code}");
            Console.WriteLine();
            Console.WriteLine("The code works once. The Telegram user id that sends it gets the role of " + name + ".");
            return 0;
        });
        return command;
    }
}
