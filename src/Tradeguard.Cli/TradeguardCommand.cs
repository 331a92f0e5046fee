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
        root.Subcommands.Add(Commands.Exec.ExecCommand.Create());
        Commands.User.IdentityCommands.Create().ForEach(root.Subcommands.Add);
        return root;
    }
}
