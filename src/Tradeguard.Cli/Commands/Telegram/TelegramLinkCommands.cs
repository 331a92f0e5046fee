using System.CommandLine;
using System.Globalization;
using Tradeguard.Cli.Commands.User;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Cli.Composition;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Telegram;
using Tradeguard.Vault;

namespace Tradeguard.Cli.Commands.Telegram;

/// <summary>
/// <c>telegram link USER</c>, <c>telegram unlink USER_ID</c>, <c>telegram links</c>: who may command the bot.
/// </summary>
/// <remarks>
/// A link code needs the account's password or session, or an admin session (<see cref="TelegramLinkAuthority"/>).
/// Issuing a link code and removing a link change who may steer live trading from a phone, so both need the vault
/// (whose key chains the audit log) and are recorded as <c>telegram.link_code</c> and <c>telegram.unlink</c> by the
/// local OS user; the code itself never enters the record.
/// </remarks>
internal static class TelegramLinkCommands
{
    public const string LinkCodeAction = "telegram.link_code";
    public const string UnlinkAction = "telegram.unlink";

    public static List<Command> Create(TelegramServeCommand.PortsFactory? ports) => [Link(ports), Unlink(), Links()];

    private static Command Link(TelegramServeCommand.PortsFactory? ports)
    {
        var user = new Argument<string>("USER") { Description = "The operator account to link" };
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command("link",
            "Print a one-time code (10 minutes, single use) that links the Telegram account which sends it to USER. " +
            $"Needs USER's password (${IdentityAccess.PasswordVariable}, stdin or prompt), USER's session or an admin session " +
            $"(${IdentityAccess.SessionVariable}), and the vault: the code's issue is audited.")
        {
            user, vaultOption, keyFile,
        };
        command.SetAction(parseResult =>
        {
            var name = parseResult.GetValue(user)!;
            if (!SecretReference.IsValidName(name))
            {
                throw new TradeguardException(ExitCode.Usage, $"'{name}' is not an account name: use 1-64 of A-Z a-z 0-9 _ . -");
            }

            using var installation = Installation.Open(parseResult.GetValue(vaultOption), parseResult.GetValue(keyFile));
            if (ports is not null && ports(installation).Operators.Find(name) is null)
            {
                installation.Audit.Record(new AuditEvent(Actor, LinkCodeAction, name, AuditOutcome.Denied, "no such operator account"));
                throw new TradeguardException(ExitCode.Usage,
                    $"There is no operator account '{name}': create it with 'tradeguard user add {name}' first.");
            }

            TelegramLinkAuthority.Demand(installation, name);
            var lifetime = new TelegramOptions().LinkCodeLifetime;
            var code = TelegramCommand.OpenStore().IssueLinkCode(name, lifetime);
            installation.Audit.Record(new AuditEvent(Actor, LinkCodeAction, name, AuditOutcome.Success, "",
                new Dictionary<string, string> { ["expires_in_s"] = ((int)lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture) }));
            Console.WriteLine($"Send this to your bot in a private chat within {lifetime.TotalMinutes:0} minutes:");
            Console.WriteLine();
            Console.WriteLine($"  /link {code}");
            Console.WriteLine();
            Console.WriteLine("The code works once. The Telegram user id that sends it gets the role of " + name + ".");
            return 0;
        });
        return command;
    }

    private static Command Unlink()
    {
        var userId = new Argument<long>("USER_ID") { Description = "The Telegram user id to unlink (see 'tradeguard telegram links')" };
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command("unlink",
            "Remove a Telegram user id's link: the bot ignores its commands from now on. Needs the vault: the removal is audited.")
        {
            userId, vaultOption, keyFile,
        };
        command.SetAction(parseResult =>
        {
            var id = parseResult.GetValue(userId);
            using var installation = Installation.Open(parseResult.GetValue(vaultOption), parseResult.GetValue(keyFile));
            var store = TelegramCommand.OpenStore();
            var target = "telegram:" + id.ToString(CultureInfo.InvariantCulture);
            var operatorName = store.OperatorFor(id);
            if (operatorName is null || !store.Unlink(id))
            {
                installation.Audit.Record(new AuditEvent(Actor, UnlinkAction, target, AuditOutcome.Failure, "no such link"));
                throw new TradeguardException(ExitCode.Configuration,
                    $"Telegram user {id} is not linked; 'tradeguard telegram links' lists the links. Nothing was removed.");
            }

            installation.Audit.Record(new AuditEvent(Actor, UnlinkAction, target, AuditOutcome.Success, "",
                new Dictionary<string, string> { ["operator"] = operatorName }));
            Console.WriteLine($"Unlinked Telegram user {id} (was {operatorName}).");
            return 0;
        });
        return command;
    }

    private static Command Links()
    {
        var command = new Command("links", "List the Telegram user ids linked to operator accounts (tab-separated: user id, operator).");
        command.SetAction(_ =>
        {
            foreach (var (id, operatorName) in TelegramCommand.OpenStore().Links())
            {
                Console.WriteLine($"{id.ToString(CultureInfo.InvariantCulture)}\t{operatorName}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>The local OS user, as the vault records its own actions.</summary>
    private static string Actor => VaultOptions.Default.Actor;
}
