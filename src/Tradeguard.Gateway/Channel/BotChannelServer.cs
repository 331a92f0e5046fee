using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tradeguard.Core.Audit;
using Tradeguard.Exchange.Binance;
using Tradeguard.Gateway.Control;
using Tradeguard.Gateway.Hosting;
using Tradeguard.Gateway.Rest;

namespace Tradeguard.Gateway.Channel;

/// <summary>
/// The private local channel between bots and the gateway: HTTP/1.1 on one Unix socket (Kestrel), mode 0600 in a
/// 0700 folder. A connection from a process whose user id (<c>SO_PEERCRED</c>) is not the gateway's own is closed
/// before any byte of it is read, and audited (a security alert). Every request is then signed with the bot's local
/// key exactly as on the REST side and checked by the same <see cref="Keys.BotAuthenticator"/>, which names the bot.
/// Endpoints (parameters in the query or a form body, answers in JSON, errors Binance-shaped <c>{"code","msg"}</c>):
/// <list type="bullet">
/// <item><c>GET /v1/ping</c> → <c>{"bot": name, "state": "running|paused|stopped"}</c>.</item>
/// <item><c>POST /v1/alert</c> with <c>kind</c>, <c>symbol</c>, <c>side</c>, <c>details</c>, <c>id</c> (see
/// <see cref="BotAlertRequest"/>) → the alert goes through the exposure policy, redactor and outbox.</item>
/// <item><c>GET /v1/commands?after=N&amp;wait=S</c> → long poll (S ≤ <see cref="ChannelOptions.MaxPollWait"/>) for
/// authorised operator commands numbered above N: <c>{"state", "commands": [{"seq", "action", "time"}]}</c>.</item>
/// <item><c>POST /v1/status</c> with <c>status</c> → the cleaned line kept for <c>/status</c> (<see cref="BotStatusLine"/>).</item>
/// </list>
/// </summary>
public sealed class BotChannelServer : IAsyncDisposable
{
    /// <summary>Audit action of a connection refused by its peer credentials (also a security alert).</summary>
    public const string PeerRefusedAction = "gateway.channel_peer_refused";

    /// <summary>Audit action of a request refused for bad input (authentication failures are <c>gateway.auth</c>).</summary>
    public const string RequestRefusedAction = "gateway.channel_refused";

    /// <summary>Audit action of an alert a bot published.</summary>
    public const string AlertAction = "gateway.channel_alert";

    private readonly WebApplication _app;
    private readonly BotChannelParts _parts;
    private readonly ChannelOptions _options;
    private readonly BotCommandLog _commands;
    private readonly ILogger _logger;
    private readonly uint _ownUserId = PeerCredentials.CurrentUserId;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<int, int> _connectionsByProcess = [];
    private readonly Dictionary<string, int> _pollsByBot = new(StringComparer.Ordinal);

