using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tradeguard.Gateway.Config;
using Tradeguard.Gateway.Control;
using Tradeguard.Gateway.Hosting;
using Tradeguard.Gateway.Journal;
using Tradeguard.Gateway.Keys;

namespace Tradeguard.Gateway.Channel;

/// <summary>
/// Runs the <see cref="BotChannelServer"/> inside <c>gateway serve</c>'s Generic Host, wired to the host's own
/// authenticator, control board, journal and alert publisher; register it with <see cref="Add"/> in the
/// <c>configure</c> callback of <see cref="GatewayHost.Build"/>.
/// </summary>
public sealed class BotChannelService(Func<BotChannelParts> parts, ChannelOptions options, ILogger logger) : IHostedService
{
    private BotChannelServer? _server;

    /// <summary>Adds the channel to a gateway host's services: the socket at <paramref name="options"/> (default in
    /// <c>$TRADEGUARD_HOME/gateway/channel/</c>), the operator-defined alert kinds from the config.</summary>
    public static void Add(IServiceCollection services, ChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHostedService(sp => new BotChannelService(() =>
            {
                var gateway = sp.GetRequiredService<GatewayParts>();
                return new BotChannelParts(sp.GetRequiredService<BotAuthenticator>(), sp.GetRequiredService<ControlBoard>(),
                    sp.GetRequiredService<GatewayJournal>(), gateway.Alerts,
                    new BotAlertKinds(sp.GetRequiredService<GatewayConfig>().BotAlertKinds, "botAlertKinds"), gateway.Audit)
                {
                    Time = gateway.Time,
                };
            },
            options ?? new ChannelOptions(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("Tradeguard.Gateway.Channel")));
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken) =>
        _server = await BotChannelServer.StartAsync(parts(), options, logger, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken).ConfigureAwait(false);
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
