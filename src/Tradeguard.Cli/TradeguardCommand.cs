using System.CommandLine;

namespace Tradeguard.Cli;

/// <summary>
/// The root <c>tradeguard</c> command: one subcommand per module, each in its own folder under Commands/. Adding a
/// command is one line in <see cref="Registered"/>.
/// </summary>
/// <remarks>
/// Composition is lazy: when the first argument names a registered command, only that command's tree is built, so
/// <c>vault get</c> never builds the Telegram, exchange or scanner commands (each command builds its services in its
/// action, never at construction). Anything else (<c>--help</c>, <c>--version</c>, an unknown word) gets the whole
/// tree, so help lists every command and the parser's errors are the usual ones.
/// </remarks>
internal static class TradeguardCommand
{
    /// <summary>Every top-level command, in the order help lists them: its name and how to build it.</summary>
    internal static IReadOnlyList<(string Name, Func<Command> Create)> Registered { get; } =
    [
        ("vault", Commands.Vault.VaultCommand.Create),
        ("run", Commands.Run.RunCommand.Create),
        ("exec", Commands.Exec.ExecCommand.Create),
        ("password", Commands.Password.PasswordCommand.Create),
        ("user", Commands.User.UserCommand.Create),
        ("login", Commands.Login.LoginCommand.Create),
        ("logout", Commands.Login.LogoutCommand.Create),
        ("audit", Commands.Audit.AuditCommand.Create),
        ("scan", Commands.Scan.ScanCommand.Create),
        ("alerts", Commands.Alerts.AlertsCommand.Create),
        ("telegram", () => Commands.Telegram.TelegramCommand.Create(Composition.BotComposition.Ports)),
        ("sandbox", Commands.Sandbox.SandboxCommand.Create),
        ("exchange", Commands.Exchange.ExchangeCommand.Create),
        ("data", Commands.Data.DataCommand.Create),
        ("gateway", Commands.Gateway.GatewayCommand.Create),
    ];

    /// <summary>The root with every command (help, tests).</summary>
    public static RootCommand Create() => Create([]);

    /// <summary>The root for <paramref name="args"/>: only the command they name, or every command if they name none.</summary>
    public static RootCommand Create(IReadOnlyList<string> args)
    {
        var root = new RootCommand(
            "Tradeguard: a security-first runtime and toolkit for algorithmic trading.\n\n" +
            "Exit codes: 0 success, 1 check failed or findings, 2 usage, 3 authentication failed, " +
            "4 integrity failure, 5 configuration or permission problem, 6 external service failed.");
        var named = args.Count > 0 ? Registered.Where(c => c.Name == args[0]).ToArray() : [];
        foreach (var (_, create) in named.Length == 1 ? named : Registered)
        {
            root.Subcommands.Add(create());
        }

        return root;
    }
}
