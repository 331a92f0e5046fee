using System.Text;
using Tradeguard.Alerts.Age;
using Tradeguard.Core.Errors;
using Tradeguard.TestSupport;

namespace Tradeguard.Alerts.Tests;

/// <summary>The age v1 format against Debian's <c>age</c> 1.1 (the reference Go implementation) in both directions.</summary>
public sealed class AgeTests
{
    [Fact]
    public void FileWeSeal_OpensWithAgeCli()
    {
        using var folder = new TempFolder();
        var keygen = ChildProcess.Run("age-keygen", ["-o", folder.Combine("key.txt")]);
        Assert.Equal(0, keygen.ExitCode);
        var publicKey = File.ReadAllLines(folder.Combine("key.txt")).Single(l => l.StartsWith("# public key: ", StringComparison.Ordinal))["# public key: ".Length..];

        // 150 000 bytes: three payload chunks, the last one partial.
        var plaintext = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 12_000).Select(i => $"fill {i,8}\n")))[..150_000];
        File.WriteAllBytes(folder.Combine("details.age"), AgeFile.Encrypt(plaintext, [AgeRecipient.Parse(publicKey)]));

        var result = ChildProcess.Run("age", ["-d", "-i", folder.Combine("key.txt"), "-o", folder.Combine("out.bin"), folder.Combine("details.age")]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(plaintext, File.ReadAllBytes(folder.Combine("out.bin")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65536)]
    [InlineData(65537)]
    public void FileAgeCliSeals_OpensWithOurIdentity(int length)
    {
        using var folder = new TempFolder();
        Assert.Equal(0, ChildProcess.Run("age-keygen", ["-o", folder.Combine("key.txt")]).ExitCode);
        using var identity = AgeIdentity.Parse(File.ReadAllText(folder.Combine("key.txt")));
        var plaintext = new byte[length];
        new Random(length).NextBytes(plaintext);
        File.WriteAllBytes(folder.Combine("in.bin"), plaintext);

        var sealedByAge = ChildProcess.Run("age", ["-r", identity.Recipient.ToString(), "-o", folder.Combine("in.age"), folder.Combine("in.bin")]);
        Assert.Equal(0, sealedByAge.ExitCode);
        Assert.Equal(plaintext, AgeFile.Decrypt(File.ReadAllBytes(folder.Combine("in.age")), identity));
    }

    [Fact]
    public void IdentityWeGenerate_IsAcceptedByAgeCli_AndRecipientMatchesAgeKeygen()
    {
        using var folder = new TempFolder();
        using var identity = AgeIdentity.Generate();
        using var exported = identity.Export();
        File.WriteAllText(folder.Combine("key.txt"), exported.Reveal() + "\n");

        var converted = ChildProcess.Run("age-keygen", ["-y", folder.Combine("key.txt")]);
        Assert.Equal(0, converted.ExitCode);
        Assert.Equal(identity.Recipient.ToString(), converted.Stdout.Trim());
    }

    [Fact]
    public void TamperedPayload_IsIntegrityFailure_AndForeignIdentity_IsAuthenticationFailure()
    {
        using var mine = AgeIdentity.Generate();
        using var other = AgeIdentity.Generate();
        var file = AgeFile.Encrypt("price: 101.25\n"u8, [mine.Recipient]);

        var tampered = (byte[])file.Clone();
        tampered[^3] ^= 1;
        Assert.Equal(ExitCode.IntegrityFailure, Assert.Throws<TradeguardException>(() => AgeFile.Decrypt(tampered, mine)).ExitCode);
        Assert.Equal(ExitCode.AuthenticationFailed, Assert.Throws<TradeguardException>(() => AgeFile.Decrypt(file, other)).ExitCode);
        Assert.Equal("price: 101.25\n"u8.ToArray(), AgeFile.Decrypt(file, mine));
    }

    [Fact]
    public void Recipient_RoundTripsAndRejectsBadChecksum()
    {
        // Recipient from the age README (github.com/FiloSottile/age, "Usage").
        const string fromReadme = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";
        Assert.Equal(fromReadme, AgeRecipient.Parse(fromReadme).ToString());
        Assert.False(AgeRecipient.TryParse(fromReadme[..^1] + "q", out _));
        Assert.False(AgeRecipient.TryParse("AGE-SECRET-KEY-1QQQ", out _));
    }
}
