using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Accounts;
using Tradeguard.Identity.Hashing;

namespace Tradeguard.Identity.Tests.Accounts;

public sealed class LoginTests
{
    [Fact]
    public void UnknownUserWrongPasswordAndDisabledAccount_AllGetTheSameAnswer()
    {
        using var f = new IdentityFixture();
        f.AddTrader();
        var unknown = f.Login("nobody", IdentityFixture.TraderPassword);
        var wrong = f.Login("alice", "wrong-password");
        f.Services.Accounts.Disable(f.Admin, "alice");
        var disabled = f.Login("alice", IdentityFixture.TraderPassword);
        Assert.All([unknown, wrong, disabled], r =>
        {
            Assert.Equal(LoginOutcome.InvalidCredentials, r.Outcome);
            Assert.Equal("invalid credentials", r.Message);
            Assert.Null(r.Session);
        });
        Assert.Equal(["unknown account", "wrong password", "account disabled"],
            f.Audit.Events.Where(e => e.Action == "identity.login").Select(e => e.Reason));
    }

    [Fact]
    public void FiveFailures_LockWithGrowingDelay_AndSuccessResets()
    {
        using var f = new IdentityFixture();
        f.AddTrader();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(LoginOutcome.InvalidCredentials, f.Login("alice", "nope").Outcome);
        }

        var fifth = f.Login("alice", "nope");
        Assert.Equal(LoginOutcome.Locked, fifth.Outcome);
        Assert.Equal(f.Clock.GetUtcNow().AddMinutes(1), fifth.LockedUntil);
        Assert.Equal(LoginOutcome.Locked, f.Login("alice", IdentityFixture.TraderPassword).Outcome);

        f.Clock.Advance(TimeSpan.FromSeconds(61));
        var sixth = f.Login("alice", "nope");
        Assert.Equal(f.Clock.GetUtcNow().AddMinutes(2), sixth.LockedUntil);

