using System.CommandLine;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Cli.Composition;
using Tradeguard.Cli.Commands.Alerts;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Gateway.Channel;
using Tradeguard.Gateway.Config;
using Tradeguard.Vault;
using Tradeguard.Vault.Exec;

namespace Tradeguard.Cli.Commands.Exec;

/// <summary>
/// <c>tradeguard exec [--env NAME=vault://item/field ...] [--env-file FILE] -- CMD ARGS...</c>: runs a program with
/// secrets from the vault in its environment only. With <c>--bot NAME --gateway-config FILE</c> the program gets the
/// gateway's address, the bot's local key and the bot channel instead of any real credential (<see cref="BotLaunch"/>).
/// </summary>
internal static class ExecCommand
{
    public static Command Create()
    {
        var env = new Option<string[]>("--env")
        {
            Description = "NAME=vault://item/field to put in the child's environment (repeatable; references only, never values)",
            AllowMultipleArgumentsPerToken = false,
        };
        var envFile = new Option<string?>("--env-file") { Description = "A .env-style file of NAME=vault://item/field (or NAME=literal) lines" };
        var bot = new Option<string?>("--bot")
        {
            Description = "Run a bot behind the gateway: it gets TRADEGUARD_GATEWAY_URL, _API_KEY, _API_SECRET (its local key) and _CHANNEL, " +
                "and no real exchange key or Telegram token (needs --gateway-config)",
        };
        var gatewayConfig = new Option<string?>("--gateway-config") { Description = "The config 'tradeguard gateway serve --config' runs with (with --bot)" };
        var items = new Option<string[]>("--item")
        {
            Description = "Every field of this item, as ITEM_FIELD in upper case (vault://binance/api_key -> BINANCE_API_KEY); repeatable",
            AllowMultipleArgumentsPerToken = false,
        };
        var program = new Argument<string[]>("command") { Description = "The program and its arguments, after --", Arity = ArgumentArity.OneOrMore };
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command("exec",
            "Run a program with vault secrets in its environment, e.g.\n" +
            "  tradeguard exec --env BINANCE_API_KEY=vault://binance/api_key -- python bot.py\n" +
            "  tradeguard exec --bot momentum --gateway-config gateway.json -- python bot.py   (keys stay in the gateway)\n" +
            "  tradeguard exec --item binance -- python bot.py   (every field: BINANCE_API_KEY, BINANCE_API_SECRET, ...)\n" +
            "The child's exit code is returned (128+N if signal N killed it); SIGTERM and SIGHUP are forwarded. " +
            "TRADEGUARD_VAULT_PASSWORD and TRADEGUARD_VAULT_KEY are removed from the child's environment.")
        {
            env, envFile, items, bot, gatewayConfig, vaultOption, keyFile, program,
        };
        command.SetAction(parseResult =>
        {
            var mappings = (parseResult.GetValue(env) ?? []).Select(EnvironmentMapping.ParseOption).ToList();
            if (parseResult.GetValue(envFile) is { } file)
            {
                mappings.InsertRange(0, EnvironmentMapping.ReadFile(file));
            }

            var argv = parseResult.GetValue(program) ?? [];
            if (argv.Length == 0)
            {
                throw new TradeguardException(ExitCode.Usage, "no command given: tradeguard exec [--env NAME=vault://item/field] -- CMD ARGS");
            }

            var botName = parseResult.GetValue(bot);
            var gateway = botName is null ? null : GatewayConfig.Load(parseResult.GetValue(gatewayConfig) ?? throw new TradeguardException(ExitCode.Usage,
                "--bot needs --gateway-config FILE: the config 'tradeguard gateway serve --config FILE' runs with."));

            // The installation stays open while the child runs: its start is recorded (variable names, never values)
            // once the program is running, in the same chain as the reveals that fed it.
            using var installation = Installation.Open(parseResult.GetValue(vaultOption), parseResult.GetValue(keyFile));
            // --item first, so that an --env or --env-file line for the same name wins.
            mappings.InsertRange(0, (parseResult.GetValue(items) ?? []).SelectMany(item => ItemMappings.ForItem(installation.Vault, item)));
            using var launch = gateway is null ? null : BotLaunch.Prepare(gateway, installation.Vault, botName!,
                mappings.Select(m => m.Reference).OfType<SecretReference>(), TelegramTokens());
            if (mappings.Count == 0 && launch is null)
            {
                Console.Error.WriteLine("warning: nothing is mapped, so the program gets no secret from the vault. " +
                    "Add --item ITEM, --env NAME=vault://item/field, --env-file FILE or --bot NAME.");
            }

            var secrets = SecretExec.Resolve(installation.Vault, mappings);
            try
            {
                var removed = launch is null ? [] : SecretExec.InheritedHolding(launch.Withheld);
                foreach (var name in removed)
                {
                    Console.Error.WriteLine($"exec: {name} left out of the bot's environment: it holds a real credential that stays in the gateway.");
                }

                var all = launch is null ? secrets : secrets.Concat(launch.Secrets).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
                return SecretExec.Run(argv[0], argv[1..], all, installation.Audit, VaultOptions.Default.Actor, launch?.Settings, removed);
            }
            finally
            {
                foreach (var s in secrets.Values)
                {
                    s.Dispose();
                }
            }
        });
        return command;
    }

    /// <summary>The Telegram token's vault references (the default one and the alert settings' one): never a bot's.</summary>
    private static IEnumerable<SecretReference> TelegramTokens()
    {
        var configured = AlertsConfig.Load(null).Telegram?.BotToken ?? "vault://telegram/bot_token";
        return new[] { "vault://telegram/bot_token", configured }
            .Select(text => SecretReference.TryParse(text, out var r) ? r : (SecretReference?)null)
            .OfType<SecretReference>().Distinct();
    }
}
