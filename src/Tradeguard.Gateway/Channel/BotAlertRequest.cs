using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tradeguard.Alerts;
using Tradeguard.Exchange.Binance;

namespace Tradeguard.Gateway.Channel;

/// <summary>
/// Turns a bot's <c>POST /v1/alert</c> parameters into an <see cref="Alert"/>: <c>kind</c> (a word of
/// <see cref="BotAlertKinds"/>), optional <c>symbol</c> (letters and digits, <c>BTC/USDT</c> becomes <c>BTCUSDT</c>),
/// optional <c>side</c> (<c>buy</c>, <c>sell</c>, <c>long</c>, <c>short</c>), optional <c>details</c> (a JSON object of
/// strings, numbers and booleans, kept apart as <see cref="AlertDetails"/>) and optional <c>id</c> (the bot's own
/// alert id: sending the same id twice alerts once). The bot is the alert's <see cref="Alert.Source"/>; nothing the
/// bot sends in free text reaches the readable line.
/// </summary>
public static partial class BotAlertRequest
{
    /// <summary>Builds the alert, or returns the Binance-shaped error naming the bad parameter.</summary>
    /// <param name="bot">The authenticated bot.</param>
    /// <param name="request">The parameters.</param>
    /// <param name="kinds">The kinds this gateway accepts.</param>
    /// <param name="mode">The gateway's trading mode (paper or live).</param>
    /// <param name="options">Detail limits.</param>
    /// <param name="now">The gateway's clock reading, the alert's time.</param>
    /// <param name="alert">The alert when the result is null.</param>
    /// <returns>Null on success, else the error.</returns>
    public static BinanceError? TryBuild(string bot, BinanceRequest request, BotAlertKinds kinds, TradingMode mode,
        ChannelOptions options, DateTimeOffset now, out Alert? alert)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(options);
        alert = null;
        foreach (var name in new[] { "kind", "symbol", "side", "details", "id" })
        {
            if (request.Values.TryGetValue(name, out var values) && values.Count > 1)
            {
                return Invalid(name, "is sent once");
            }
        }

        var kind = kinds.Find(request.Single("kind"));
        if (kind is null)
        {
            return Invalid("kind", "is one of " + string.Join(", ", kinds.Words));
        }

        string? symbol = null;
        if (request.Single("symbol") is { Length: > 0 } rawSymbol)
        {
            symbol = rawSymbol.Replace("/", "", StringComparison.Ordinal).ToUpperInvariant();
            if (!Symbol().IsMatch(symbol))
            {
                return Invalid("symbol", "is 1-20 letters and digits, e.g. BTCUSDT or BTC/USDT");
            }
        }

        string? side = null;
        if (request.Single("side") is { Length: > 0 } rawSide)
        {
            side = rawSide.ToLowerInvariant();
            if (side is not ("buy" or "sell" or "long" or "short"))
            {
                return Invalid("side", "is buy, sell, long or short");
            }
        }

        var details = AlertDetails.Empty;
        if (request.Single("details") is { Length: > 0 } json && !TryDetails(json, options, out details))
        {
            return Invalid("details", $"is a JSON object of at most {options.MaxDetails} names (a-z, 0-9, _) with string, number or boolean values of at most {options.MaxDetailLength} characters");
        }

        string? id = null;
        if (request.Single("id") is { Length: > 0 } rawId)
        {
            if (!AlertId().IsMatch(rawId))
            {
                return Invalid("id", "is 1-64 of letters, digits, '.', '_' and '-'");
            }

            id = rawId;
        }

        alert = new Alert(kind.Kind, kind.Summary, now)
        {
            Source = bot,
            Symbol = symbol,
            Side = side,
            Mode = mode,
            Details = details,
            DedupeKey = id is null ? null : $"bot:{bot}:{id}",
        };
        return null;
    }

    private static bool TryDetails(string json, ChannelOptions options, out AlertDetails details)
    {
        details = AlertDetails.Empty;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 2 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var pairs = new List<(string, string)>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => null,
                };
                if (value is null || value.Length > options.MaxDetailLength || !DetailName().IsMatch(property.Name) ||
                    pairs.Count == options.MaxDetails || pairs.Any(p => p.Item1 == property.Name))
                {
                    return false;
                }

                pairs.Add((property.Name, value));
            }

            details = AlertDetails.From([.. pairs]);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static BinanceError Invalid(string name, string rule) =>
        new(-1100, 400, string.Create(CultureInfo.InvariantCulture, $"Illegal value in parameter '{name}': it {rule}."));

    [GeneratedRegex("^[A-Z0-9]{1,20}$")]
    private static partial Regex Symbol();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$")]
    private static partial Regex DetailName();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex AlertId();
}
