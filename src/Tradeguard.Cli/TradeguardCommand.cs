using System.CommandLine;

namespace Tradeguard.Cli;

/// <summary>The root <c>tradeguard</c> command: one subcommand per module, each in its own folder under Commands/.</summary>
internal static class TradeguardCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "Tradeguard: a security-first runtime and toolkit for algorithmic trading.\n\n" +
            "Exit codes: 0 success, 1 check failed or findings, 2 usage, 3 authentication failed, " +
            "4 integrity failure, 5 configuration or permission problem, 6 external service failed.");
        root.Subcommands.Add(Commands.Vault.VaultCommand.Create());
        root.Subcommands.Add(Commands.Run.RunCommand.Create());
        root.Subcommands.Add(Commands.Exec.ExecCommand.Create());
        Commands.User.IdentityCommands.Create().ForEach(root.Subcommands.Add);
        root.Subcommands.Add(Commands.Audit.AuditCommand.Create());
        root.Subcommands.Add(Commands.Scan.ScanCommand.Create());
        root.Subcommands.Add(Commands.Alerts.AlertsCommand.Create());
        root.Subcommands.Add(Commands.Telegram.TelegramCommand.Create(Composition.BotComposition.Ports));
        root.Subcommands.Add(Commands.Sandbox.SandboxCommand.Create());
        root.Subcommands.Add(Commands.Exchange.ExchangeCommand.Create());
        root.Subcommands.Add(Commands.Gateway.GatewayCommand.Create());
        return root;
    }
}
