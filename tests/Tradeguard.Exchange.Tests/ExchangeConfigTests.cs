using Tradeguard.Core.Errors;
using Tradeguard.Exchange.Config;
using Tradeguard.TestSupport;

namespace Tradeguard.Exchange.Tests;

/// <summary>The exchange config is read as the run config is: same JSON rules, same error wording, its own settings.</summary>
public sealed class ExchangeConfigTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheBundledSample_LoadsWithItsComments_AndPointsAtTheBundledRunConfig()
    {
        var sample = _folder.Combine("exchange-sandbox.json");
        File.Copy(RepoPaths.Samples("exchange-sandbox.json"), sample);
        File.SetUnixFileMode(sample, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var config = ExchangeRunConfig.Load(sample);

        Assert.Equal(("paper", "sandbox", "ORCL", "1d", 5000, 0.2, new DateOnly(2000, 1, 1)),
            (config.Mode, config.Exchange, config.Symbol, config.Interval, config.RecvWindowMs, config.PollSeconds, config.StartDate!.Value));
        Assert.Equal(new Uri("http://127.0.0.1:8765/"), config.BaseUrl);
        Assert.Equal(_folder.Combine("sma-cross-orcl.json"), config.RunPath);
    }

    [Fact]
    public void AValueOfTheWrongType_NamesTheLineColumnAndSetting()
    {
        var config = Write("""{ "symbol": "ORCL", "run": "x.json", "pollSeconds": "fast" }""");

        var error = Assert.Throws<TradeguardException>(() => ExchangeRunConfig.Load(config));

        Assert.Equal(ExitCode.Configuration, error.ExitCode);
        Assert.Equal($"{config}: line 1, column 59: wrong type of value at pollSeconds (numbers are bare, dates are \"yyyy-MM-dd\")", error.Message);
    }

    [Fact]
    public void AnUnknownSetting_PointsAtTheExchangeDocs()
    {
        var config = Write("""{ "symbol": "ORCL", "run": "x.json", "apiSecret": "oops" }""");

        var error = Assert.Throws<TradeguardException>(() => ExchangeRunConfig.Load(config));

        Assert.Equal($"{config}: line 1, column 50: unknown setting at apiSecret; see docs/exchange.md for the settings an exchange config takes", error.Message);
        Assert.DoesNotContain("oops", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyConfig_SaysWhatItNeedsAtLeast()
    {
        var config = Write("null");

        var error = Assert.Throws<TradeguardException>(() => ExchangeRunConfig.Load(config));

        Assert.Equal($"{config}: the config is empty; it needs at least symbol and run", error.Message);
    }

    [Theory]
    [InlineData("\"baseUrl\": \"api/v3\"")]
    [InlineData("\"baseUrl\": null")]
    [InlineData("\"baseUrl\": \"ftp://127.0.0.1/\"")]
    [InlineData("\"baseUrl\": \"https://user:CANARYSECRET@exchange.example/\"")]
    public void ABaseUrlThatIsNotAnAbsoluteHttpUrl_IsRefused_WithoutEchoingIt(string setting)
    {
        var config = Write("{ \"symbol\": \"ORCL\", \"run\": \"x.json\", " + setting + " }");

        var error = Assert.Throws<TradeguardException>(() => ExchangeRunConfig.Load(config));

        Assert.Equal((ExitCode.Configuration, $"{config}: \"baseUrl\" must be an absolute http:// or https:// URL without user name or password, e.g. \"http://127.0.0.1:8765/\""),
            (error.ExitCode, error.Message));
    }

    [Theory]
    [InlineData("\"symbol\": \"OR\\u0000CL\", \"run\": \"x.json\"", "\"symbol\" must be 1-32 of A-Z a-z 0-9 _ . - (a trading pair such as \"BTCUSDT\")")]
    [InlineData("\"symbol\": \"ORCL\", \"run\": \"x\\u0000.json\"", "\"run\" has a control character (such as NUL) in it: write the path without it")]
    [InlineData("\"symbol\": \"ORCL\", \"run\": \"x.json\", \"interval\": \"1\\u0000d\"", "\"interval\" must be a candle interval such as \"1m\", \"1h\" or \"1d\"")]
    public void ANulInAField_IsAConfigError(string settings, string problem)
    {
        var config = Write("{ " + settings + " }");

        var error = Assert.Throws<TradeguardException>(() => ExchangeRunConfig.Load(config));

        Assert.Equal((ExitCode.Configuration, $"{config}: {problem}"), (error.ExitCode, error.Message));
    }

    private string Write(string json)
    {
        var path = _folder.Combine("exchange.json");
        File.WriteAllText(path, json);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }
}
