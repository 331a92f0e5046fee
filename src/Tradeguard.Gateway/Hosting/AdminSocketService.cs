using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tradeguard.Core.Errors;
using Tradeguard.Gateway.Control;
using Tradeguard.Gateway.Journal;
using Tradeguard.Gateway.Keys;
using Tradeguard.Gateway.Rest;

namespace Tradeguard.Gateway.Hosting;

/// <summary>
/// The operator's control socket: a Unix socket (0600 in a 0700 folder) with its own small Kestrel server, apart from
/// the bots' surface, so no bot request can reach it. <c>GET /status</c> reports each bot; <c>POST /pause</c>,
/// <c>/resume</c>, <c>/stop</c>, <c>/closeall</c> (query <c>bot=NAME</c> for one bot) act through the
/// <see cref="ControlBoard"/>; <c>POST /revoke?bot=NAME</c> makes the <see cref="BotAuthenticator"/> refuse that bot's
/// key from the next request on. Every command needs the <see cref="AdminToken"/>; each is audited.
/// </summary>
public sealed class AdminSocketService(string socketPath, ControlBoard board, OrderDesk desk, BotAuthenticator authenticator, GatewayJournal journal,
    GatewayParts parts, ILogger<AdminSocketService> logger) : IHostedService
{
    private WebApplication? _app;

    /// <summary>Starts listening.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        UnixSocket.PrepareFolder(socketPath);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 1024;
            k.Limits.MaxConcurrentConnections = 16;
            k.ListenUnixSocket(socketPath);
        });
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        File.SetUnixFileMode(socketPath, UnixSocket.OwnerOnly);
        logger.LogInformation("Admin socket listening on {Path}", socketPath);
    }

    /// <summary>Stops listening and removes the socket file.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        File.Delete(socketPath);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (parts.AdminToken is null || !AdminToken.Matches(parts.AdminToken, context.Request.Headers[AdminToken.Header].ToString()))
        {
            journal.AdminRefused(context.Request.Path.Value ?? "/");
            await Answer(context, StatusCodes.Status401Unauthorized, "error", "admin token missing or wrong: run the command with the vault that the gateway uses");
            return;
        }

        var bot = context.Request.Query["bot"].ToString() is { Length: > 0 } b ? b : null;
        var command = (context.Request.Path.Value ?? "/").Trim('/');
        try
        {
            if (HttpMethods.IsGet(context.Request.Method) && command == "status")
            {
                context.Response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(context.Response.Body, AdminStatus.Of(parts.Mode, BotReport.All(board, desk)), AdminJsonContext.Default.AdminStatus,
                    context.RequestAborted);
                return;
            }

            if (!HttpMethods.IsPost(context.Request.Method))
            {
                await Answer(context, StatusCodes.Status405MethodNotAllowed, "error", "use POST for commands, GET for status");
                return;
            }

            var result = command switch
            {
                "pause" => board.Pause(bot, "cli"),
                "resume" => board.Resume(bot, "cli"),
                "stop" => await board.StopAsync(bot, "cli", context.RequestAborted),
                "closeall" => await board.CloseAllAsync(bot, "cli", context.RequestAborted),
                "revoke" => Revoke(bot),
                _ => null,
            };
            if (result is null)
            {
                await Answer(context, StatusCodes.Status404NotFound, "error", $"unknown command '{command}': pause, resume, stop, closeall, revoke or status");
                return;
            }

            journal.Control("cli", command, bot, result);
            await Answer(context, StatusCodes.Status200OK, "result", result);
        }
        catch (TradeguardException e)
        {
            await Answer(context, StatusCodes.Status400BadRequest, "error", e.Message);
        }
    }

    private string Revoke(string? bot)
    {
        if (bot is null)
        {
            throw new TradeguardException(ExitCode.Usage, "revoke needs the bot: revoke?bot=NAME");
        }

        return authenticator.Revoke(bot)
            ? $"Revoked the key of bot {bot}: the gateway refuses it from now on."
            : throw new TradeguardException(ExitCode.Configuration, $"the gateway holds no key for bot {bot}");
    }

    private static Task Answer(HttpContext context, int status, string field, string text)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new Dictionary<string, string> { [field] = text }, AdminJsonContext.Default.DictionaryStringString);
    }
}
