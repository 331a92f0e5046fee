using System.CommandLine;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Sandbox;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.Sandbox;

/// <summary><c>sandbox keys create</c>: makes a sandbox API key pair and stores it in the vault.</summary>
internal static class SandboxKeysCommand
{
    public static Command Create()
    {
        var item = new Option<string>("--item") { Description = "Vault item to store the key pair under (vault://ITEM/api_key, api_secret)", DefaultValueFactory = _ => "sandbox" };
        var withdrawals = new Option<bool>("--withdrawals") { Description = "Flag the key as withdrawal-enabled, to test that clients refuse it" };
        var noIp = new Option<bool>("--no-ip-restriction") { Description = "Report the key as not IP-restricted, to test the warning" };
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var create = new Command("create", "Create a sandbox API key pair (64 random letters and digits each) in the vault. The secret is never printed.")
        {
            item, withdrawals, noIp, vaultOption, keyFile,
        };
        create.SetAction(parseResult =>
        {
            var name = parseResult.GetValue(item)!;
            if (!SecretReference.IsValidName(name))
            {
                throw new TradeguardException(ExitCode.Usage, $"'{name}' is not a valid vault item name: use 1-64 of A-Z a-z 0-9 _ . -");
            }

            using var installation = Installation.Open(parseResult.GetValue(vaultOption), parseResult.GetValue(keyFile));
            var vault = installation.Vault;
            var key = SandboxKeyring.Create(vault, name, parseResult.GetValue(withdrawals), !parseResult.GetValue(noIp));
            Console.WriteLine($"Created sandbox key {key}: withdrawals {(key.Withdrawals ? "ENABLED (for refusal tests)" : "disabled")}, " +
                $"IP restriction {(key.IpRestricted ? "on" : "off")}. Stored at vault://{name}/api_key and vault://{name}/api_secret.");
            key.ApiSecret.Dispose();
            return 0;
        });
        var command = new Command("keys", "Manage the sandbox's API keys (kept in the vault).");
        command.Subcommands.Add(create);
        return command;
    }
}
