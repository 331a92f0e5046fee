namespace Tradeguard.Scanner.Tests;

/// <summary>
/// Values from /work/shared/vectors/secret_scanning.json (copied here; the file cites Yelp/detect-secrets and
/// gitleaks/gitleaks as sources). None is live: synthetic shapes and published documentation examples.
/// </summary>
internal static class Values
{
    /// <summary>cross_tool_regex_outcomes.synthetic_telegram_token.</summary>
    public const string TelegramToken = "7123456789:AAFq7Zk2Lm9Xw4Rt8Yp3Nv6Bc1Hd5Gj0Sx2";

    /// <summary>telegram_token_cases.doc_placeholder.value (Telegram Bot API docs).</summary>
    public const string TelegramDocExample = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";

    /// <summary>Binance API docs example key and secret (cases binance_doc_key_py, binance_doc_secret_env).</summary>
    public const string BinanceDocKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

    public const string BinanceDocSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    /// <summary>Kraken docs example private key (case kraken_doc_private_key).</summary>
    public const string KrakenDocPrivateKey = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";

    /// <summary>A synthetic 64-character Binance-shaped secret (not from any document).</summary>
    public const string BinanceLikeSecret = "Q7nV2xK9pL4mR8tW1yB6cF3hJ5dS0gA2eZ7uN4iO9kT1vX6bM3qP8wE5rY2sD7fG";
}
