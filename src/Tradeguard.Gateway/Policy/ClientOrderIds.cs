using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Tradeguard.Exchange.Binance;

namespace Tradeguard.Gateway.Policy;

/// <summary>
/// The gateway's <c>newClientOrderId</c> for every order it forwards, and the check of a bot's own. With its own id
/// the gateway can ask the exchange about an order whose answer it never got (<c>GET /api/v3/order?origClientOrderId=</c>),
/// and no bot can choose (or collide with) the id another bot's order carries at the exchange.
/// </summary>
public static partial class ClientOrderIds
{
    /// <summary>Prefix of the gateway's ids, so an operator reading the exchange's order history knows who placed the order.</summary>
    public const string Prefix = "tgw-";

    /// <summary>A fresh id: <see cref="Prefix"/> and 128 random bits in base64url, 26 characters (Binance allows 36).</summary>
    public static string New() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Null when <paramref name="botClientOrderId"/> is a valid Binance client order id, else Binance's -1100 for
    /// <c>newClientOrderId</c> (legal range <c>^[\.A-Z\:/a-z0-9_-]{1,36}$</c>, as Binance words it in that error).
    /// </summary>
    public static BinanceError? Check(string botClientOrderId) => Legal().IsMatch(botClientOrderId)
        ? null
        : new BinanceError(-1100, 400, @"Illegal characters found in parameter 'newClientOrderId'; legal range is '^[\.A-Z\:/a-z0-9_-]{1,36}$'.");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex(@"^[\.A-Z\:/a-z0-9_-]{1,36}$", RegexOptions.CultureInvariant)]
    private static partial Regex Legal();
}
