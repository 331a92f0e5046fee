using System.Text.RegularExpressions;

namespace Tradeguard.Scanner.Rules;

/// <summary>
/// The default rule file's regexes compiled at build time by the Regex source generator, so a large scan neither emits
/// IL nor JIT-compiles it at run time (in a ReadyToRun build the matching code is machine code from the start). The
/// rule file stays the source of truth: a twin is used only when its pattern text equals the rule's regex exactly
/// (same options and time limit as <see cref="RuleSet"/> gives every rule), and a test fails when a default rule has
/// none; user rules and edited rules are compiled with <see cref="RegexOptions.Compiled"/> instead.
/// </summary>
internal static partial class BuiltInPatterns
{
    private const int MatchTimeoutMilliseconds = 5000;

    private static readonly Dictionary<string, Regex> ByPattern = new Regex[]
    {
        PrivateKey(),
        TelegramBotToken(),
        BinanceApiCredential(),
        KrakenApiCredential(),
        ExchangeCredentialAssignment(),
        AwsAccessKeyId(),
        AwsSecretAccessKey(),
        GithubToken(),
        SlackWebhook(),
        SlackToken(),
        UrlPassword(),
        PasswordAssignment(),
        GenericApiSecret(),
        WeakPasswordHash(),
        BcryptLowCost(),
        TlsVerificationDisabled(),
        InsecureExchangeEndpoint(),
        SecretPrinted(),
        BalanceSentToChat(),
        InsecureRandomSecret(),
    }.ToDictionary(r => r.ToString(), StringComparer.Ordinal);

    /// <summary>The source-generated twin of <paramref name="pattern"/>, or null when it has none.</summary>
    public static Regex? Find(Regex pattern) =>
        pattern.Options == RegexOptions.CultureInvariant && pattern.MatchTimeout == TimeSpan.FromMilliseconds(MatchTimeoutMilliseconds)
        && ByPattern.TryGetValue(pattern.ToString(), out var twin) ? twin : null;

