using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tradeguard.Core.Audit;
using Tradeguard.Exchange.Sandbox;

namespace Tradeguard.Gateway.Channel;

/// <summary>
/// The private local channel between bots and the gateway: HTTP/1.1 on one Unix socket (Kestrel), mode 0600 in a
/// 0700 folder. A connection from a process whose user id (<c>SO_PEERCRED</c>) is not the gateway's own is closed
/// before any byte of it is read, and audited. Every request is then signed with the bot's local key exactly as on
/// the REST side, which names the bot. Endpoints (parameters in the query or a form body, answers in JSON, errors
/// Binance-shaped <c>{"code","msg"}</c>):
/// <list type="bullet">
/// <item><c>GET /v1/ping</c> → <c>{"bot": name}</c>.</item>
/// <item><c>POST /v1/alert</c> with <c>kind</c>, <c>symbol</c>, <c>side</c>, <c>details</c>, <c>id</c> (see
/// <see cref="BotAlertRequest"/>) → the alert goes through the exposure policy, redactor and outbox.</item>
/// <item><c>GET /v1/commands?after=N&amp;wait=S</c> → long poll (S ≤ <see cref="ChannelOptions.MaxPollWait"/>) for
/// authorised operator commands newer than N: <c>{"commands": [{"seq", "action", "all_bots", "time"}]}</c>.</item>
/// <item><c>POST /v1/status</c> with <c>status</c> → the cleaned line kept for <c>/status</c> (<see cref="BotStatusLine"/>).</item>
/// </list>
/// </summary>
public sealed class BotChannelServer : IAsyncDisposable
{
    /// <summary>Audit action of a connection refused by its peer credentials (also a security alert).</summary>
    public const string PeerRefusedAction = "gateway.channel_peer_refused";

    /// <summary>Audit action of a request refused (authentication or bad input).</summary>
    public const string RequestRefusedAction = "gateway.channel_refused";

    /// <summary>Audit action of an alert a bot published.</summary>
    public const string AlertAction = "gateway.channel_alert";

    private readonly WebApplication _app;
    private readonly BotChannelParts _parts;
    private readonly ChannelOptions _options;
    private readonly ILogger _logger;
    private readonly uint _ownUserId = PeerCredentials.CurrentUserId;

    private BotChannelServer(WebApplication app, BotChannelParts parts, ChannelOptions options, ILogger logger)
    {
        _app = app;
        _parts = parts;
        _options = options;
        _logger = logger;
    }

    /// <summary>The channel's address as bots get it: <c>unix:/path/bots.sock</c>.</summary>
    public string Address => _options.Address;

