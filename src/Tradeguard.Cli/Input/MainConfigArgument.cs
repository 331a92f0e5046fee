using System.CommandLine;
using Tradeguard.Core.Errors;

namespace Tradeguard.Cli.Input;

/// <summary>
/// The config file a command acts on, by the CLI's one convention for config files: a positional <c>CONFIG</c>
/// (<c>run CONFIG</c>, <c>exchange run CONFIG</c>), while the alert and Telegram settings are <c>--alerts-config</c>
/// wherever they are read (<see cref="AlertsConfigOption"/>). The earlier <c>--config PATH</c> still works, hidden from help.
/// </summary>
internal sealed class MainConfigArgument
{
    private readonly Option<string?> legacy = new("--config") { Hidden = true };

    public MainConfigArgument(string description) =>
        Argument = new Argument<string?>("config") { Description = description, Arity = ArgumentArity.ZeroOrOne };

    public Argument<string?> Argument { get; }

    public void AddTo(Command command)
    {
        command.Arguments.Add(Argument);
        command.Options.Add(legacy);
    }

    /// <summary>The path given.</summary>
    /// <exception cref="TradeguardException">Exit 2 when none was given, or it was given both ways.</exception>
    public string Value(ParseResult parseResult)
    {
        var positional = parseResult.GetValue(Argument);
        var option = parseResult.GetValue(legacy);
        if (positional is not null && option is not null)
        {
            throw new TradeguardException(ExitCode.Usage, $"give the config once: {Usage(parseResult)}");
        }

        return positional ?? option ?? throw new TradeguardException(ExitCode.Usage, $"name the config file: {Usage(parseResult)}");
    }

    private static string Usage(ParseResult parseResult) => $"{UsageErrors.CommandPath(parseResult.CommandResult)} CONFIG";
}
