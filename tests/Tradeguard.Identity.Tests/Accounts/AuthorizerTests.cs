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
        Assert.Equal("Account 'x' (viewer) may not close positions: that needs the admin role. Log in as an account that has it.", e.Message);
    }

    [Theory]
    [InlineData(Permission.ManageUsers, "Nobody is logged in, and managing users needs a session of an account with the admin role. Log in as one first.")]
    [InlineData(Permission.PauseStrategy, "Nobody is logged in, and pausing strategies needs a session of an account with the trader or admin role. Log in as one first.")]
    public void Demand_WithNobodyLoggedIn_SaysSoInAWholeSentence(Permission permission, string expected)
    {
        var e = Assert.Throws<TradeguardException>(() => Authorizer.Demand(null, permission));
        Assert.Equal(ExitCode.AuthenticationFailed, e.ExitCode);
        Assert.Equal(expected, e.Message);
    }
}
