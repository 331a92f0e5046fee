using System.CommandLine;
using System.Globalization;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Cli.Composition;
using Tradeguard.Gateway.Keys;

namespace Tradeguard.Cli.Commands.Gateway;

/// <summary>
/// <c>gateway pause|resume|stop|closeall [--bot NAME]</c> and <c>gateway status</c> against a running gateway: over its
/// admin socket (owner-only Unix socket), with the admin token the gateway keeps in the vault, so the vault must be
/// unlocked as for any command that touches keys.
/// </summary>
internal static class GatewayControlCommands
{
    public static List<Command> Create() =>
    [
        Verb("pause", "Refuse new orders from every bot, or one (--bot); working orders stay."),
        Verb("resume", "Allow new orders again after pause (a stopped bot stays stopped until the gateway restarts)."),
        Verb("stop", "Kill switch: refuse new orders until the gateway restarts, and cancel the bots' working orders."),
        Verb("closeall", "Pause, cancel the bots' working orders and sell their positions at market, as the gateway saw them."),
        Verb("status", "Show each bot's state, status line, orders, fills and positions as the gateway saw them."),
    ];

    private static Command Verb(string name, string description)
    {
        var config = new Option<string>("--config") { Description = "The running gateway's config (names its admin socket)", Required = true };
        var bot = new Option<string?>("--bot") { Description = "Only this bot (default: every bot)" };
        var vault = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command(name, description) { config, vault, keyFile };
        if (name != "status")
        {
            command.Options.Add(bot);
        }

        command.SetAction(parseResult =>
        {
            var target = parseResult.GetValue(bot) is { } b ? BotName.Require(b) : null;
            using var installation = Installation.Open(parseResult.GetValue(vault), parseResult.GetValue(keyFile));
            using var client = RunningGateway.Connect(installation, parseResult.GetValue(config)!);
            if (name == "status")
            {
                var status = client.StatusAsync().GetAwaiter().GetResult();
                Console.WriteLine($"Gateway ({status.Mode}):");
                foreach (var r in status.Bots)
                {
                    var positions = r.Positions.Count == 0 ? "no position" : string.Join(", ", r.Positions.Select(p => $"{p.Key} {p.Value.ToString(CultureInfo.InvariantCulture)}"));
                    Console.WriteLine($"  {r.Bot}: {r.StateWord}{(r.Reason is { } why ? $" ({why})" : string.Empty)} · {r.Orders} order(s), {r.Working} working, {r.Fills} fill(s) · " +
                        $"{positions} · P&L today {r.PnlToday.ToString(CultureInfo.InvariantCulture)}{(r.StatusLine is { } line ? " · " + line : string.Empty)}");
                }

                return 0;
            }

            Console.WriteLine(client.SendAsync(name, target).GetAwaiter().GetResult());
            return 0;
        });
        return command;
    }
}
