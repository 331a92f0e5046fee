using Tradeguard.Cli.Composition;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Secrets;
using Tradeguard.Identity;
using Tradeguard.Identity.Accounts;
using Tradeguard.Identity.Totp;
using Tradeguard.Telegram.Ports;
using Tradeguard.TestSupport;

namespace Tradeguard.Cli.Tests.Composition;

/// <summary>The Telegram bot's operator and TOTP ports answer from the Identity module.</summary>
public sealed class BotIdentityPortsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly IdentityServices _identity;

    public BotIdentityPortsTests()
    {
        var options = new IdentityOptions { DatabasePath = _folder.Combine("identity.db") };
        options = options with { Hashing = options.Hashing with { Argon2MemoryKiB = 256, Argon2Iterations = 1 } };
        _identity = IdentityServices.Open(options, new InMemorySecretStore(), NullAuditLog.Instance, TimeProvider.System);
        using var rootPassword = Secret.FromString("Ledger!Canyon7Harbor");
        var root = _identity.Accounts.Add(null, new NewAccount("root", Role.Admin), rootPassword);
        using var alicePassword = Secret.FromString("Quartz#Meadow4Violet");
        _identity.Accounts.Add(root, new NewAccount("alice", Role.Viewer), alicePassword);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Directory_GivesEachAccountsRole_AndNothingForUnknownOrDisabledNames()
    {
        var directory = new IdentityOperatorDirectory(_identity);

        Assert.Equal(new OperatorInfo("root", OperatorRole.Admin, true), directory.Find("root"));
        Assert.Equal(new OperatorInfo("alice", OperatorRole.Viewer, true), directory.Find("alice"));
        Assert.Null(directory.Find("nobody"));
        Assert.Null(directory.Find("not a name!"));

        _identity.Accounts.Disable(_identity.Accounts.Get("root"), "alice");
        Assert.Equal(new OperatorInfo("alice", OperatorRole.Viewer, false), directory.Find("alice"));
    }

    [Fact]
    public void Totp_AcceptsAFreshCodeOnce_RefusesItsReplay_AndNeverARecoveryCode()
    {
        var enrollment = _identity.TwoFactor.BeginEnrollment("root");
        var seed = OtpNet.Base32Encoding.ToBytes(enrollment.SecretBase32);
        var now = DateTimeOffset.UtcNow;
        var recoveryCodes = _identity.TwoFactor.ConfirmEnrollment("root", TotpCode.Compute(seed, now - TimeSpan.FromSeconds(30)));
        var verifier = new IdentityTotpVerifier(_identity);
        var code = TotpCode.Compute(seed, now);

        Assert.False(verifier.Verify("alice", code));
        Assert.True(verifier.Verify("root", code));
        Assert.False(verifier.Verify("root", code));
        Assert.False(verifier.Verify("root", recoveryCodes[0]));
        Assert.False(verifier.Verify("root", "12345a"));
    }
}