    private BotChannelServer(WebApplication app, BotChannelParts parts, ChannelOptions options, ILogger logger)
    {
        _app = app;
        _parts = parts;
        _options = options;
        _logger = logger;
        _commands = new BotCommandLog(parts.Control);
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
        ChannelSocketFile.Prepare(options);
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
            // Only idle time between requests counts, so a short timeout costs a waiting poll nothing, while a client
            // that opens connections and leaves them idle cannot keep their slots.
            k.Limits.KeepAliveTimeout = options.IdleTimeout;
            k.ListenUnixSocket(options.SocketPath, listen => listen.Use(next => connection => server!.AdmitAsync(connection, next)));
        });
        var app = builder.Build();
        server = new BotChannelServer(app, parts, options, logger ?? NullLogger.Instance);
        server.Map();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        File.SetUnixFileMode(options.SocketPath, UnixSocket.OwnerOnly);
        server._logger.LogInformation("Bot channel listening on {Address}", options.Address);
        return server;
    }

    /// <summary>Stops serving: open command polls answer at once with no command, then the socket file is removed.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        File.Delete(_options.SocketPath);
    }

    /// <summary>Stops and releases the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _commands.Dispose();
        _stopping.Dispose();
        File.Delete(_options.SocketPath);
    }

    private async Task ServeAsync(ConnectionContext connection, ConnectionDelegate next, int processId)
    {
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            ReturnSlot(_connectionsByProcess, processId);
        }
    }

    private Task RefuseCrowdingAsync(ConnectionContext connection, int processId)
    {
        _logger.LogWarning("Bot channel: pid {Pid} already holds {Max} connections; refused another", processId, _options.MaxConnectionsPerProcess);
        connection.Abort(new ConnectionAbortedException("too many connections from one process"));
        return Task.CompletedTask;
    }

    // One counter table per kind of slot; a lock, since connections and requests end on any thread.
    private static bool TakeSlot<TKey>(Dictionary<TKey, int> slots, TKey key, int max)
        where TKey : notnull
    {
        lock (slots)
        {
            var held = slots.GetValueOrDefault(key);
            if (held >= max)
            {
                return false;
            }

            slots[key] = held + 1;
            return true;
        }
    }

    private static void ReturnSlot<TKey>(Dictionary<TKey, int> slots, TKey key)
        where TKey : notnull
    {
        lock (slots)
        {
            if (slots.TryGetValue(key, out var held) && held > 1)
            {
                slots[key] = held - 1;
            }
            else
            {
                slots.Remove(key);
            }
        }
    }

    private Task AdmitAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var socket = connection.Features.Get<IConnectionSocketFeature>()?.Socket;
        var peer = socket is null ? null : PeerCredentials.Of(socket);
        if (peer is not null && peer.UserId == _ownUserId)
        {
            return TakeSlot(_connectionsByProcess, peer.ProcessId, _options.MaxConnectionsPerProcess)
                ? ServeAsync(connection, next, peer.ProcessId)
                : RefuseCrowdingAsync(connection, peer.ProcessId);
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
        _app.MapGet("/v1/ping", Route((bot, _, _) => Task.FromResult<object>(new Dictionary<string, object> { ["bot"] = bot, ["state"] = State(bot) })));
        _app.MapPost("/v1/alert", Route((bot, request, _) => Task.FromResult(PublishAlert(bot, request))));
        _app.MapPost("/v1/status", Route((bot, request, _) => Task.FromResult(ReportStatus(bot, request))));
        _app.MapGet("/v1/commands", Route(PollCommands));
    }

    private RequestDelegate Route(Func<string, BinanceRequest, CancellationToken, Task<object>> handler) => async context =>
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
        BinanceRequest request;
        try
        {
            request = await BinanceRequest.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            await Refuse(context, null, new BinanceError(-1000, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "Request body too large."
                : "The request could not be read.")).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var auth = _parts.Authenticator.Authenticate(context.Request.Headers["X-MBX-APIKEY"].ToString(), request);
        if (!auth.Succeeded)
        {
            _parts.Journal.AuthRefused(auth.Bot, auth.MaskedKey, method, "channel " + path, auth.Error!);
            _logger.LogInformation("Bot channel {Method} {Path} key {Key}: refused {Code}", method, path, auth.MaskedKey, auth.Error!.Code);
            await GatewayAnswer.ErrorAsync(context, auth.Error!).ConfigureAwait(false);
            return;
        }

        var result = await handler(auth.Bot!, request, context.RequestAborted).ConfigureAwait(false);
        if (result is BinanceError error)
        {
            await Refuse(context, auth.Bot, error).ConfigureAwait(false);
            return;
        }

        await BinanceJson.Result(result).ExecuteAsync(context).ConfigureAwait(false);
    };

    private object PublishAlert(string bot, BinanceRequest request)
    {
        var error = BotAlertRequest.TryBuild(bot, request, _parts.Kinds, _parts.Journal.Mode, _options, _parts.Time.GetUtcNow(), out var alert);
        if (error is not null)
        {
            return error;
        }

        var queued = _parts.Alerts?.Publish(alert!) ?? 0;
        _parts.Audit.Record(new AuditEvent("bot:" + bot, AlertAction, alert!.Symbol ?? "", AuditOutcome.Success, "",
            new Dictionary<string, string> { ["kind"] = alert.Kind, ["side"] = alert.Side ?? "", ["messages"] = queued.ToString(CultureInfo.InvariantCulture) }));
        return new Dictionary<string, object> { ["kind"] = alert.Kind, ["queued"] = queued };
    }

    private object ReportStatus(string bot, BinanceRequest request)
    {
        if (request.Single("status") is not { } raw)
        {
            return BinanceErrors.Mandatory("status");
        }

        var line = BotStatusLine.Clean(raw, ControlBoard.MaxStatusLength, _parts.Redactor);
        _parts.Control.ReportStatus(bot, line);
        return new Dictionary<string, object> { ["status"] = line };
    }

    private async Task<object> PollCommands(string bot, BinanceRequest request, CancellationToken aborted)
    {
        var after = 0L;
        if (request.Values.ContainsKey("after") && !long.TryParse(request.Single("after"), NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return BinanceErrors.Mandatory("after");
        }

        var wait = _options.MaxPollWait;
        if (request.Values.ContainsKey("wait"))
        {
            if (!int.TryParse(request.Single("wait"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return BinanceErrors.Mandatory("wait");
            }

            wait = TimeSpan.FromSeconds(Math.Min(seconds, _options.MaxPollWait.TotalSeconds));
        }

        if (!TakeSlot(_pollsByBot, bot, _options.MaxPollsPerBot))
        {
            return new BinanceError(-1003, StatusCodes.Status429TooManyRequests,
                $"Too many command polls at once for bot {bot}: at most {_options.MaxPollsPerBot.ToString(CultureInfo.InvariantCulture)}; wait for an answer before polling again.");
        }

        IReadOnlyList<BotCommand> commands;
        try
        {
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, aborted);
            poll.CancelAfter(wait);
            commands = await _commands.WaitAsync(bot, after, poll.Token).ConfigureAwait(false);
        }
        finally
        {
            ReturnSlot(_pollsByBot, bot);
        }

        return new Dictionary<string, object>
        {
            ["state"] = State(bot),
            ["commands"] = commands.Select(c => new Dictionary<string, object>
            {
                ["seq"] = c.Sequence,
                ["action"] = c.Action,
                ["time"] = c.Time.ToUnixTimeMilliseconds(),
            }).ToList(),
        };
    }

    private string State(string bot) => _parts.Control.StateOf(bot).ToString().ToLowerInvariant();

    private async Task Refuse(HttpContext context, string? bot, BinanceError error)
    {
        var path = context.Request.Path.Value ?? "/";
        _logger.LogInformation("Bot channel {Method} {Path} bot {Bot}: {Code} {Message}", context.Request.Method, path, bot ?? "(unknown)", error.Code, error.Message);
        _parts.Audit.Record(new AuditEvent("bot:" + (bot ?? "unknown"), RequestRefusedAction, path, AuditOutcome.Denied, error.Message,
            new Dictionary<string, string> { ["code"] = error.Code.ToString(CultureInfo.InvariantCulture) }));
        await GatewayAnswer.ErrorAsync(context, error).ConfigureAwait(false);
    }
}
