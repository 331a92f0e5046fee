using System.CommandLine;
using Tradeguard.Cli.Composition;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Vault;

namespace Tradeguard.Cli.Commands.Vault;

/// <summary><c>vault mv FROM TO</c> and <c>vault cp FROM TO</c>: rename or copy an entry without showing its value.</summary>
internal static class VaultCopyCommand
{
    public static Command Move() => Create("mv", move: true,
        "Rename an entry without revealing it, e.g. 'vault mv env/BINANCE_API_KEY binance/api_key' (the previous file is kept as PATH.bak).");

    public static Command Copy() => Create("cp", move: false,
        "Copy an entry to a new name without revealing it, e.g. 'vault cp binance/api_key binance-test/api_key'.");

    private static Command Create(string name, bool move, string description)
    {
        var from = new Argument<string>("from") { Description = "ITEM/FIELD (or vault://ITEM/FIELD) of the entry" };
        var to = new Argument<string>("to") { Description = "ITEM/FIELD (or vault://ITEM/FIELD) it becomes" };
        var force = new Option<bool>("--force") { Description = "Replace a value already stored at TO" };
        var vaultOption = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command(name, description) { from, to, force, vaultOption, keyFile };
        command.SetAction(parseResult =>
        {
            var source = Parse(parseResult.GetValue(from)!);
            var target = Parse(parseResult.GetValue(to)!);
            InternalItem.Refuse(source, move ? "moved" : "copied");
            InternalItem.Refuse(target, "overwritten");
            using var installation = Installation.Open(parseResult.GetValue(vaultOption), parseResult.GetValue(keyFile));
            installation.Vault.Copy(source, target, move, parseResult.GetValue(force));
            Console.WriteLine($"{(move ? "Moved" : "Copied")} {source} to {target}.");
            return 0;
        });
        return command;
    }

    /// <summary><c>item/field</c> or <c>vault://item/field</c>; exit 2 naming the bad argument.</summary>
    private static SecretReference Parse(string text)
    {
        var candidate = SecretReference.IsReference(text) ? text : "vault://" + text;
        return SecretReference.TryParse(candidate, out var reference)
            ? reference.Value
            : throw new TradeguardException(ExitCode.Usage,
                $"'{text}' is not an entry name: use ITEM/FIELD (or vault://ITEM/FIELD), each 1-64 of A-Z a-z 0-9 _ . -");
    }
}
