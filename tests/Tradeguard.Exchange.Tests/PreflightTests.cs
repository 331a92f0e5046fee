using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Preflight;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Events;

namespace Tradeguard.Exchange.Tests;

public sealed class PreflightTests
{
    [Fact]
    public async Task WithdrawalEnabledKey_IsRefusedWithExit5()
    {
        await using var sandbox = await SandboxHarness.StartAsync(withdrawals: true);
        var audit = new RecordingAuditLog();

        var error = await Assert.ThrowsAsync<TradeguardException>(() => ExchangePreflight.CheckRemoteAsync(sandbox.Client,
            sandbox.Credentials.MaskedKey, new PreflightOptions { Exchange = "sandbox" }, sandbox.Log, audit));

        Assert.Equal(ExitCode.Configuration, error.ExitCode);
        Assert.StartsWith($"refusing API key {sandbox.Credentials.MaskedKey} of sandbox: it has withdrawals enabled", error.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-withdrawal-keys", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Key.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.Equal(AuditOutcome.Denied, Assert.Single(audit.Events).Outcome);
        sandbox.AssertLogsHoldNoSecret();
    }

    [Fact]
    public async Task WithdrawalEnabledKey_AllowedExplicitly_IsWarnedAboutAndAudited()
    {
        await using var sandbox = await SandboxHarness.StartAsync(withdrawals: true);
        var audit = new RecordingAuditLog();

        var report = await ExchangePreflight.CheckRemoteAsync(sandbox.Client, sandbox.Credentials.MaskedKey,
            new PreflightOptions { Exchange = "sandbox", AllowWithdrawalKeys = true }, sandbox.Log, audit);

        Assert.True(report.Restrictions.EnableWithdrawals);
        Assert.Equal($"API key {sandbox.Credentials.MaskedKey} of sandbox has withdrawals enabled; allowed by --allow-withdrawal-keys", Assert.Single(report.Warnings));
        Assert.Equal(["exchange.withdrawal_key_allowed", "exchange.preflight"], audit.Events.Select(e => e.Action));
        Assert.Contains(sandbox.Log.Lines, l => l.StartsWith("Critical:", StringComparison.Ordinal) && l.Contains("withdrawals enabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeyWithoutIpRestriction_PassesWithAWarning()
    {
        await using var sandbox = await SandboxHarness.StartAsync(ipRestricted: false);

        var report = await ExchangePreflight.CheckRemoteAsync(sandbox.Client, sandbox.Credentials.MaskedKey, new PreflightOptions { Exchange = "sandbox" });

        Assert.Contains("is not restricted to trusted IP addresses", Assert.Single(report.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClockSkewOfASecondOrMore_IsRefusedWithTheFix()
    {
        await using var sandbox = await SandboxHarness.StartAsync(serverTime: new ShiftedTime(TimeSpan.FromSeconds(3)));

        var error = await Assert.ThrowsAsync<TradeguardException>(() =>
            ExchangePreflight.CheckRemoteAsync(sandbox.Client, sandbox.Credentials.MaskedKey, new PreflightOptions { Exchange = "sandbox" }));

        Assert.Equal(ExitCode.Configuration, error.ExitCode);
        Assert.Contains("ms off the exchange's (limit 1000 ms)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("sudo timedatectl set-ntp true (or: sudo chronyc makestep)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingApiSecret_IsNamedBeforeAnyConnection()
    {
        using var server = new ScriptedServer(new ScriptedResponse(200, "{}"));
        var store = new InMemorySecretStore();
        using (var key = Secret.FromString("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"))
        {
            store.Set(SecretReference.Parse("vault://binance/api_key"), key);
        }

        var error = Assert.Throws<TradeguardException>(() => ExchangePreflight.CheckLocal(store, new PreflightOptions { Exchange = "binance" }));

        Assert.Equal(ExitCode.Configuration, error.ExitCode);
        Assert.Equal("the vault has no vault://binance/api_secret, which binance needs to sign requests. Add it with: tradeguard vault set binance api_secret", error.Message);
        await Task.Delay(50);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void BothFieldsMissing_AreBothNamed()
    {
        var error = Assert.Throws<TradeguardException>(() => ExchangePreflight.CheckLocal(new InMemorySecretStore(), new PreflightOptions { Exchange = "binance" }));
        Assert.StartsWith("the vault has no vault://binance/api_key and no vault://binance/api_secret,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigReadableByOthers_IsRefusedWithTheChmod()
    {
        using var folder = new TempFolder();
        var config = folder.Combine("exchange.json");
        File.WriteAllText(config, "{}");
        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var error = Assert.Throws<TradeguardException>(() => ExchangePreflight.CheckLocal(new InMemorySecretStore(),
            new PreflightOptions { Exchange = "binance", PrivateFiles = [new PrivatePath(config, "config")] }));

        Assert.Equal(ExitCode.Configuration, error.ExitCode);
        Assert.EndsWith($"Fix it with: chmod 600 {config}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "live", true, TradingMode.Live)]
    [InlineData(false, "paper", true, TradingMode.Paper)]
    [InlineData(false, null, true, TradingMode.Paper)]
    [InlineData(true, "live", false, TradingMode.Live)]
    public void ModeGate_LiveNeedsTheFlagAndTheConfig(bool flag, string? config, bool sandbox, TradingMode expected)
    {
        Assert.Equal(expected, ModeGate.Resolve(flag, config, sandbox).Mode);
    }

    [Fact]
    public void ModeGate_ConfigLiveWithoutTheFlag_RunsPaperWithAWarning()
    {
        var (mode, warning) = ModeGate.Resolve(false, "live", true);
        Assert.Equal(TradingMode.Paper, mode);
        Assert.Equal("the config says mode: live but --live was not given; running in paper mode", warning);
    }

    [Theory]
    [InlineData(true, "paper", true, "--live was given but the config says mode: paper")]
    [InlineData(false, "paper", false, "the endpoint is a real exchange")]
    [InlineData(false, "yolo", true, "mode must be \"paper\" or \"live\"")]
    public void ModeGate_RefusesContradictions(bool flag, string config, bool sandbox, string start)
    {
        var error = Assert.Throws<TradeguardException>(() => ModeGate.Resolve(flag, config, sandbox));
        Assert.Equal(ExitCode.Configuration, error.ExitCode);
        Assert.StartsWith(start, error.Message, StringComparison.Ordinal);
    }
}
