using System.CommandLine;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Cli.Composition;
using Tradeguard.Core.Audit;
using Tradeguard.Gateway.Keys;

namespace Tradeguard.Cli.Commands.Gateway;

/// <summary><c>gateway keys create|list|revoke --bot NAME</c>: bots' local key pairs in the vault (item <c>bot-NAME</c>).</summary>
internal static class GatewayKeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Manage bots' local key pairs (vault item bot-NAME). A bot key opens nothing at the exchange; the gateway checks it.");
        command.Subcommands.Add(Verb("create",
            "Create a key pair for a bot (64 random letters and digits each). The key is printed masked; the secret is never printed: `tradeguard exec --bot NAME` hands both to the bot.",
            (keys, bot) =>
            {
                using var key = keys.Create(bot!);
                return ($"Created key {key.MaskedKey} for bot {bot} at vault://{BotName.VaultItem(bot!)}/api_key and api_secret. " +
                        "Add the bot to the gateway config and restart the gateway to serve it.", "gateway.key_create");
            }));
        command.Subcommands.Add(Verb("list", "List the bots that have a key.", (keys, _) =>
        {
            var bots = keys.List();
            return (bots.Count == 0 ? "No bot keys. Create one with: tradeguard gateway keys create --bot NAME" : string.Join('\n', bots), null);
        }, botRequired: false));
        command.Subcommands.Add(Verb("revoke", "Delete a bot's key pair. A running gateway refuses it after its next restart.", (keys, bot) =>
            (keys.Revoke(bot!) ? $"Revoked the key of bot {bot}. Restart the gateway so it stops accepting it." : $"Bot {bot} had no key.", "gateway.key_revoke")));
        return command;
    }

    private static Command Verb(string name, string description, Func<BotKeyStore, string?, (string Output, string? AuditAction)> action, bool botRequired = true)
    {
        var bot = new Option<string?>("--bot") { Description = $"The bot's name ({BotName.Pattern})", Required = botRequired };
        var vault = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command(name, description) { bot, vault, keyFile };
        if (!botRequired)
        {
            command.Options.Remove(bot);
        }

        command.SetAction(parseResult =>
        {
            var botName = botRequired ? BotName.Require(parseResult.GetValue(bot)) : null;
            using var installation = Installation.Open(parseResult.GetValue(vault), parseResult.GetValue(keyFile));
            var (output, auditAction) = action(new BotKeyStore(installation.Vault), botName);
            if (auditAction is not null)
            {
                installation.Audit.Record(new AuditEvent("cli", auditAction, botName!, AuditOutcome.Success));
            }

            Console.WriteLine(output);
            return 0;
        });
        return command;
    }
}
