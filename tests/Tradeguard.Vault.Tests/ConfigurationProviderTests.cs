using Microsoft.Extensions.Configuration;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;
using Tradeguard.TestSupport;
using Tradeguard.Vault.Configuration;

namespace Tradeguard.Vault.Tests;

public sealed class ConfigurationProviderTests
{
    [Fact]
    public void VaultReferences_AreResolved_OtherValuesUntouched_AndLaterSourcesAreNotOverridden()
    {
        using var dir = new TempFolder();
        using var vault = TestVaults.Create(dir.Combine("v.tgv"));
        vault.Set("binance", "api_key", "resolved-key-0123456789");
        vault.Set("telegram", "bot_token", "resolved-token-abcdef");

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Exchange:ApiKey"] = "vault://binance/api_key",
                ["Exchange:Name"] = "binance",
                ["Telegram:Token"] = "vault://telegram/bot_token",
            })
            .AddVaultReferences(vault)
            .Build();

        Assert.Equal("resolved-key-0123456789", configuration["Exchange:ApiKey"]);
        Assert.Equal("resolved-token-abcdef", configuration["Telegram:Token"]);
        Assert.Equal("binance", configuration["Exchange:Name"]);
        Assert.Equal("api [redacted]", Redactor.Shared.Redact("api resolved-key-0123456789"));
    }

    [Fact]
    public void MissingReference_FailsTheLoad_WithExit5NamingTheSetting()
    {
        using var dir = new TempFolder();
        using var vault = TestVaults.Create(dir.Combine("v.tgv"));
        var builder = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Exchange:Secret"] = "vault://binance/api_secret" })
            .AddVaultReferences(vault);
        var e = Assert.Throws<TradeguardException>(() => builder.Build());
        Assert.Equal(ExitCode.Configuration, e.ExitCode);
        Assert.Contains("setting Exchange:Secret refers to vault://binance/api_secret", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedReference_FailsTheLoad_WithExit5()
    {
        using var dir = new TempFolder();
        using var vault = TestVaults.Create(dir.Combine("v.tgv"));
        var builder = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["X"] = "vault://no-field" })
            .AddVaultReferences(vault);
        Assert.Equal(ExitCode.Configuration, Assert.Throws<TradeguardException>(() => builder.Build()).ExitCode);
    }
}
