using Tradeguard.Cli.Composition;
using Tradeguard.Core.Errors;
using Tradeguard.Gateway.Config;
using Tradeguard.Gateway.Control;

namespace Tradeguard.Cli.Commands.Gateway;

/// <summary>Reaches the gateway that runs with a given config: its admin socket, with the admin token from the vault.</summary>
internal static class RunningGateway
{
    /// <summary>A client for the admin socket named in <paramref name="configPath"/>.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the config is bad or the vault holds no admin token (the gateway never ran with it).</exception>
    public static AdminClient Connect(Installation installation, string configPath)
    {
        var config = GatewayConfig.Load(configPath);
        using var token = installation.Vault.TryGet(AdminToken.Reference)
            ?? throw new TradeguardException(ExitCode.Configuration,
                $"the vault holds no {AdminToken.Reference}: start the gateway with this vault first (tradeguard gateway serve)");
        return new AdminClient(config.AdminSocketPath, token);
    }
}