    /// <summary>Prepares the folder, binds the socket, restricts it to 0600 and starts serving.</summary>
    /// <exception cref="Core.Errors.TradeguardException">Exit 5 when the socket path is unusable or already served.</exception>
    public static async Task<BotChannelServer> StartAsync(BotChannelParts parts, ChannelOptions? options = null, ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parts);
        options ??= new ChannelOptions();
        ChannelSocketFile.PrepareFolder(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        BotChannelServer? server = null;
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxConcurrentConnections = options.MaxConnections;
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 8 * 1024;
            k.Limits.MaxRequestLineSize = 8 * 1024;
            k.Limits.RequestHeadersTimeout = options.HeadersTimeout;
            k.Limits.KeepAliveTimeout = options.MaxPollWait + TimeSpan.FromSeconds(30);
            k.ListenUnixSocket(options.SocketPath, listen => listen.Use(next => connection => server!.AdmitAsync(connection, next)));
        });
        var app = builder.Build();
        server = new BotChannelServer(app, parts, options, logger ?? NullLogger.Instance);
        server.Map();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        ChannelSocketFile.Restrict(options);
        server._logger.LogInformation("Bot channel listening on {Address}", options.Address);
        return server;
    }

    /// <summary>Stops serving: open command polls answer at once with no command, then the socket file is removed.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        File.Delete(_options.SocketPath);
    }

    /// <summary>Stops and releases the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        File.Delete(_options.SocketPath);
    }

    private Task AdmitAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var socket = connection.Features.Get<IConnectionSocketFeature>()?.Socket;
        var peer = socket is null ? null : PeerCredentials.Of(socket);
        if (peer is not null && peer.UserId == _ownUserId)
        {
            return next(connection);
        }

        // Closed unread: a process of another user gets no answer to parse, and no request of it is ever handled.
        var who = peer is null ? "unknown" : peer.UserId.ToString(CultureInfo.InvariantCulture);
        _logger.LogWarning("Bot channel: refused a connection from uid {Uid} (pid {Pid}); only uid {Own} may connect",
            who, peer?.ProcessId, _ownUserId);
        _parts.Audit.Record(new AuditEvent("uid:" + who, PeerRefusedAction, _options.SocketPath, AuditOutcome.Denied,
            "a process of another user connected to the bot channel",
            new Dictionary<string, string>
            {
                ["pid"] = peer?.ProcessId.ToString(CultureInfo.InvariantCulture) ?? "unknown",
                ["gateway_uid"] = _ownUserId.ToString(CultureInfo.InvariantCulture),
            }));
        connection.Abort(new ConnectionAbortedException("peer credentials refused"));
        return Task.CompletedTask;
    }

    private void Map()
    {
        _app.MapGet("/v1/ping", Route((bot, _) => Task.FromResult<object>(new Dictionary<string, object> { ["bot"] = bot })));
        _app.MapPost("/v1/alert", Route((bot, request) => Task.FromResult(PublishAlert(bot, request))));
        _app.MapPost("/v1/status", Route((bot, request) => Task.FromResult(ReportStatus(bot, request))));
        _app.MapGet("/v1/commands", Route(PollCommands));
    }

    private RequestDelegate Route(Func<string, ChannelRequest, Task<object>> handler) => async context =>
    {
        ChannelRequest request;
        try
        {
            request = await ChannelRequest.ReadAsync(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            await Answer(context, null, new SandboxError(-1104, e.StatusCode, "The request body is too large or was sent too slowly.")).ConfigureAwait(false);
            return;
        }

        var apiKey = context.Request.Headers["X-MBX-APIKEY"] is { Count: 1 } header ? header.ToString() : null;
        var authentication = _parts.Authenticator.Authenticate(apiKey, request);
        if (authentication.Bot is not { } bot)
        {
            await Answer(context, null, authentication.Error!).ConfigureAwait(false);
            return;
        }

        await Answer(context, bot, await handler(bot, request).ConfigureAwait(false)).ConfigureAwait(false);
    };

    private object PublishAlert(string bot, ChannelRequest request)
    {
        var error = BotAlertRequest.TryBuild(bot, request, _parts.Kinds, _parts.Mode, _options, _parts.Time.GetUtcNow(), out var alert);
        if (error is not null)
        {
            return error;
        }

        var queued = _parts.Alerts.Publish(alert!);
        _parts.Audit.Record(new AuditEvent("bot:" + bot, AlertAction, alert!.Symbol ?? "", AuditOutcome.Success, "",
            new Dictionary<string, string> { ["kind"] = alert.Kind, ["side"] = alert.Side ?? "", ["messages"] = queued.ToString(CultureInfo.InvariantCulture) }));
        return new Dictionary<string, object> { ["kind"] = alert.Kind, ["queued"] = queued };
    }

    private object ReportStatus(string bot, ChannelRequest request)
    {
        if (request.Single("status") is not { } raw)
        {
            return BinanceErrors.Mandatory("status");
        }

        var line = BotStatusLine.Clean(raw, _options.MaxStatusLength, _parts.Redactor);
        _parts.Control.ReportStatus(bot, line);
        return new Dictionary<string, object> { ["status"] = line };
    }

    private async Task<object> PollCommands(string bot, ChannelRequest request)
    {
        var after = 0L;
        if (request.Single("after") is { } rawAfter && !long.TryParse(rawAfter, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return BinanceErrors.Mandatory("after");
        }

        var wait = _options.MaxPollWait;
        if (request.Single("wait") is { } rawWait)
        {
            if (!int.TryParse(rawWait, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return BinanceErrors.Mandatory("wait");
            }

            wait = TimeSpan.FromSeconds(Math.Min(seconds, _options.MaxPollWait.TotalSeconds));
        }

        var stopping = _app.Services.GetService(typeof(IHostApplicationLifetime)) is IHostApplicationLifetime lifetime
            ? lifetime.ApplicationStopping
            : CancellationToken.None;
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        poll.CancelAfter(wait);
        IReadOnlyList<BotCommand> commands;
        try
        {
            commands = await _parts.Control.WaitForCommandsAsync(bot, after, poll.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            commands = [];
        }

        return new Dictionary<string, object>
        {
            ["commands"] = commands.Select(c => new Dictionary<string, object>
            {
                ["seq"] = c.Sequence,
                ["action"] = c.Action,
                ["all_bots"] = c.AllBots,
                ["time"] = c.Time.ToUnixTimeMilliseconds(),
            }).ToList(),
        };
    }

    private async Task Answer(HttpContext context, string? bot, object result)
    {
        var path = context.Request.Path.Value ?? "";
        if (result is SandboxError error)
        {
            _logger.LogInformation("Bot channel {Method} {Path} bot {Bot}: {Code} {Message}", context.Request.Method, path, bot ?? "(none)", error.Code, error.Message);
            _parts.Audit.Record(new AuditEvent(bot is null ? "bot:unknown" : "bot:" + bot, RequestRefusedAction, path, AuditOutcome.Denied, error.Message,
                new Dictionary<string, string> { ["code"] = error.Code.ToString(CultureInfo.InvariantCulture) }));
            await Results.Json(new Dictionary<string, object> { ["code"] = error.Code, ["msg"] = error.Message }, statusCode: error.HttpStatus)
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await Results.Json(result).ExecuteAsync(context).ConfigureAwait(false);
    }
}
