using Tradeguard.TestSupport;

namespace Tradeguard.Cli.Tests.Composition;

/// <summary>
/// Linking a Telegram id to an account hands that account's role to whoever holds the id, so <c>telegram link NAME</c>
/// needs NAME's password or an admin session: a viewer cannot link themselves to root and then /pause the bot.
/// </summary>
public sealed class TelegramLinkAuthorityTests : IDisposable
{
    private const string RootPassword = "Ledger!Canyon7Harbor";
    private const string ViewerPassword = "Quartz#Hollow82Bison";

    private readonly InstallationHome _home = new();

    public TelegramLinkAuthorityTests()
    {
        _home.InitVault();
        Assert.Equal(0, _home.Run(RootPassword + "\n", ["user", "add", "root", "--role", "admin"]).ExitCode);
        var root = Session("root", RootPassword);
        Assert.Equal(0, _home.Run(ViewerPassword + "\n", ["user", "add", "vera", "--role", "viewer"], env: new Dictionary<string, string?> { ["TRADEGUARD_SESSION"] = root }).ExitCode);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _home.Dispose();
    }

    private string Session(string name, string password)
    {
        var login = _home.Run(password + "\n", ["login", name]);
        Assert.True(login.ExitCode == 0, login.AllOutput);
        return login.Stdout.Trim();
    }

    private ProcessResult Link(string name, string? stdin = null, string? session = null) =>
        _home.Run(stdin, ["telegram", "link", name], env: new Dictionary<string, string?> { ["TRADEGUARD_SESSION"] = session });

    [Fact]
    public void AViewer_CannotLinkToRoot_WithTheirOwnSession_NorWithTheirOwnPassword()
    {
        var viewer = Session("vera", ViewerPassword);

        var withSession = Link("root", session: viewer);
        var withOwnPassword = Link("root", stdin: ViewerPassword + "\n");

        Assert.Equal(3, withSession.ExitCode);
        Assert.Equal("error: linking a Telegram id to 'root' needs root's password or an admin session; the session in $TRADEGUARD_SESSION is vera's (viewer).\n",
            withSession.Stderr);
        Assert.Equal(3, withOwnPassword.ExitCode);
        Assert.EndsWith("error: invalid credentials\n", withOwnPassword.Stderr);
        Assert.DoesNotContain("/link ", withSession.Stdout + withOwnPassword.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAccountsOwnPassword_OrItsOwnSession_OrAnAdminSession_IssuesACode()
    {
        Assert.Equal(0, Link("vera", stdin: ViewerPassword + "\n").ExitCode);
        Assert.Equal(0, Link("vera", session: Session("vera", ViewerPassword)).ExitCode);
        var byAdmin = Link("vera", session: Session("root", RootPassword));

        Assert.Equal(0, byAdmin.ExitCode);
        Assert.Contains("/link ", byAdmin.Stdout, StringComparison.Ordinal);
    }
}
