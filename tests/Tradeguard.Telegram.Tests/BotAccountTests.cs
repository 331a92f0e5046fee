using Microsoft.Extensions.Time.Testing;
using Tradeguard.Core.Errors;
using Tradeguard.Telegram.Bot;
using Tradeguard.TestSupport;

namespace Tradeguard.Telegram.Tests;

/// <summary>getMe at start-up, against the fake Bot API over real HTTP: a revoked token or a Telegram outage is exit 6 with the fix.</summary>
public sealed class BotAccountTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _home.Dispose();
    }

    [Theory]
    [InlineData(401, """{"ok":false,"error_code":401,"description":"Unauthorized"}""",
        "Telegram refused the bot token (401): it was revoked or mistyped. Get the current token from @BotFather (/mybots, API Token) and store it with 'tradeguard vault set telegram bot_token'.")]
    [InlineData(500, """{"ok":false,"error_code":500,"description":"Internal Server Error"}""",
        "Telegram answered getMe with an error (500); try again in a few minutes, and check telegram.api_base_url in the alert settings if it persists.")]
    public async Task GetMeRefused_IsAnExternalServiceError_WithTheFix(int status, string body, string message)
    {
        await using var api = await FakeBotApi.StartAsync(new FakeTimeProvider());
        api.FailNext("getme", status, body);
        var client = TelegramClientFactory.Create(BotHarness.Token, api.BaseUrl);

        var error = await Assert.ThrowsAsync<TradeguardException>(() => BotAccount.FetchAsync(client));

        Assert.Equal((ExitCode.ExternalService, message), (error.ExitCode, error.Message));
        Assert.DoesNotContain(BotHarness.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TelegramServe_WithARevokedToken_ExitsWith6AndTheFix()
    {
        await using var api = await FakeBotApi.StartAsync(new FakeTimeProvider());
        api.FailNext("getme", 401, """{"ok":false,"error_code":401,"description":"Unauthorized"}""");
        var env = new Dictionary<string, string?> { ["TRADEGUARD_HOME"] = _home.Path, ["TRADEGUARD_VAULT_PASSWORD"] = "correct horse battery staple" };
        Assert.Equal(0, TradeguardCli.Run(["vault", "init", "--kdf", "m=256,t=1,p=1"], null, env).ExitCode);
        Assert.Equal(0, TradeguardCli.Run(["vault", "set", "telegram", "bot_token"], BotHarness.Token, env).ExitCode);
        File.WriteAllText(_home.Combine("alerts.json"), $$"""{ "telegram": { "api_base_url": "{{api.BaseUrl}}" } }""");
        File.SetUnixFileMode(_home.Combine("alerts.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var serve = TradeguardCli.Run(["telegram", "serve"], null, env, timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(6, serve.ExitCode);
        Assert.Contains("Telegram refused the bot token (401)", serve.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(BotHarness.Token, serve.Stderr + serve.Stdout, StringComparison.Ordinal);
    }
}
