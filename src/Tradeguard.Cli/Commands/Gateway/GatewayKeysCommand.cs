using System.CommandLine;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Cli.Composition;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Gateway.Keys;

namespace Tradeguard.Cli.Commands.Gateway;

/// <summary>
/// <c>gateway keys create|list|revoke --bot NAME</c>: bots' local key pairs in the vault (item <c>bot-NAME</c>).
/// <c>revoke --config FILE</c> also tells the gateway running with that config to refuse the key at once.
/// </summary>
internal static class GatewayKeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Manage bots' local key pairs (vault item bot-NAME). A bot key opens nothing at the exchange; the gateway checks it.");
        command.Subcommands.Add(Verb("create",
            "Create a key pair for a bot (64 random letters and digits each). The key is printed masked; the secret is never printed: `tradeguard exec --bot NAME` hands both to the bot.",
            (keys, bot, _) =>
            {
                using var key = keys.Create(bot!);
                return ($"Created key {key.MaskedKey} for bot {bot} at vault://{BotName.VaultItem(bot!)}/api_key and api_secret. " +
                        "Add the bot to the gateway config and restart the gateway to serve it.", "gateway.key_create");
            }));
        command.Subcommands.Add(Verb("list", "List the bots that have a key.", (keys, _, _) =>
        {
            var bots = keys.List();
            return (bots.Count == 0 ? "No bot keys. Create one with: tradeguard gateway keys create --bot NAME" : string.Join('\n', bots), null);
        }, botRequired: false));
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Command Revoke()
    {
        var config = new Option<string?>("--config")
        {
            Description = "The running gateway's config: the gateway refuses the key from its next request on (without it, from its next restart)",
        };
        var command = Verb("revoke", "Delete a bot's key pair from the vault; with --config, a running gateway refuses it at once.", (keys, bot, context) =>
        {
            var deleted = keys.Revoke(bot!);
            var vaultLine = deleted ? $"Deleted the key of bot {bot} from the vault." : $"Bot {bot} had no key in the vault.";
            if (context.ParseResult.GetValue(config) is not { } configPath)
            {
                return deleted
                    ? (vaultLine + " A running gateway accepts it until it restarts: pass --config to revoke it there now.", "gateway.key_revoke")
                    : throw NothingRevoked(keys, bot!, "; if a running gateway still holds it, pass --config");
            }

            using var client = RunningGateway.Connect(context.Installation, configPath);
            try
            {
                return (vaultLine + " " + client.SendAsync("revoke", bot).GetAwaiter().GetResult(), "gateway.key_revoke");
            }
            catch (TradeguardException e) when (e.ExitCode == ExitCode.ExternalService)
            {
                // No gateway is running: the key is out of the vault, so the next start will not load it.
                return deleted
                    ? (vaultLine + " No gateway is running with that config, so none accepts it.", "gateway.key_revoke")
                    : throw NothingRevoked(keys, bot!, " and no gateway is running with that config");
            }
            catch (TradeguardException e) when (e.ExitCode == ExitCode.Usage && !deleted)
            {
                throw NothingRevoked(keys, bot!, " nor in the running gateway");
            }
        });
        command.Options.Add(config);
        return command;
    }

    /// <summary>A revoke that found the key nowhere fails, so a mistyped bot name cannot pass for a revoked key.</summary>
    private static TradeguardException NothingRevoked(BotKeyStore keys, string bot, string where) =>
        new(ExitCode.Configuration, $"bot {bot} has no key in the vault{where}; nothing was revoked. "
            + (keys.List() is { Count: > 0 } bots ? $"Bots with keys: {string.Join(", ", bots)}." : "No bot has a key."));

    private static Command Verb(string name, string description, Func<BotKeyStore, string?, KeysContext, (string Output, string? AuditAction)> action,
        bool botRequired = true)
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
            var (output, auditAction) = action(new BotKeyStore(installation.Vault), botName, new KeysContext(parseResult, installation));
            if (auditAction is not null)
            {
                installation.Audit.Record(new AuditEvent("cli", auditAction, botName!, AuditOutcome.Success));
            }

            Console.WriteLine(output);
            return 0;
        });
        return command;
    }

    private sealed record KeysContext(ParseResult ParseResult, Installation Installation);
}
