using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Tradeguard.Exchange.Binance;
using Tradeguard.Exchange.Client;
using Tradeguard.Exchange.Signing;

namespace Tradeguard.Gateway.Upstream;

/// <summary>
/// The gateway's one connection to the real exchange (or the sandbox). Public requests are forwarded as they are;
/// signed ones are re-signed with the real key pair through <see cref="RequestSigner"/>: the bot's parameters, in the
/// bot's order and encoding, without its signature, then <c>signature</c> = HMAC-SHA256 of query + body under the real
/// secret, and the real key in <c>X-MBX-APIKEY</c>. The real key and secret exist only here, in
/// <see cref="ApiCredentials"/>, and never leave in a response. After the exchange answers 429 or 418 nothing is sent
/// until its Retry-After has passed (<see cref="UpstreamBackoff"/>). Thread-safe; one pooled HTTP client.
/// </summary>
public sealed class UpstreamExchange : IDisposable
{
    private const string FormContentType = "application/x-www-form-urlencoded";
    private readonly HttpClient _http;
    private readonly ApiCredentials _credentials;
    private readonly ExchangeClientOptions _options;
    private readonly TimeProvider _time;
    private readonly UpstreamBackoff _backoff;

    /// <summary>Creates the client; it owns <paramref name="credentials"/> and zeroes them on dispose.</summary>
    /// <param name="options">Base address (validated: https, or http to loopback), recvWindow, timeout.</param>
    /// <param name="credentials">The real key pair.</param>
    /// <param name="time">The clock for the gateway's own requests' timestamps.</param>
    /// <param name="handler">The HTTP handler (default: pooled sockets, up to 256 connections); a given one stays the caller's and is not disposed here.</param>
    public UpstreamExchange(ExchangeClientOptions options, ApiCredentials credentials, TimeProvider? time = null, HttpMessageHandler? handler = null)
    {
        options.Validate();
        _options = options;
        _credentials = credentials;
        _time = time ?? TimeProvider.System;
        _backoff = new UpstreamBackoff(_time);
        _http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 256,
            UseCookies = false,
            AllowAutoRedirect = false,
        }, disposeHandler: handler is null)
        {
            BaseAddress = options.BaseAddress,
            Timeout = options.Timeout,
        };
    }

    /// <summary>The exchange's base address.</summary>
    public Uri BaseAddress => _options.BaseAddress;

    /// <summary>The real key, masked (for logs and the start-up line).</summary>
    public string MaskedKey => _credentials.MaskedKey;

    /// <summary>Forwards a public request: same method, path and query, no key.</summary>
    /// <exception cref="UpstreamUnavailableException">The exchange could not be reached or did not answer in time.</exception>
    public Task<UpstreamResponse> SendPublicAsync(HttpMethod method, string path, string query, CancellationToken cancellationToken) =>
        SendAsync(method, path, query, string.Empty, signed: false, cancellationToken);

    /// <summary>Forwards a bot's signed request, re-signed with the real key (see the class remarks).</summary>
    /// <exception cref="UpstreamUnavailableException">The exchange could not be reached or did not answer in time.</exception>
    public Task<UpstreamResponse> SendSignedAsync(HttpMethod method, string path, BinanceRequest botRequest, CancellationToken cancellationToken)
    {
        var signature = RequestSigner.Sign(_credentials.ApiSecret, botRequest.SignedPayload);
        return botRequest.Body.Length > 0
            ? SendAsync(method, path, botRequest.Query, botRequest.Body + "&signature=" + signature, signed: true, cancellationToken)
            : SendAsync(method, path, Join(botRequest.Query, "signature=" + signature), string.Empty, signed: true, cancellationToken);
    }

    /// <summary>Sends the gateway's own signed request (close-all, cancels): <paramref name="parameters"/> plus recvWindow and timestamp, in the query.</summary>
    /// <exception cref="UpstreamUnavailableException">The exchange could not be reached or did not answer in time.</exception>
    public Task<UpstreamResponse> SendOwnSignedAsync(HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var query = QueryString.Build(parameters.Concat(
        [
            new("recvWindow", _options.RecvWindowMs.ToString(CultureInfo.InvariantCulture)),
            new("timestamp", _time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
        ]));
        return SendAsync(method, path, query + "&signature=" + RequestSigner.Sign(_credentials.ApiSecret, query), string.Empty, signed: true, cancellationToken);
    }

    private async Task<UpstreamResponse> SendAsync(HttpMethod method, string path, string query, string body, bool signed, CancellationToken cancellationToken)
    {
        if (_backoff.Hold() is { } held)
        {
            return held;
        }

        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/') + (query.Length > 0 ? "?" + query : string.Empty), UriKind.Relative));
        if (signed)
        {
            request.Headers.TryAddWithoutValidation("X-MBX-APIKEY", _credentials.ApiKey.Reveal());
        }

        if (body.Length > 0)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(FormContentType);
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            _backoff.Observe((int)response.StatusCode, response.Headers.RetryAfter is { } retry
                ? retry.Delta ?? (retry.Date is { } date ? date - _time.GetUtcNow() : null)
                : null);
            return new UpstreamResponse((int)response.StatusCode, bytes, response.Content.Headers.ContentType?.ToString(),
                Header(response, "X-MBX-USED-WEIGHT-1M"), response.Headers.RetryAfter?.ToString());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The message is our own words only: an HttpRequestException's text can carry the request URI.
            var why = e is TaskCanceledException ? "timed out" : "connection failed";
            throw new UpstreamUnavailableException($"the exchange at {_options.BaseAddress.GetLeftPart(UriPartial.Authority)} did not answer ({why})", e);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string Join(string query, string part) => query.Length == 0 ? part : query + "&" + part;

    /// <summary>Closes the connections and zeroes the real key pair.</summary>
    public void Dispose()
    {
        _http.Dispose();
        _credentials.Dispose();
    }
}

/// <summary>The exchange could not be reached or did not answer in time; for an order, its outcome is unknown.</summary>
public sealed class UpstreamUnavailableException(string message, Exception inner) : Exception(message, inner);
