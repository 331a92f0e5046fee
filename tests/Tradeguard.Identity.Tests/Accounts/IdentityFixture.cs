using Microsoft.Extensions.Time.Testing;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Accounts;
using Tradeguard.Identity.Tests.Hashing;
using Tradeguard.TestSupport;

namespace Tradeguard.Identity.Tests.Accounts;

/// <summary>A fresh identity database in a temp folder, a fake clock, an in-memory vault and a recording audit log.</summary>
internal sealed class IdentityFixture : IDisposable
{
    public const string AdminPassword = "Kq7!vZ-r2Lm9-Wt4x";
    public const string TraderPassword = "Hb3#nY-p8Qs6-Jc5v";

    private readonly TempFolder _folder = new();

    public IdentityFixture(LockoutOptions? lockout = null)
    {
        Services = IdentityServices.Open(
            new IdentityOptions { DatabasePath = _folder.Combine("identity.db"), Hashing = Cheap.Options(), Lockout = lockout ?? LockoutOptions.Default },
            Vault, Audit, Clock);
        using var pw = Secret.FromString(AdminPassword);
        Admin = Services.Accounts.Add(null, new NewAccount("root", Role.Admin, "Ada Root"), pw);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 12, 0, 10, TimeSpan.Zero));

    public InMemorySecretStore Vault { get; } = new();

    public RecordingAuditLog Audit { get; } = new();

    public IdentityServices Services { get; }

    public Account Admin { get; }

    public string DatabasePath => _folder.Combine("identity.db");

    public Account AddTrader(string name = "alice")
    {
        using var pw = Secret.FromString(TraderPassword);
        return Services.Accounts.Add(Admin, new NewAccount(name, Role.Trader, "Alice Martin", "alice@example.org"), pw);
    }

    public LoginResult Login(string name, string password, string? code = null)
    {
        using var pw = Secret.FromString(password);
        return Services.Login.Login(name, pw, code);
    }

    public void Dispose() => _folder.Dispose();
}

