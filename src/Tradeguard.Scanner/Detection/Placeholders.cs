using System.Text.RegularExpressions;

namespace Tradeguard.Scanner.Detection;

/// <summary>
/// Values that stand for a secret without being one: <c>your_actual_api_key</c>, <c>YOUR_BOT_TOKEN</c>, <c>&lt;...&gt;</c>,
/// <c>xxx…</c>, <c>changeme</c>, <c>${VAR}</c>, environment lookups, <c>vault://</c> references and bare vault paths
/// (<c>binance/api_secret</c> in <c>--map KEY=item/field</c>), template interpolations (<c>{rand(64)}</c> in an
/// f-string), code that reads a value (<c>result.Session!.Value</c>), snake_case names, upper-case header names and
/// dotted scope names (<c>'binance_api_key'</c>, <c>"X-GEMINI-APIKEY"</c>, an editor grammar's <c>token: `keyword.tag-if`</c>),
/// camelCase names and fixtures (<c>'systemTime'</c>, <c>exampleApiKey123</c>), paths to key files
/// (<c>/path/key.json</c>), prose (full-width punctuation), one short run repeated
/// (<c>0x0123456789abcdef0123456789abcdef…</c>) and the first runs of the alphabet and the digits (<c>123ABC</c>): no
/// key generator repeats itself or counts. Applied to every secret rule before its
/// own allowlist.
/// </summary>
internal static partial class Placeholders
{
    public static bool IsPlaceholder(string value) => Shape().IsMatch(value);

    [GeneratedRegex("""
        ^\$\{?[A-Za-z_]            # $VAR, ${VAR}
        | ^%\( | ^\{\{ | ^<         # %(name)s, {{ template }}, <your key>
        | vault://                  # Tradeguard vault reference, also inside a mapping: API_SECRET=vault://bench/api_secret
        | (?-i:^[a-z][a-z0-9_-]*/[a-z][a-z0-9_-]*(?:$|</))   # a vault path item/field (lower-case words; keys are mixed-case or hex), maybe in <c>…</c>
        | \{[A-Za-z_][\w.]*(?:\([^)]*\))?(?:![rsa])?(?::[^}]*)?\}   # f-string / template interpolation: {name}, {rand(64)}
        | ^(?=[\w.!?]*[!?]\.)[A-Za-z_]\w*(?:[!?]?\.[A-Za-z_]\w*)+!?$   # a member chain with ?. or !. is code, never a literal
        | ^(?:~|\.{1,2})/ | ^/(?:etc|var|run|home|usr|opt|tmp|srv|data|mnt|Users)/   # a path to a key file
        | ^/[\w.-]+/[\w./-]*\.(?:json|pem|key|p12|pfx|jks|ppk|crt|asc|gpg)$   # an absolute path to one: GOOGLE_APPLICATION_CREDENTIALS='/path/key.json'
        | [，。；：！？、]            # full-width sentence punctuation: prose explaining a setting (vnpy's docs: "password: 数据服务的密码。")
        | x{6,} | \*{3,} | \.{3} | … | \#{3,}
        | x{3,}.*x{3,}              # a masked print: 2fFZuXXX_CXB5XXXDGMRXXXDiCKTer
        | ^x{3,}
        | your[_\-.]? | change[_\-]?me | placeholder | dummy
        | (?<![a-z])(?:fake|mock|sample|example|test)(?![a-z])   # fixtures: test-key, fake_secret, sample_api_key
        | (?-i:(?<![A-Za-z])(?:fake|mock|sample|example|test|dummy)(?=[A-Z])|(?<=[a-z])(?:Fake|Mock|Sample|Example|Test|Dummy)(?![a-z]))   # camelCase: exampleApiKey123, myTestKey
        | (?-i:^[a-z]+(?:_[a-z]+)+$)   # a snake_case name: 'binance_api_key', "order_book_snapshot"
        | (?-i:^[a-z]+(?:[A-Z][a-z]+)+$)   # a camelCase name: key = 'systemTime' (cryptofeed's Bitget feed picks a field by it)
        | (?-i:^[A-Z]+(?:-[A-Z]+)+$)   # an upper-case header name: "X-GEMINI-APIKEY"
        | (?-i:^@?[a-z]+(?:-(?:[a-z]+|\$\w+))*(?:\.(?:[a-z]+|\$\w+)(?:-(?:[a-z]+|\$\w+))*)+$)   # a dotted scope name: `keyword.tag-$1`, `string.$S2.delim`, `@brackets.directive`
        | ^(?:0x)?(?<run>.{1,16}?)\k<run>+$   # one short run repeated: 0x0123456789abcdef0123456789abcdef…
        | ^(?:123(?:4(?:5(?:6(?:7(?:8(?:90?)?)?)?)?)?)?|abc(?:d(?:e(?:f(?:gh?)?)?)?)?)+$   # the alphabet's and digits' first runs: "binance-api-secret": "123ABC" in Lean's XML docs
        | os\.environ | getenv | GetEnvironmentVariable | process\.env | ENV\[
        | ^(?:none|null|nil|undefined|true|false|todo|tbd|redacted|secret|password|token|api_?key|string|test|fake|foo|bar|empty|required)$
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
