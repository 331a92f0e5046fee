using Tradeguard.Core.Errors;
using Tradeguard.Identity.Accounts;

namespace Tradeguard.Identity.Tests.Accounts;

public sealed class AuthorizerTests
{
    private static Account As(Role role, bool disabled = false) =>
        new("x", role, "", "", disabled, false, DateTimeOffset.UnixEpoch);

    [Fact]
    public void EachRole_GetsExactlyItsPermissions()
    {
        Assert.Equal([Permission.ViewStatus], Authorizer.PermissionsOf(Role.Viewer));
        Assert.Equal([Permission.ViewStatus, Permission.PauseStrategy, Permission.ResumeStrategy], Authorizer.PermissionsOf(Role.Trader));
        Assert.Equal(Enum.GetValues<Permission>(), Authorizer.PermissionsOf(Role.Admin));
        Assert.True(Authorizer.IsAllowed(As(Role.Trader), Permission.PauseStrategy));
        Assert.False(Authorizer.IsAllowed(As(Role.Trader), Permission.ClosePositions));
        Assert.False(Authorizer.IsAllowed(As(Role.Viewer), Permission.PauseStrategy));
        Assert.True(Authorizer.IsAllowed(As(Role.Admin), Permission.RevealSecrets));
    }

    [Fact]
    public void UnknownRolesPermissionsDisabledOrMissingAccounts_AreDenied()
    {
        Assert.False(Authorizer.IsAllowed(null, Permission.ViewStatus));
        Assert.False(Authorizer.IsAllowed(As(Role.Admin, disabled: true), Permission.ViewStatus));
        Assert.False(Authorizer.IsAllowed(As((Role)99), Permission.ViewStatus));
        Assert.False(Authorizer.IsAllowed(As(Role.Admin), (Permission)99));
        Assert.Empty(Authorizer.PermissionsOf((Role)0));
    }

    [Fact]
    public void Demand_ThrowsExitThree_NamingAccountRoleAndAction()
    {
        var e = Assert.Throws<TradeguardException>(() => Authorizer.Demand(As(Role.Viewer), Permission.ClosePositions));
        Assert.Equal(ExitCode.AuthenticationFailed, e.ExitCode);
        Assert.Equal("Account 'x' (viewer) may not close positions. Log in as an account whose role allows it.", e.Message);
    }
}
