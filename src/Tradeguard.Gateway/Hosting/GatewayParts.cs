using Microsoft.Extensions.Logging;
using Tradeguard.Alerts;
using Tradeguard.Core.Audit;
using Tradeguard.Exchange.Signing;
using Tradeguard.Gateway.Config;
using Tradeguard.Gateway.Keys;

namespace Tradeguard.Gateway.Hosting;

/// <summary>What <see cref="GatewayHost.Build"/> puts together; the host owns the keys from then on and zeroes them on stop.</summary>
public sealed record GatewayParts
{
    /// <summary>The validated config.</summary>
    public required GatewayConfig Config { get; init; }

    /// <summary>Each configured bot's key pair (<see cref="BotKeyStore.Read"/>).</summary>
    public required IReadOnlyList<BotKey> BotKeys { get; init; }

    /// <summary>The real exchange key pair, read from the vault.</summary>
    public required ApiCredentials ExchangeCredentials { get; init; }

    /// <summary>Paper or live, resolved as <c>exchange serve</c> resolves it (<see cref="Exchange.Preflight.ModeGate"/>).</summary>
    public required TradingMode Mode { get; init; }

    /// <summary>The token admin-socket commands must carry (<see cref="Control.AdminToken"/>); null refuses every admin command.</summary>
    public Core.Secrets.Secret? AdminToken { get; init; }

    /// <summary>Where the bots' ledgers are kept across restarts (<see cref="State.LedgerFile.ForMode"/>); null keeps them in memory only.</summary>
    public State.LedgerFile? Ledger { get; init; }

    /// <summary>The audit log (the installation's, which raises security alerts).</summary>
    public IAuditLog Audit { get; init; } = NullAuditLog.Instance;

    /// <summary>Where trading alerts go (fills, refusals); null for none.</summary>
    public AlertPublisher? Alerts { get; init; }

    /// <summary>The clock (tests pass a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Log output (the CLI's redacting provider); null for none.</summary>
    public ILoggerProvider? Logging { get; init; }

    /// <summary>Least log level written.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>How long a client may take to send its request headers (Kestrel RequestHeadersTimeout); default 10 s.</summary>
    public TimeSpan HeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an idle connection is kept (Kestrel KeepAliveTimeout); default 30 s.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Grace period before a body slower than 240 bytes/s is cut off (Kestrel MinRequestBodyDataRate; over 1 s); default 5 s.</summary>
    public TimeSpan SlowBodyGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The HTTP handler for the upstream connection (tests record what reaches the exchange); null for the default pooled sockets.</summary>
    public HttpMessageHandler? UpstreamHandler { get; init; }

    /// <summary>How often the bots' working orders are checked with the exchange (<see cref="FillWatchService"/>); default 5 s.</summary>
    public TimeSpan FillCheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Most connections at once (bots and idle ones together); default 8192.</summary>
    public long MaxConnections { get; init; } = 8192;
}
