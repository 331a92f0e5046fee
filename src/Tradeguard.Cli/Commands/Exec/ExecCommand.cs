using System.CommandLine;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Cli.Composition;
using Tradeguard.Core.Errors;
using Tradeguard.Vault;
using Tradeguard.Vault.Exec;

namespace Tradeguard.Cli.Commands.Exec;

/// <summary>
/// <c>tradeguard exec [--env NAME=vault://item/field ...] [--env-file FILE] -- CMD ARGS...</c>: runs a program with
/// secrets from the vault in its environment only.
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
            "  tradeguard exec --item binance -- python bot.py   (every field: BINANCE_API_KEY, BINANCE_API_SECRET, ...)\n" +
            "The child's exit code is returned (128+N if signal N killed it); SIGTERM and SIGHUP are forwarded. " +
            "TRADEGUARD_VAULT_PASSWORD and TRADEGUARD_VAULT_KEY are removed from the child's environment.")
        {
            env, envFile, items, vaultOption, keyFile, program,
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

            // The installation stays open while the child runs: its start is recorded (variable names, never values)
            // once the program is running, in the same chain as the reveals that fed it.
            using var installation = Installation.Open(parseResult.GetValue(vaultOption), parseResult.GetValue(keyFile));
            // --item first, so that an --env or --env-file line for the same name wins.
            mappings.InsertRange(0, (parseResult.GetValue(items) ?? []).SelectMany(item => ItemMappings.ForItem(installation.Vault, item)));
            if (mappings.Count == 0)
            {
                Console.Error.WriteLine("warning: nothing is mapped, so the program gets no secret from the vault. " +
                    "Add --item ITEM, --env NAME=vault://item/field or --env-file FILE.");
            }

            var secrets = SecretExec.Resolve(installation.Vault, mappings);
            try
            {
                return SecretExec.Run(argv[0], argv[1..], secrets, installation.Audit, VaultOptions.Default.Actor);
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
}
