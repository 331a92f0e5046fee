using System.CommandLine;
using Microsoft.Extensions.Logging;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Exchange.Config;
using Tradeguard.Exchange.Runner;

namespace Tradeguard.Cli.Commands.Exchange;

/// <summary>The options <c>exchange check</c> and <c>exchange run</c> share, and the session they both prepare.</summary>
internal sealed class ExchangeOptions
{
    public Option<string> Config { get; } = new("--config") { Description = "Exchange config (JSON; see docs/exchange.md)", Required = true };

    public Option<bool> Live { get; } = new("--live") { Description = "Trade live (also needs \"mode\": \"live\" in the config); otherwise paper" };

    public Option<bool> AllowWithdrawalKeys { get; } = new("--allow-withdrawal-keys") { Description = "Accept a key that can withdraw or transfer funds (warned about and audited)" };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Log every request (method and path only)" };

    public Option<string?> Vault { get; } = VaultAccess.CreateVaultOption();

    public Option<string?> KeyFile { get; } = VaultAccess.CreateKeyFileOption();

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Live);
        command.Options.Add(AllowWithdrawalKeys);
        command.Options.Add(Verbose);
        command.Options.Add(Vault);
        command.Options.Add(KeyFile);
    }

    public ILogger Logger(ParseResult parseResult) => new ConsoleLog(parseResult.GetValue(Verbose) ? LogLevel.Debug : LogLevel.Information);

    /// <summary>Loads the config, opens the vault only long enough to read the key pair, and runs every pre-flight check.</summary>
    public async Task<ExchangeSession> PrepareAsync(ParseResult parseResult, ILogger logger, CancellationToken cancellationToken)
    {
        var config = ExchangeRunConfig.Load(parseResult.GetValue(Config)!);
        var vaultPath = VaultAccess.ResolvePath(parseResult.GetValue(Vault));
        using var vault = VaultAccess.Open(parseResult.GetValue(Vault), parseResult.GetValue(KeyFile));
        return await ExchangeSession.PrepareAsync(config, vault, vaultPath, parseResult.GetValue(Live), parseResult.GetValue(AllowWithdrawalKeys),
            logger, cancellationToken: cancellationToken);
    }
}
