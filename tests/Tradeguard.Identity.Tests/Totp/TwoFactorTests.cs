using System.Text.Json;
using OtpNet;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Accounts;
using Tradeguard.Identity.Tests.Accounts;
using Tradeguard.Identity.Totp;
using Tradeguard.TestSupport;

namespace Tradeguard.Identity.Tests.Totp;

public sealed class TwoFactorTests
{
    private static (byte[] Seed, IReadOnlyList<string> RecoveryCodes) Enrol(IdentityFixture f, string name = "alice")
    {
        var enrollment = f.Services.TwoFactor.BeginEnrollment(name);
        var seed = Base32Encoding.ToBytes(enrollment.SecretBase32);
        var codes = f.Services.TwoFactor.ConfirmEnrollment(name, TotpCode.Compute(seed, f.Clock.GetUtcNow()));
        // The confirmation code's step is spent; move to the next step for the tests' own codes.
        f.Clock.Advance(TimeSpan.FromSeconds(30));
        return (seed, codes);
    }

    [Fact]
    public void Enrollment_ShowsAnOtpauthUriThatPyotpParses_AndAQrCode()
    {
        using var f = new IdentityFixture();
        f.AddTrader();
        var enrollment = f.Services.TwoFactor.BeginEnrollment("alice");
        Assert.Equal(32, enrollment.SecretBase32.Length);
        Assert.StartsWith("otpauth://totp/Tradeguard:alice?secret=" + enrollment.SecretBase32, enrollment.OtpauthUri);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], enrollment.QrPng[..4]);
        Assert.Contains('█', enrollment.QrTerminal);
        Assert.DoesNotContain(enrollment.SecretBase32, enrollment.ToString());

        var at = f.Clock.GetUtcNow().ToUnixTimeSeconds();
        var parsed = Python.Run("""
            import sys, json, pyotp
            t = pyotp.parse_uri(sys.argv[1])
            print(json.dumps([t.secret, t.issuer, t.name, t.digits, t.interval, t.digest().name, t.at(int(sys.argv[2]))]))
            """, null, enrollment.OtpauthUri, at.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var fields = JsonSerializer.Deserialize<JsonElement[]>(parsed)!;
        Assert.Equal(enrollment.SecretBase32, fields[0].GetString());
        Assert.Equal("Tradeguard", fields[1].GetString());
        Assert.Equal("alice", fields[2].GetString());
        Assert.Equal(6, fields[3].GetInt32());
        Assert.Equal(30, fields[4].GetInt32());
        Assert.Equal("sha1", fields[5].GetString());
        Assert.Equal(TotpCode.Compute(Base32Encoding.ToBytes(enrollment.SecretBase32), f.Clock.GetUtcNow()), fields[6].GetString());
    }

    [Fact]
    public void SameValidCodeTwiceWithinItsStep_IsRejectedTheSecondTime()
    {
        using var f = new IdentityFixture();
        f.AddTrader();
        var (seed, _) = Enrol(f);
        var code = TotpCode.Compute(seed, f.Clock.GetUtcNow());
        Assert.Equal(TotpCheck.Accepted, f.Services.TwoFactor.Verify("alice", code));
        f.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TotpCheck.Replayed, f.Services.TwoFactor.Verify("alice", code));
    }

    [Fact]
    public void LoginInTheSameStepAsConfirm_SaysWaitForTheNextCode_AndDoesNotCountTowardsLockout()
    {
        using var f = new IdentityFixture();
        f.AddTrader();
        var seed = Base32Encoding.ToBytes(f.Services.TwoFactor.BeginEnrollment("alice").SecretBase32);
        f.Services.TwoFactor.ConfirmEnrollment("alice", TotpCode.Compute(seed, f.Clock.GetUtcNow()));

        // 12:00:10 plus up to 6 s: still the confirmation's 30-second step.
        for (var i = 0; i < 6; i++)
        {
            f.Clock.Advance(TimeSpan.FromSeconds(1));
            var again = f.Login("alice", IdentityFixture.TraderPassword, TotpCode.Compute(seed, f.Clock.GetUtcNow()));
            Assert.Equal(LoginOutcome.CodeAlreadyUsed, again.Outcome);
            Assert.Equal("that code was already used; wait for the next code (a new one every 30 seconds) and enter it", again.Message);
        }

        f.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(LoginOutcome.Success, f.Login("alice", IdentityFixture.TraderPassword, TotpCode.Compute(seed, f.Clock.GetUtcNow())).Outcome);
        Assert.Contains(f.Audit.Events, e => e.Action == "identity.login" && e.Reason == "replayed TOTP code");
        Assert.DoesNotContain(f.Audit.Events, e => e.Action == "identity.lockout");
    }

    [Fact]
    public void WindowOfOne_AcceptsThePreviousStep_ButNotTwoStepsBack()
    {
        using var f = new IdentityFixture();
        f.AddTrader();
        var (seed, _) = Enrol(f);
        f.Clock.Advance(TimeSpan.FromMinutes(5));
        var now = f.Clock.GetUtcNow();
        Assert.Equal(TotpCheck.Rejected, f.Services.TwoFactor.Verify("alice", TotpCode.Compute(seed, now.AddSeconds(-60))));
        Assert.Equal(TotpCheck.Accepted, f.Services.TwoFactor.Verify("alice", TotpCode.Compute(seed, now.AddSeconds(-30))));
        // A step older than one already used is a replay too, even though it is inside the window.
        f.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(TotpCheck.Accepted, f.Services.TwoFactor.Verify("alice", TotpCode.Compute(seed, f.Clock.GetUtcNow().AddSeconds(30))));
        Assert.Equal(TotpCheck.Replayed, f.Services.TwoFactor.Verify("alice", TotpCode.Compute(seed, f.Clock.GetUtcNow())));
    }

    [Fact]
    public void CorrectPasswordWithWrongCode_TenTimes_EndsLocked()
    {
        using var f = new IdentityFixture();
        f.AddTrader();
        var (seed, _) = Enrol(f);
        var outcomes = new List<LoginOutcome>();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(LoginOutcome.SecondFactorRequired, i < 5 ? f.Login("alice", IdentityFixture.TraderPassword).Outcome : LoginOutcome.SecondFactorRequired);
            outcomes.Add(f.Login("alice", IdentityFixture.TraderPassword, "000000").Outcome);
        }

        Assert.Equal([.. Enumerable.Repeat(LoginOutcome.InvalidCredentials, 4), .. Enumerable.Repeat(LoginOutcome.Locked, 6)], outcomes);
        // Even the right code does not get in while locked.
        Assert.Equal(LoginOutcome.Locked, f.Login("alice", IdentityFixture.TraderPassword, TotpCode.Compute(seed, f.Clock.GetUtcNow())).Outcome);
    }

    [Fact]
    public void ThirdWrongCodeWithALimitOfThree_ReportsLockedAtOnce()
    {
        using var f = new IdentityFixture(new LockoutOptions { MaxFailures = 3 });
        f.AddTrader();
        Enrol(f);
        Assert.Equal(TotpCheck.Rejected, f.Services.TwoFactor.Verify("alice", "111111"));
        Assert.Equal(TotpCheck.Rejected, f.Services.TwoFactor.Verify("alice", "222222"));
        Assert.Equal(TotpCheck.Locked, f.Services.TwoFactor.Verify("alice", "333333"));
    }

    [Fact]
    public void LoginWithTwoFactor_NeedsTheCode_AndRecoveryCodesAreSingleUse()
    {
        using var f = new IdentityFixture();
        f.AddTrader();
        var (seed, recovery) = Enrol(f);
        Assert.Equal(10, recovery.Count);
        Assert.All(recovery, c => Assert.Matches("^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$", c));
        Assert.Equal(LoginOutcome.SecondFactorRequired, f.Login("alice", IdentityFixture.TraderPassword).Outcome);
        Assert.Equal(LoginOutcome.Success, f.Login("alice", IdentityFixture.TraderPassword, TotpCode.Compute(seed, f.Clock.GetUtcNow())).Outcome);
        Assert.Equal(LoginOutcome.Success, f.Login("alice", IdentityFixture.TraderPassword, recovery[3].ToUpperInvariant()).Outcome);
        Assert.Equal(LoginOutcome.InvalidCredentials, f.Login("alice", IdentityFixture.TraderPassword, recovery[3]).Outcome);
        Assert.Equal(9, f.Services.TwoFactor.RecoveryCodesLeft("alice"));
        Assert.Equal(["success", "denied"], f.Audit.Events.Where(e => e.Action == "identity.recovery_code.use").Select(e => e.Outcome.ToString().ToLowerInvariant()));
    }

    [Fact]
    public void SeedsAtRest_AreEncryptedWithTheVaultKey_AndBoundToTheirAccount()
    {
        using var f = new IdentityFixture();
        f.AddTrader();
        f.AddTrader("bob");
        var (seed, _) = Enrol(f);
        Enrol(f, "bob");
        Assert.NotNull(f.Vault.TryGet(new SecretReference("tradeguard", "totp_key")));
        var blob = f.Services.Database.Scalar<byte[]>("SELECT totp_seed FROM accounts WHERE name = 'alice'")!;
        Assert.Equal(1 + 12 + 20 + 16, blob.Length);
        Assert.Equal(-1, blob.AsSpan().IndexOf(seed));

        // Alice's sealed seed copied onto Bob's row does not decrypt: the blob is bound to its account.
        f.Services.Database.Execute("UPDATE accounts SET totp_seed = $s WHERE name = 'bob'", ("$s", blob));
        var e = Assert.Throws<TradeguardException>(() => f.Services.TwoFactor.Verify("bob", "123456"));
        Assert.Equal(ExitCode.IntegrityFailure, e.ExitCode);
    }

    [Fact]
    public void Disable_NeedsACurrentCode_AndIsAudited()
    {
        using var f = new IdentityFixture();
        f.AddTrader();
        var (seed, _) = Enrol(f);
        var wrong = Assert.Throws<TradeguardException>(() => f.Services.TwoFactor.Disable("alice", "000000"));
        Assert.Equal(ExitCode.AuthenticationFailed, wrong.ExitCode);
        Assert.True(f.Services.Accounts.Get("alice").TwoFactorEnabled);
        f.Services.TwoFactor.Disable("alice", TotpCode.Compute(seed, f.Clock.GetUtcNow()));
        Assert.False(f.Services.Accounts.Get("alice").TwoFactorEnabled);
        Assert.Equal(0, f.Services.TwoFactor.RecoveryCodesLeft("alice"));
        Assert.Equal(LoginOutcome.Success, f.Login("alice", IdentityFixture.TraderPassword).Outcome);
        Assert.Equal(["identity.2fa.enroll", "identity.2fa.enable", "identity.2fa.disable", "identity.2fa.disable"],
            f.Audit.Events.Where(e => e.Action.StartsWith("identity.2fa", StringComparison.Ordinal)).Select(e => e.Action));
    }

    [Fact]
    public void WrongConfirmationCode_LeavesTwoFactorOff()
    {
        using var f = new IdentityFixture();
        f.AddTrader();
        f.Services.TwoFactor.BeginEnrollment("alice");
        var e = Assert.Throws<TradeguardException>(() => f.Services.TwoFactor.ConfirmEnrollment("alice", "12345"));
        Assert.Equal(ExitCode.AuthenticationFailed, e.ExitCode);
        Assert.False(f.Services.Accounts.Get("alice").TwoFactorEnabled);
        Assert.Equal(TotpCheck.NotEnrolled, f.Services.TwoFactor.Verify("alice", "123456"));
    }
}
