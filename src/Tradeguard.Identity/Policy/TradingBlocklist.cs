namespace Tradeguard.Identity.Policy;

/// <summary>
/// Names an attacker tries first against a trader's account: exchanges, brokers, trading and bot software, coins
/// and the community's catch-phrases. A password whose core is one of them (<c>binance2024</c>) or contains one of
/// the longer ones (<c>MyKraken!</c>) is refused; zxcvbn gives <c>binance2024</c> a 3 because it knows none of them.
/// </summary>
internal static class TradingBlocklist
{
    public static IReadOnlyList<string> Terms { get; } =
    [
        "binance", "coinbase", "kraken", "bitfinex", "bybit", "okx", "okex", "kucoin", "bitstamp", "gemini", "huobi",
        "bitget", "gateio", "mexc", "bitmex", "deribit", "poloniex", "bittrex", "upbit", "bithumb", "cryptocom",
        "robinhood", "etrade", "schwab", "fidelity", "ibkr", "interactivebrokers", "alpaca", "oanda", "tradestation",
        "tradingview", "metatrader", "ninjatrader", "freqtrade", "hummingbot", "jesse", "3commas", "pionex",
        "cryptohopper", "backtrader", "zipline", "tradeguard", "telegram", "bitcoin", "ethereum", "satoshi",
        "nakamoto", "solana", "dogecoin", "tether", "hodl", "tothemoon", "lambo", "diamondhands", "trader", "trading",
        "crypto", "wallet", "exchange", "stonks",
    ];
}
