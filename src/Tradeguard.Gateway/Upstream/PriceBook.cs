using System.Globalization;
using System.Text.Json;
using Tradeguard.Exchange.Binance;

namespace Tradeguard.Gateway.Upstream;

/// <summary>
/// Last prices for valuing market orders against the notional limit: <c>GET /api/v3/ticker/price</c> upstream, each
/// kept for <paramref name="maxAge"/> so a burst of orders costs one request. Thread-safe.
/// </summary>
/// <param name="upstream">The exchange.</param>
/// <param name="time">The clock.</param>
/// <param name="maxAge">How long a price is used; default 1 s.</param>
public sealed class PriceBook(UpstreamExchange upstream, TimeProvider time, TimeSpan? maxAge = null)
{
    private readonly TimeSpan _maxAge = maxAge ?? TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, (decimal Price, DateTimeOffset At)> _prices = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The last price of <paramref name="symbol"/>, or the exchange's error when it has none.</summary>
    /// <exception cref="UpstreamUnavailableException">The exchange could not be reached.</exception>
    public async Task<(decimal Price, BinanceError? Error)> LastPriceAsync(string symbol, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_prices.TryGetValue(symbol, out var cached) && now - cached.At < _maxAge)
            {
                return (cached.Price, null);
            }
        }

        var response = await upstream.SendPublicAsync(HttpMethod.Get, "/api/v3/ticker/price", "symbol=" + Uri.EscapeDataString(symbol), cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(response.Body);
            if (response.IsSuccess && json.RootElement.TryGetProperty("price", out var p) &&
                decimal.TryParse(p.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price) && price > 0)
            {
                lock (_gate)
                {
                    _prices[symbol] = (price, now);
                }

                return (price, null);
            }

            return (0, json.RootElement.TryGetProperty("code", out var code) && json.RootElement.TryGetProperty("msg", out var msg)
                ? new BinanceError(code.GetInt32(), response.Status, msg.GetString() ?? string.Empty)
                : BinanceErrors.InvalidSymbol);
        }
        catch (JsonException)
        {
            return (0, BinanceErrors.UpstreamUnavailable);
        }
    }
}
