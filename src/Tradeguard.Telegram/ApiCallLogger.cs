using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Tradeguard.Core.Redaction;

namespace Tradeguard.Telegram;

/// <summary>
/// Logs each Bot API call as its method name, HTTP status and duration. The request URL is never logged: it holds
/// the bot token (<c>/bot&lt;token&gt;/sendMessage</c>). Transport errors are re-thrown with their text redacted and
/// without the inner exception, whose text could quote the URL.
/// </summary>
internal sealed class ApiCallLogger(ILogger logger) : DelegatingHandler
{
    /// <summary>The Bot API method of a request: the last path segment, e.g. <c>sendMessage</c>.</summary>
    public static string MethodOf(HttpRequestMessage request) =>
        request.RequestUri?.Segments is { Length: > 0 } s ? s[^1].Trim('/') : "(unknown)";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = MethodOf(request);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            logger.LogDebug("Telegram {Method} -> HTTP {Status} in {Ms} ms", method, (int)response.StatusCode,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (HttpRequestException e)
        {
            var text = Redactor.Shared.Redact(e.Message);
            logger.LogDebug("Telegram {Method} failed: {Error}", method, text);
            throw new HttpRequestException(e.HttpRequestError, $"Telegram {method}: {text}", null, e.StatusCode);
        }
    }
}
