using System.CommandLine;
using Microsoft.Extensions.Logging;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Exchange.Config;
using Tradeguard.Exchange.Runner;
using Tradeguard.Cli.Composition;
using Tradeguard.Cli.Input;
using Tradeguard.Core.Storage;
using Tradeguard.Exchange.State;

namespace Tradeguard.Cli.Commands.Exchange;

/// <summary>The options <c>exchange check</c> and <c>exchange run</c> share, and the session they both prepare.</summary>
internal sealed class ExchangeOptions
{
    public MainConfigArgument Config { get; } = new("Exchange config (JSON; see docs/exchange.md), e.g. samples/exchange-sandbox.json");

    public Option<bool> Live { get; } = new("--live") { Description = "Trade live (also needs \"mode\": \"live\" in the config); otherwise paper" };

    public Option<bool> AllowWithdrawalKeys { get; } = new("--allow-withdrawal-keys") { Description = "Accept a key that can withdraw or transfer funds (warned about and audited)" };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Log every request (method and path only)" };

    public Option<string?> Vault { get; } = VaultAccess.CreateVaultOption();

    /// <summary>For the commands that trade (run, serve): start the run over instead of resuming its saved state.</summary>
    public Option<bool> ResetState { get; } = new("--reset-state")
    {
        Description = "Move this run's saved state (state/<mode>/<name>.json) aside and start over; orders still working on the exchange are no longer tracked",
    };

    /// <summary>
    /// Takes the run's state file in its mode's folder, moving it aside first under --reset-state, and reads it: before
    /// any connection, so a locked, damaged or other-mode file is refused before pre-flight talks to the exchange.
    /// </summary>
    public RunStateFile OpenState(ParseResult parseResult, ExchangeRunConfig config, ILogger logger)
    {
        var state = RunStateFile.Open(TradeguardHome.Path, ExchangeSession.ResolveMode(config, parseResult.GetValue(Live)), config.RunName);
        try
        {
            if (parseResult.GetValue(ResetState) && state.Reset() is { } backup)
            {
                logger.LogWarning("Saved state of the run moved to {Backup}; starting over", backup);
            }

            state.Load();
            return state;
        }
        catch
        {
            state.Dispose();
            throw;
        }
    }

    /// <summary>The exchange config named by CONFIG.</summary>
    public ExchangeRunConfig LoadConfig(ParseResult parseResult) => ExchangeRunConfig.Load(Config.Value(parseResult));

    public Option<string?> KeyFile { get; } = VaultAccess.CreateKeyFileOption();

    /// <summary>For the commands whose pre-flight includes "Telegram linked" (check, serve): the alert and Telegram settings.</summary>
    public AlertsConfigOption AlertsConfig { get; } = new(acceptLegacyConfig: false);

    public void AddTo(Command command)
    {
        Config.AddTo(command);
        command.Options.Add(Live);
        command.Options.Add(AllowWithdrawalKeys);
        command.Options.Add(Verbose);
        command.Options.Add(Vault);
        command.Options.Add(KeyFile);
    }

    public ILogger Logger(ParseResult parseResult) => new ConsoleLog(parseResult.GetValue(Verbose) ? LogLevel.Debug : LogLevel.Information);

    /// <summary>The installation (vault, audit log, alerts) the session is prepared in and audits to.</summary>
    public Installation OpenInstallation(ParseResult parseResult) =>
        Installation.Open(parseResult.GetValue(Vault), parseResult.GetValue(KeyFile));

    /// <summary>Loads the config, reads the key pair from the installation's vault, and runs every pre-flight check
    /// (audited, as refused or accepted keys are security events).</summary>
    public async Task<ExchangeSession> PrepareAsync(ParseResult parseResult, ExchangeRunConfig config, Installation installation, ILogger logger,
        CancellationToken cancellationToken)
    {
        var vaultPath = VaultAccess.ResolvePath(parseResult.GetValue(Vault));
        return await ExchangeSession.PrepareAsync(config, installation.Vault, vaultPath, parseResult.GetValue(Live), parseResult.GetValue(AllowWithdrawalKeys),
            logger, installation.Audit, cancellationToken);
    }
}
