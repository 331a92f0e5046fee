using Tradeguard.Core.Redaction;

namespace Tradeguard.Core.Tests;

public class RedactorTests
{
    private const string ApiSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    [Fact]
    public void RegisteredValue_IsMaskedWhole()
    {
        var r = new Redactor();
        r.Register(ApiSecret);
        Assert.Equal("secret=[redacted] end", r.Redact($"secret={ApiSecret} end"));
    }

    [Fact]
    public void FragmentOfEightOrMore_IsMasked_SevenIsNot()
    {
        var r = new Redactor();
        r.Register(ApiSecret);
        Assert.Equal("x [redacted] y", r.Redact("x " + ApiSecret.Substring(10, 8) + " y"));
        var seven = ApiSecret.Substring(10, 7);
        Assert.Equal("x " + seven + " y", r.Redact("x " + seven + " y"));
    }

    [Fact]
    public void SecretSplitAcrossLines_BothHalvesMasked()
    {
        var r = new Redactor();
        r.Register(ApiSecret);
        var text = ApiSecret[..30] + "\n" + ApiSecret[30..];
        Assert.Equal("[redacted]\n[redacted]", r.Redact(text));
    }

    [Fact]
    public void TelegramTokenShape_IsMaskedWithoutRegistration()
    {
        var r = new Redactor();
        // Shape only: 10 digits, a colon, 35 url-safe characters (not a real token).
        var token = "1234567890:" + new string('A', 20) + "bcdefghij_klmno";
        Assert.Equal("GET /bot[redacted]/getMe", r.Redact($"GET /bot{token}/getMe"));
    }

    [Fact]
    public void ShortValues_AreNotRegistered()
    {
        var r = new Redactor();
        r.Register("abc");
        Assert.Equal(0, r.Count);
        Assert.Equal("abc", r.Redact("abc"));
    }

    [Fact]
    public void ShortButRegisteredValue_MaskedOnlyWhole()
    {
        var r = new Redactor();
        r.Register("pa55wd");
        Assert.Equal("is [redacted].", r.Redact("is pa55wd."));
    }

    [Fact]
    public void Redacted_EventCountsSpans_AndContainsSecretDoesNotRaiseIt()
    {
        var r = new Redactor();
        r.Register(ApiSecret);
        var raised = new List<int>();
        r.Redacted += raised.Add;
        Assert.True(r.ContainsSecret(ApiSecret));
        Assert.Empty(raised);
        r.Redact($"{ApiSecret} and {ApiSecret}");
        Assert.Equal([2], raised);
    }

    [Fact]
    public void CleanText_IsReturnedUnchanged()
    {
        var r = new Redactor();
        r.Register(ApiSecret);
        const string text = "[paper] Buy order executed · ORCL";
        Assert.Same(text, r.Redact(text));
    }
}