        f.Clock.Advance(TimeSpan.FromSeconds(121));
        var ok = f.Login("alice", IdentityFixture.TraderPassword);
        Assert.Equal(LoginOutcome.Success, ok.Outcome);
        Assert.Equal(LoginOutcome.InvalidCredentials, f.Login("alice", "nope").Outcome);
        Assert.Contains(f.Audit.Events, e => e.Action == "identity.lockout" && e.Target == "alice");
    }

    [Fact]
    public void UnknownNames_AreLockedLikeRealOnes()
    {
        using var f = new IdentityFixture();
        var outcomes = Enumerable.Range(0, 5).Select(_ => f.Login("ghost", "nope").Outcome).ToList();
        Assert.Equal([.. Enumerable.Repeat(LoginOutcome.InvalidCredentials, 4), LoginOutcome.Locked], outcomes);
    }

    [Fact]
    public void LockoutDelay_DoublesUpToTheMaximum()
    {
        var options = LockoutOptions.Default;
        Assert.Equal(TimeSpan.Zero, options.DelayAfter(4));
        Assert.Equal(TimeSpan.FromMinutes(1), options.DelayAfter(5));
        Assert.Equal(TimeSpan.FromMinutes(4), options.DelayAfter(7));
        Assert.Equal(TimeSpan.FromHours(1), options.DelayAfter(12));
        Assert.Equal(TimeSpan.FromHours(1), options.DelayAfter(int.MaxValue));
    }

    [Fact]
    public void SuccessfulLogin_RehashesAWeakHash_AndIssuesASessionThatExpires()
    {
        using var f = new IdentityFixture();
        f.AddTrader();
        // An imported passlib pbkdf2 hash for the same password: weaker than the configured Argon2id.
        using var pw = Secret.FromString(IdentityFixture.TraderPassword);
        var weak = new PasswordHasher(new HashingOptions { Algorithm = PasswordAlgorithm.Pbkdf2Sha256, Pbkdf2Iterations = 1000 }).Hash(pw);
        f.Services.Database.Execute("UPDATE accounts SET password_hash = $h WHERE name = 'alice'", ("$h", weak.Encoded));

        var result = f.Login("alice", IdentityFixture.TraderPassword);
        Assert.Equal(LoginOutcome.Success, result.Outcome);
        var now = f.Services.Database.Scalar<string>("SELECT password_hash FROM accounts WHERE name = 'alice'")!;
        Assert.StartsWith("$argon2id$v=19$m=256,t=1,p=1$", now);
        Assert.Equal("password re-hashed", f.Audit.Events.Last(e => e.Action == "identity.login").Reason);

        using var token = result.Session!.Value;
        Assert.Matches("^tgs_[A-Za-z0-9_-]{43}$", token.Reveal());
        Assert.Equal("alice", f.Services.Sessions.Validate(token)?.Name);
        f.Clock.Advance(TimeSpan.FromHours(12));
        Assert.Null(f.Services.Sessions.Validate(token));
    }

    [Fact]
    public void RevokedSessionsAndSessionsOfDisabledAccounts_NoLongerValidate()
    {
        using var f = new IdentityFixture();
        f.AddTrader();
        using var first = f.Login("alice", IdentityFixture.TraderPassword).Session!.Value;
        using var second = f.Login("alice", IdentityFixture.TraderPassword).Session!.Value;
        Assert.True(f.Services.Sessions.Revoke(first));
        Assert.False(f.Services.Sessions.Revoke(first));
        Assert.Null(f.Services.Sessions.Validate(first));
        Assert.NotNull(f.Services.Sessions.Validate(second));
        f.Services.Accounts.Disable(f.Admin, "alice");
        Assert.Null(f.Services.Sessions.Validate(second));
        Assert.Equal(2, f.Audit.Events.Count(e => e.Action == "identity.session.revoke"));
        // Only the hash is stored.
        var stored = f.Services.Database.Query("SELECT token_hash FROM sessions", r => (byte[])r[0]);
        Assert.All(stored, h => Assert.Equal(32, h.Length));
    }

    [Fact]
    public void AccountManagement_NeedsAnAdmin_AndKeepsTheLastAdmin()
    {
        using var f = new IdentityFixture();
        var alice = f.AddTrader();
        using var pw = Secret.FromString("Zx9!qW-e4Rt7-Yu2i");
        var e = Assert.Throws<TradeguardException>(() => f.Services.Accounts.Add(alice, new NewAccount("bob", Role.Viewer), pw));
        Assert.Equal(ExitCode.AuthenticationFailed, e.ExitCode);
        Assert.Throws<TradeguardException>(() => f.Services.Accounts.SetRole(alice, "alice", Role.Admin));
        var last = Assert.Throws<TradeguardException>(() => f.Services.Accounts.Disable(f.Admin, "root"));
        Assert.Contains("last enabled admin", last.Message);
        Assert.Equal(Role.Admin, f.Services.Accounts.SetRole(f.Admin, "alice", Role.Admin).Role);
        var changes = f.Audit.Events.Where(ev => ev.Action == "identity.role.change").ToList();
        Assert.Equal([("operator:alice", AuditOutcome.Denied), ("operator:root", AuditOutcome.Success)], changes.Select(c => (c.Actor, c.Outcome)));
        Assert.Equal(("alice", "trader", "admin"), (changes[1].Target, changes[1].Details!["from"], changes[1].Details!["to"]));
    }

    [Fact]
    public void FirstAccount_MustBeAnAdmin_AndWeakPasswordsAreRefusedWithReasons()
    {
        using var folder = new TestSupport.TempFolder();
        var services = IdentityServices.Open(new IdentityOptions { DatabasePath = folder.Combine("id.db"), Hashing = Hashing.Cheap.Options() },
            null, NullAuditLog.Instance, TimeProvider.System);
        using var strong = Secret.FromString(IdentityFixture.AdminPassword);
        Assert.Equal(ExitCode.Usage, Assert.Throws<TradeguardException>(() => services.Accounts.Add(null, new NewAccount("bob", Role.Viewer), strong)).ExitCode);
        using var weak = Secret.FromString("P@$$wOrd");
        var e = Assert.Throws<PasswordPolicyException>(() => services.Accounts.Add(null, new NewAccount("bob", Role.Admin), weak));
        Assert.Equal(ExitCode.CheckFailed, e.ExitCode);
        Assert.StartsWith("The password does not meet the policy: At least 12 characters: it has 8.", e.Message);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.Combine("id.db")));
    }

    [Fact]
    public void PasswordChange_RefusesRecentPasswords_AndRevokesSessions()
    {
        using var f = new IdentityFixture();
        var alice = f.AddTrader();
        using var session = f.Login("alice", IdentityFixture.TraderPassword).Session!.Value;
        using var same = Secret.FromString(IdentityFixture.TraderPassword);
        var e = Assert.Throws<PasswordPolicyException>(() => f.Services.Accounts.ChangePassword(alice, "alice", same));
        Assert.Equal(["history"], e.Report.Failures.Select(r => r.Rule));
        using var next = Secret.FromString("Gv6$kP-w3Nz8-Rd2m");
        f.Services.Accounts.ChangePassword(alice, "alice", next);
        Assert.Null(f.Services.Sessions.Validate(session));
        Assert.Equal(LoginOutcome.Success, f.Login("alice", "Gv6$kP-w3Nz8-Rd2m").Outcome);
        using var back = Secret.FromString(IdentityFixture.TraderPassword);
        Assert.Throws<PasswordPolicyException>(() => f.Services.Accounts.ChangePassword(alice, "alice", back));
    }

    [Fact]
    public void UnicodePasswords_AreNormalisedToNfc_ButFullwidthStaysDistinct()
    {
        using var f = new IdentityFixture();
        using var nfd = Secret.FromString("Man\u0303ana-Qz7!-Wx4#");
        f.Services.Accounts.Add(f.Admin, new NewAccount("bob", Role.Viewer), nfd);
        Assert.Equal(LoginOutcome.Success, f.Login("bob", "Ma\u00F1ana-Qz7!-Wx4#").Outcome);

        using var fullwidth = Secret.FromString("\uFF21\uFF11");
        var stored = f.Services.Hasher.Hash(fullwidth);
        Assert.Equal(PasswordNormalization.Nfc, stored.Normalization);
        using var ascii = Secret.FromString("A1");
        Assert.Equal(PasswordVerification.Failed, f.Services.Hasher.Verify(ascii, stored));
        Assert.Equal(PasswordVerification.Success, f.Services.Hasher.Verify(fullwidth, stored));
    }
}
