using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Policy;
using Tradeguard.Identity.Tests.Hashing;
using Tradeguard.TestSupport;

namespace Tradeguard.Identity.Tests.Policy;

public sealed class PasswordPolicyTests
{
    private static readonly PasswordPolicy Classic = new(PasswordPolicyOptions.Classic, Cheap.Hasher());
    private static readonly PasswordPolicy Nist = new(PasswordPolicyOptions.Nist, Cheap.Hasher());

    private static PolicyReport Check(PasswordPolicy policy, string password, PasswordContext? context = null)
    {
        using var secret = Secret.FromString(password);
        return policy.Check(secret, context ?? PasswordContext.Empty);
    }

    private static string[] Failed(PolicyReport report) => report.Failures.Select(f => f.Rule).ToArray();

    [Fact]
    public void SeedArticleSample_FailsClassicPolicy_WithEachReason()
    {
        var report = Check(Classic, "P@$$wOrd");
        Assert.False(report.Passed);
        Assert.Equal(["length", "digit", "common", "strength"], Failed(report));
        Assert.Equal("At least 12 characters: it has 8.", report.Rules.Single(r => r.Rule == "length").Message);
        Assert.Equal("Contains a digit: it has none.", report.Rules.Single(r => r.Rule == "digit").Message);
        Assert.Contains("10,000 most common passwords", report.Rules.Single(r => r.Rule == "common").Message);
        Assert.DoesNotContain(report.Rules, r => r.Message.Contains("P@$$wOrd", StringComparison.Ordinal));
    }

    [Fact]
    public void StrongRandomPassword_PassesClassicPolicy()
    {
        var report = Check(Classic, "q7#Vt9!mZr2$Lx");
        Assert.True(report.Passed, string.Join("; ", report.Failures));
        Assert.True(report.Score >= 3);
    }

    [Fact]
    public void ExchangeNameWithYear_IsRefusedInBothModes()
    {
        // zxcvbn scores binance2024 a 3 (vectors/zxcvbn.json note): the blocklist must catch it.
        Assert.Contains("common", Failed(Check(Nist, "binance2024")));
        Assert.Contains("common", Failed(Check(Classic, "Binance2024!xyz")));
        Assert.Contains("common", Failed(Check(Nist, "my-kraken-account-key")));
    }

    [Fact]
    public void NistMode_DropsCompositionRules_AndWantsFifteenOrEightWithTwoFactor()
    {
        Assert.Equal(["length"], Failed(Check(Nist, "quietly purple")));
        Assert.True(Check(Nist, "quietly purple otter").Passed);
        Assert.True(Check(Nist, "purple otter", new PasswordContext { HasSecondFactor = true }).Passed);
        Assert.Equal(["length"], Failed(Check(Nist, "zqxvt", new PasswordContext { HasSecondFactor = true })));
        Assert.DoesNotContain(Check(Nist, "quietly purple otter").Rules, r => r.Rule is "uppercase" or "digit" or "symbol");
    }

    [Fact]
    public void NistMode_AcceptsSixtyFourCharacters_AndRefusesOverTheMaximum()
    {
        var sixtyFour = string.Concat(Enumerable.Repeat("velvet ox ", 7)) + "zebra!";
        Assert.Equal(76, sixtyFour.Length);
        Assert.True(Check(Nist, sixtyFour[..64]).Passed);
        Assert.Equal(["max-length"], Failed(Check(Nist, new string('k', 100) + string.Concat(Enumerable.Repeat("xq7 ", 40)))));
    }

    [Fact]
    public void PersonalDetails_InAnyCaseOrLeetDisguise_AreRefused()
    {
        var context = new PasswordContext
        {
            Username = "amartin",
            FullName = "Alice Martin",
            Email = "alice.martin@example.org",
            OtherDetails = ["Rocky"],
        };
        Assert.Equal(["personal"], Failed(Check(Classic, "Wq7!xz-AMARTIN-9k", context)));
        Assert.Equal(["personal"], Failed(Check(Classic, "Wq7!xz-M4rt1n-9kv", context)));
        Assert.Equal(["personal"], Failed(Check(Classic, "Wq7!xz-r0cky-9kvb", context)));
        Assert.True(Check(Classic, "Wq7!xz-Vt9Lm2-9kv", context).Passed);
    }

    [Fact]
    public void OneOfTheLastPasswords_IsRefusedAsReuse()
    {
        using var old = Secret.FromString("Wq7!xz-Vt9Lm2-9kv");
        var history = new PasswordContext { PreviousHashes = [Cheap.Hasher().Hash(old)] };
        Assert.Equal(["history"], Failed(Check(Classic, "Wq7!xz-Vt9Lm2-9kv", history)));
        Assert.True(Check(Classic, "Wq7!xz-Vt9Lm2-9kw", history).Passed);
    }

    [Fact]
    public void PasswordStoredInTheVaultForAnotherService_IsRefused()
    {
        var vault = new InMemorySecretStore();
        using (var value = Secret.FromString("Wq7!xz-Vt9Lm2-9kv"))
        {
            vault.Set(new SecretReference("binance", "api_secret"), value);
        }

        var context = new PasswordContext { Vault = vault };
        var report = Check(Classic, "Wq7!xz-Vt9Lm2-9kv", context);
        Assert.Equal(["unique"], Failed(report));
        Assert.Equal("Not used for another service: the same value is stored in the vault for another account.",
            report.Failures.Single().Message);
        Assert.True(Check(Classic, "Wq7!xz-Vt9Lm2-9kV", context).Passed);
    }

    [Fact]
    public void GeneratedPasswordsAndPassphrases_PassTheClassicPolicy()
    {
        for (var i = 0; i < 5; i++)
        {
            using var chars = PasswordGenerator.Characters(16);
            Assert.Equal(16, chars.Length);
            Assert.True(Classic.Check(chars, PasswordContext.Empty).Passed);
            using var phrase = PasswordGenerator.Passphrase(4);
            Assert.Equal(5, phrase.Reveal().Split('-').Length);
            var report = Classic.Check(phrase, PasswordContext.Empty);
            Assert.True(report.Passed, string.Join("; ", report.Failures));
        }

        Assert.Equal(80.87, PasswordGenerator.PassphraseBits(6), 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordGenerator.Characters(11));
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordGenerator.Passphrase(3));
    }

    [Fact]
    public void PolicyMode_IsChosenByName()
    {
        Assert.Equal(PasswordPolicyMode.Nist, PasswordPolicyOptions.ForMode("NIST").Mode);
        Assert.Equal(PasswordPolicyMode.Classic, PasswordPolicyOptions.ForMode("classic").Mode);
        Assert.Throws<ArgumentException>(() => PasswordPolicyOptions.ForMode("lax"));
    }
}
