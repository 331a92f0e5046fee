using System.CommandLine;
using Tradeguard.Cli.Commands.Alerts;

namespace Tradeguard.Cli.Input;

/// <summary>
/// <c>--alerts-config PATH</c>: the alert and Telegram settings, spelt the same in every command that reads them (see
/// <see cref="MainConfigArgument"/> for the convention). Commands whose only config this is also take the earlier
/// <c>--config</c>, hidden from help.
/// </summary>
internal sealed class AlertsConfigOption
{
    private readonly Option<string?>? legacy;

    /// <param name="acceptLegacyConfig">Also take the hidden <c>--config</c> (for commands with no config of their own).</param>
    public AlertsConfigOption(bool acceptLegacyConfig) =>
        legacy = acceptLegacyConfig ? new Option<string?>("--config") { Hidden = true } : null;

    public Option<string?> Option { get; } = new("--alerts-config")
    {
        Description = $"Alert and Telegram settings (default {AlertsConfig.DefaultFileName} in the Tradeguard home)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Option);
        if (legacy is not null)
        {
            command.Options.Add(legacy);
        }
    }

    /// <summary>The path given, or null for the default file.</summary>
    public string? Value(ParseResult parseResult) =>
        parseResult.GetValue(Option) ?? (legacy is null ? null : parseResult.GetValue(legacy));

    /// <summary>The settings named (or the default file's).</summary>
    public AlertsConfig Load(ParseResult parseResult) => AlertsConfig.Load(Value(parseResult));
}