    /// <summary>Rule <c>private-key</c>.</summary>
    [GeneratedRegex(@"-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----\s*(?<secret>[\s\S]{40,16384}?)-----END[ A-Z0-9]*PRIVATE KEY", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex PrivateKey();

    /// <summary>Rule <c>telegram-bot-token</c>.</summary>
    [GeneratedRegex(@"(?:(?<=bot)|(?<![A-Za-z0-9_]))(?<secret>[0-9]{5,16}:A[A-Za-z0-9_-]{33,34})(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex TelegramBotToken();

    /// <summary>Rule <c>binance-api-credential</c>.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9+/])(?<secret>[A-Za-z0-9]{64})(?![A-Za-z0-9+/=])", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex BinanceApiCredential();

    /// <summary>Rule <c>kraken-api-credential</c>.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9+/])(?<secret>[A-Za-z0-9+/]{78,88}={0,2}|[A-Za-z0-9+/]{54,56}={0,2})(?![A-Za-z0-9+/=])", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex KrakenApiCredential();

    /// <summary>Rules <c>bybit-api-credential</c>, <c>okx-api-credential</c>, <c>kucoin-api-credential</c>, <c>coinbase-api-credential</c>.</summary>
    [GeneratedRegex(@"(?im)(?<![A-Za-z0-9])(?:api[_.-]?key|apikey|key|secret(?:[_.-]?key)?|api[_.-]?secret|private[_.-]?key|passphrase|password)[""']?\s*(?:=|:|=>|:=)\s*(?:[@$]|[rbuf]{1,2})?\\?[""'`]?(?<secret>[^""'`\s\\#;,(){}\[\]]{8,128})(?=\\?[""'`]|[ \t]*(?:[#;][^\n]*)?\r?$|\\n""|[ \t]*[,}\]])", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex ExchangeCredentialAssignment();

    /// <summary>Rule <c>aws-access-key-id</c>.</summary>
    [GeneratedRegex(@"(?<![A-Z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z2-7]{16})(?![A-Z0-9])", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex AwsAccessKeyId();

    /// <summary>Rule <c>aws-secret-access-key</c>.</summary>
    [GeneratedRegex(@"(?i)aws[\w.-]{0,20}?secret[\w.-]{0,20}?[""']?\s*(?:=|:|=>|:=)\s*\\?[""']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex AwsSecretAccessKey();

    /// <summary>Rule <c>github-token</c>.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<secret>(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex GithubToken();

    /// <summary>Rule <c>slack-webhook</c>.</summary>
    [GeneratedRegex(@"https://hooks\.slack\.com/(?:services|workflows|triggers)/(?<secret>T[A-Z0-9]{8,12}/[AB][A-Z0-9]{8,12}/[A-Za-z0-9]{20,32})(?![A-Za-z0-9])", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex SlackWebhook();

    /// <summary>Rule <c>slack-token</c>.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?<secret>xox[abposr]-[0-9]{8,13}-[0-9A-Za-z-]{10,100})(?![A-Za-z0-9-])", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex SlackToken();

    /// <summary>Rule <c>url-password</c>.</summary>
    [GeneratedRegex(@"(?i)(?<=\b[a-z][a-z0-9+.-]{1,20})://[^\s:/@'\""`]{1,64}:(?<secret>[^\s:/@'\""`]{3,128})@[A-Za-z0-9\[]", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex UrlPassword();

    /// <summary>Rule <c>password-assignment</c>.</summary>
    [GeneratedRegex(@"(?im)(?:(?:password|passwd|pwd))[""']?\s*(?:=|:|=>|:=)\s*(?:(?:[@$]|[rbuf]{1,2})?\\?[""'`](?<secret>[^""'`\s\\]{6,256})\\?[""'`]|(?<secret>[^\s""'`\\#;(){}\[\],]{6,256})(?=[ \t]*(?:[#;][^\n]*)?\r?$|\\n""|""[),;]*\r?$))", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex PasswordAssignment();

    /// <summary>Rule <c>generic-api-secret</c>.</summary>
    [GeneratedRegex(@"(?im)(?:(?:api[_.-]?key|apikey|access[_.-]?key|secret[_.-]?key|private[_.-]?key|auth[_.-]?key|signing[_.-]?key|client[_.-]?secret|api[_.-]?secret|secret|token|passphrase))[""']?\s*(?:=|:|=>|:=)\s*(?:(?:[@$]|[rbuf]{1,2})?\\?[""'`](?<secret>[^""'`\s\\]{10,256})\\?[""'`]|(?<secret>[^\s""'`\\#;(){}\[\],]{10,256})(?=[ \t]*(?:[#;][^\n]*)?\r?$|\\n""|""[),;]*\r?$))", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex GenericApiSecret();

    /// <summary>Rule <c>weak-password-hash</c>.</summary>
    [GeneratedRegex(@"(?i)\b(?<secret>hashlib\.(?:md5|sha1|sha256)|hashlib\.new\(\s*[\""'](?:md5|sha1|sha256)[\""']|(?:MD5|SHA1|SHA256)\.(?:Create|HashData)|new\s+(?:MD5|SHA1|SHA256)(?:CryptoServiceProvider|Managed)|md5\(|sha1\()(?:(?=[^\n]*(?:passw|pwd|passphrase))|(?<=(?:passw|pwd|passphrase)[^\n]*))", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex WeakPasswordHash();

    /// <summary>Rule <c>bcrypt-low-cost</c>.</summary>
    [GeneratedRegex(@"(?i)(?:bcrypt[\w.]*\.using\(\s*rounds\s*=\s*|gensalt\(\s*(?:rounds\s*=\s*)?|BCrypt\.(?:Enhanced)?HashPassword\([^\n;]*?,\s*(?:workFactor\s*:\s*)?|GenerateSalt\(\s*(?:workFactor\s*:\s*)?)(?<secret>[4-9]|1[01])(?![0-9.])", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex BcryptLowCost();

    /// <summary>Rule <c>tls-verification-disabled</c>.</summary>
    [GeneratedRegex(@"(?<secret>\bverify\s*=\s*False\b|ServerCertificateCustomValidationCallback\s*=[^;\n]*=>\s*true|DangerousAcceptAnyServerCertificateValidator|ServerCertificateValidationCallback\s*\+?=[^;\n]*=>\s*true|ssl\._create_unverified_context|CERT_NONE|rejectUnauthorized\s*:\s*false|InsecureSkipVerify\s*:\s*true|NODE_TLS_REJECT_UNAUTHORIZED\s*=\s*[\""']?0)", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex TlsVerificationDisabled();

    /// <summary>Rule <c>insecure-exchange-endpoint</c>.</summary>
    [GeneratedRegex(@"(?i)\b(?<secret>(?:http|ws)://(?:[a-z0-9-]+\.)*(?:binance\.(?:com|us|vision)|bybit\.com|okx\.com|okex\.com|kucoin\.com|coinbase\.com|kraken\.com|bitfinex\.com|bitstamp\.net|gemini\.com|huobi\.pro|htx\.com|gate\.io|bitget\.com|mexc\.com|deribit\.com|bitmex\.com|alpaca\.markets|telegram\.org))(?![a-z0-9.-])", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex InsecureExchangeEndpoint();

    /// <summary>Rule <c>secret-printed</c>.</summary>
    [GeneratedRegex(@"(?i)\b(?:print|pprint|console\.log|Console\.Write(?:Line)?|(?:logger|logging|log|_logger|_log)\.(?:debug|info|warning|warn|error|critical|exception|log\w*|information|trace))\s*\((?![^\n]*(?:mask|redact|\[:\d+\]|\[-\d+:\]))(?:[^\n]*?(?:[({,+]\s*|\[\s*[\""']))?(?<secret>(?:api_?key|api_?secret|secret_?key|secret|bot_?token|token|access_?token|password|passwd|passphrase|private_?key))(?![\w])[\""']?\s*(?:[\]})+,!]|:[^\n]*[})])", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex SecretPrinted();

    /// <summary>Rule <c>balance-sent-to-chat</c>.</summary>
    [GeneratedRegex(@"(?i)\b(?:send_message|sendMessage|send_text|SendTextMessage(?:Async)?|SendMessage(?:Async)?|reply_text)\s*\([^\n]*?\b(?<secret>balances?|pnl|p&l|profit|equity|amount|qty|quantity|order_id|orderId|free_usdt|position_size)\b", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex BalanceSentToChat();

    /// <summary>Rule <c>insecure-random-secret</c>.</summary>
    [GeneratedRegex(@"(?i)\b(?<secret>random\.(?:choice|choices|randint|randrange|random|getrandbits|sample)\b|new\s+Random\s*\(|Random\.Shared\b|Math\.random\b)(?:(?=[^\n]*(?:token|passw|secret|otp|nonce|salt|api_?key|session))|(?<=(?:token|passw|secret|otp|nonce|salt|api_?key|session)[^\n]*))", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex InsecureRandomSecret();
}
