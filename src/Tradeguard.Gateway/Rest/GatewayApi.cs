using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tradeguard.Exchange.Binance;
using Tradeguard.Gateway.Journal;
using Tradeguard.Gateway.Keys;
using Tradeguard.Gateway.Upstream;

namespace Tradeguard.Gateway.Rest;

/// <summary>
/// The bots' REST surface: one terminal handler that dispatches on method and path against
/// <see cref="EndpointAllowlist"/>. Public endpoints are forwarded; signed ones are authenticated by
/// <see cref="BotAuthenticator"/> and handled by <see cref="OrderDesk"/>; both within their share of the exchange's
/// request weight (<see cref="WeightBudget"/>); anything else is refused with 403, audited
/// and raised as a security alert. A body over the size limit, a client that stops sending, or an exchange that does
/// not answer each get a bounded Binance-shaped error; the handler never throws to Kestrel.
/// </summary>
public sealed class GatewayApi(BotAuthenticator authenticator, OrderDesk desk, UpstreamExchange upstream, WeightBudget budget, GatewayJournal journal, ILogger logger)
{
    private static readonly HashSet<string> PublicPaths = new(EndpointAllowlist.Public, StringComparer.Ordinal);

    /// <summary>Handles one request from a bot.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
        try
        {
            if (HttpMethods.IsGet(method) && PublicPaths.Contains(path))
            {
                await PublicAsync(context, path).ConfigureAwait(false);
                return;
            }

            var route = method + " " + path;
            if (!EndpointAllowlist.Signed.Contains(route, StringComparer.Ordinal))
            {
                await RefuseAsync(context, method, path).ConfigureAwait(false);
                return;
            }

            var request = await BinanceRequest.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            var auth = authenticator.Authenticate(context.Request.Headers["X-MBX-APIKEY"].ToString(), request);
            if (!auth.Succeeded)
            {
                journal.AuthRefused(auth.Bot, auth.MaskedKey, method, path, auth.Error!);
                logger.LogInformation("{Method} {Path} key {Key}: refused {Code}", method, path, auth.MaskedKey, auth.Error!.Code);
                await GatewayAnswer.ErrorAsync(context, auth.Error!).ConfigureAwait(false);
                return;
            }

            var bot = auth.Bot!;
            if (budget.TryCharge(bot, EndpointWeights.Signed(route, request)) is { } overShare)
            {
                await GatewayAnswer.UpstreamAsync(context, overShare).ConfigureAwait(false);
                return;
            }

            await (route switch
            {
                "POST /api/v3/order" => desk.NewOrderAsync(context, bot, request),
                "GET /api/v3/order" => desk.OneOrderAsync(context, bot, request, cancel: false),
                "DELETE /api/v3/order" => desk.OneOrderAsync(context, bot, request, cancel: true),
                "GET /api/v3/openOrders" or "GET /api/v3/allOrders" => desk.ListAsync(context, bot, request, path, trades: false),
                "GET /api/v3/myTrades" => desk.ListAsync(context, bot, request, path, trades: true),
                _ => desk.ForwardAsync(context, request, HttpMethod.Get, path),
            }).ConfigureAwait(false);
            logger.LogDebug("{Method} {Path} bot {Bot}: {Status}", method, path, bot, context.Response.StatusCode);
        }
        catch (BadHttpRequestException e)
        {
            // Body over the limit (413), or a client too slow to send it (408): answered if the connection still stands.
            logger.LogInformation("{Method} {Path}: bad request ({Status})", method, path, e.StatusCode);
            await TryAnswerAsync(context, new BinanceError(-1000, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "Request body too large."
                : "The request could not be read.")).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (UpstreamUnavailableException e)
        {
            logger.LogWarning("{Method} {Path}: {Problem}", method, path, e.Message);
            await TryAnswerAsync(context, BinanceErrors.UpstreamUnavailable).ConfigureAwait(false);
        }
    }

    private async Task PublicAsync(HttpContext context, string path)
    {
        var query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : string.Empty;
        if (budget.TryCharge(null, EndpointWeights.Public(path, BinanceRequest.Parse(query, string.Empty))) is { } overShare)
        {
            await GatewayAnswer.UpstreamAsync(context, overShare).ConfigureAwait(false);
            return;
        }

        var response = await upstream.SendPublicAsync(HttpMethod.Get, path, query, context.RequestAborted).ConfigureAwait(false);
        await GatewayAnswer.UpstreamAsync(context, response).ConfigureAwait(false);
    }

    private async Task RefuseAsync(HttpContext context, string method, string path)
    {
        var apiKey = context.Request.Headers["X-MBX-APIKEY"].ToString();
        var bot = authenticator.BotOf(apiKey);
        journal.EndpointRefused(bot, method, Shorten(path));
        logger.LogWarning("{Method} {Path} bot {Bot}: outside the trading allowlist, refused", method, Shorten(path), bot ?? "(unknown key)");
        await GatewayAnswer.ErrorAsync(context, BinanceErrors.NotPermitted($"{method} {Shorten(path)} is outside the Tradeguard gateway's trading allowlist")).ConfigureAwait(false);
    }

    private static async Task TryAnswerAsync(HttpContext context, BinanceError error)
    {
        if (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            await GatewayAnswer.ErrorAsync(context, error).ConfigureAwait(false);
        }
    }

    // Paths are bot-controlled: keep what is recorded and echoed short and printable.
    private static string Shorten(string path)
    {
        var clean = new string(path.Where(c => c is > ' ' and < (char)127).Take(120).ToArray());
        return clean.Length == 0 ? "/" : clean;
    }
}
