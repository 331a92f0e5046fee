using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Accounts;

namespace Tradeguard.Identity.Tests.Accounts;

/// <summary>Refused account changes and the start of a TOTP enrolment leave records, not only the successes.</summary>
public sealed class AccountAuditTests
{
    [Fact]
    public void TraderChangingARole_IsRefusedWithExitThree_AndRecordedAsDenied()
    {
        using var f = new IdentityFixture();
        var trader = f.AddTrader();

        var e = Assert.Throws<TradeguardException>(() => f.Services.Accounts.SetRole(trader, "root", Role.Viewer));

        Assert.Equal(ExitCode.AuthenticationFailed, e.ExitCode);
        Assert.Equal(new AuditEvent("operator:alice", "identity.role.change", "root", AuditOutcome.Denied, "trader may not manage users"),
            f.Audit.Events[^1]);
        Assert.Equal(Role.Admin, f.Services.Accounts.Get("root").Role);
    }

    [Fact]
    public void AddingAUserWithNobodyLoggedIn_IsRecordedAsDeniedForAnonymous()
    {
        using var f = new IdentityFixture();
        using var password = Secret.FromString(IdentityFixture.TraderPassword);

        Assert.Throws<TradeguardException>(() => f.Services.Accounts.Add(null, new NewAccount("mallory", Role.Admin), password));

        Assert.Equal(new AuditEvent("anonymous", "identity.user.add", "mallory", AuditOutcome.Denied, "nobody logged in"), f.Audit.Events[^1]);
        Assert.Null(f.Services.Accounts.Find("mallory"));
    }

    [Fact]
    public void DisabledAdmin_ChangingAnotherPassword_IsRecordedAsDenied()
    {
        using var f = new IdentityFixture();
        f.AddTrader();
        var disabledAdmin = f.Services.Accounts.Get("root") with { Disabled = true };
        using var password = Secret.FromString("Mx4$tR-q9Lw2-Zp7c");

        Assert.Throws<TradeguardException>(() => f.Services.Accounts.ChangePassword(disabledAdmin, "alice", password));

        Assert.Equal(new AuditEvent("operator:root", "identity.user.passwd", "alice", AuditOutcome.Denied, "disabled may not manage users"),
            f.Audit.Events[^1]);
    }

    [Fact]
    public void BeginningATotpEnrolment_IsRecorded_WithoutTheSeed()
    {
        using var f = new IdentityFixture();
        f.AddTrader();

        var enrollment = f.Services.TwoFactor.BeginEnrollment("alice");

        Assert.Equal(new AuditEvent("operator:alice", "identity.2fa.enroll", "alice", AuditOutcome.Success), f.Audit.Events[^1]);
        Assert.DoesNotContain(f.Audit.Events, e => e.ToString().Contains(enrollment.SecretBase32, StringComparison.Ordinal));
    }
}
