using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Telegram.Bot;

namespace Tradeguard.Telegram.Webhook;

/// <summary>
/// Webhook mode: an ASP.NET Core minimal endpoint (Kestrel) that takes updates POSTed by Telegram, on loopback unless
/// told otherwise (a reverse proxy terminates TLS in front). Requests without the right
/// <c>X-Telegram-Bot-Api-Secret-Token</c> header get 401; the header is compared in constant time.
/// </summary>
public sealed class WebhookEndpoint : IAsyncDisposable
{
    // Telegram.Bot's own source-generated metadata for Update (its options resolve it without reflection).
    private static readonly JsonTypeInfo<Update> UpdateShape = (JsonTypeInfo<Update>)JsonBotAPI.Options.GetTypeInfo(typeof(Update));

    /// <summary>The header Telegram sends with the secret given to <c>setWebhook</c> (Bot API, "setWebhook").</summary>
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private readonly WebApplication _app;

    private WebhookEndpoint(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address the endpoint listens on, e.g. <c>http://127.0.0.1:8443/telegram/webhook</c>.</summary>
    public Uri Address { get; }

    /// <summary>Creates a secret token for <c>setWebhook</c>: 32 CSPRNG bytes as base64url (allowed: A-Z a-z 0-9 _ -).</summary>
    public static Secret NewSecretToken()
    {
        using var random = Secret.Random(32);
        return Secret.FromString(random.Use(b => Convert.ToBase64String(b)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
    }

    /// <summary>Starts listening.</summary>
    /// <param name="listenUrl">E.g. <c>http://127.0.0.1:8443</c>; port 0 picks a free port.</param>
    /// <param name="path">The path Telegram posts to, e.g. <c>/telegram/webhook</c>.</param>
    /// <param name="secretToken">The token given to <c>setWebhook</c>.</param>
    /// <param name="bot">Handles each update.</param>
    /// <param name="allowNonLoopback">Listen on a non-loopback address (logged as a warning).</param>
    /// <param name="logger">Diagnostics.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <exception cref="TradeguardException">Exit 5 for a non-loopback address without <paramref name="allowNonLoopback"/>.</exception>
    public static async Task<WebhookEndpoint> StartAsync(Uri listenUrl, string path, Secret secretToken, CommandBot bot,
        bool allowNonLoopback, ILogger logger, CancellationToken cancellationToken = default)
    {
        if (!TelegramOptions.IsLoopback(listenUrl))
        {
            if (!allowNonLoopback)
            {
                throw new TradeguardException(ExitCode.Configuration,
                    $"Refusing to listen for webhooks on {listenUrl.Host}: not a loopback address. Put a TLS reverse proxy in front " +
                    "and listen on 127.0.0.1, or pass --allow-public-listen if you really mean it.");
            }

            logger.LogWarning("Webhook endpoint listens on non-loopback address {Host}", listenUrl.Host);
        }

        var expected = SHA256.HashData(secretToken.Use(b => b.ToArray()));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(listenUrl.GetLeftPart(UriPartial.Authority));
        var app = builder.Build();
        // A RequestDelegate, not a lambda with parameters: ASP.NET Core then builds no binding code at run time (which a
        // Native AOT build cannot do).
        app.MapPost(path, async context => await (await AnswerAsync(context)).ExecuteAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = new Uri(app.Urls.First());
        return new WebhookEndpoint(app, new Uri(bound, path));

        async Task<IResult> AnswerAsync(HttpContext context)
        {
            if (!context.Request.Headers.TryGetValue(SecretHeader, out var given) || given.Count != 1
                || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given[0] ?? "")), expected))
            {
                logger.LogWarning("Webhook request without the right secret token refused (401)");
                return Results.Unauthorized();
            }

            Update? update;
            try
            {
                update = await JsonSerializer.DeserializeAsync(context.Request.Body, UpdateShape, context.RequestAborted);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            if (update is null)
            {
                return Results.BadRequest();
            }

            await bot.HandleAsync(update, context.RequestAborted);
            return Results.Ok();
        }
    }

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
