using System.Diagnostics;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Accounts;
using Tradeguard.TestSupport;

namespace Tradeguard.Identity.Tests.Accounts;

public sealed class UniformTimingTests
{
    [Fact]
    public void UnknownUser_CostsTheSameHashVerificationAsAWrongPassword_AtTheRealDefaults()
    {
        using var folder = new TempFolder();
        var identity = IdentityServices.Open(new IdentityOptions { DatabasePath = folder.Combine("id.db") }, null,
            NullAuditLog.Instance, TimeProvider.System);
        using (var pw = Secret.FromString(IdentityFixture.AdminPassword))
        {
            identity.Accounts.Add(null, new NewAccount("root", Role.Admin), pw);
        }

        // The dummy hash has the very parameters of a real one.
        Assert.StartsWith("$argon2id$v=19$m=65536,t=3,p=1$", identity.Login.DummyHash.Encoded);

        using var wrong = Secret.FromString("not the password");
        TimeSpan Fastest(string name)
        {
            var best = TimeSpan.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                var watch = Stopwatch.StartNew();
                Assert.Equal(LoginOutcome.InvalidCredentials, identity.Login.Login(name, wrong).Outcome);
                best = watch.Elapsed < best ? watch.Elapsed : best;
            }

            return best;
        }

        Fastest("ghost");   // the first call also makes the dummy hash
        var unknown = Fastest("nobody");
        var known = Fastest("root");
        var ratio = unknown / known;
        Assert.InRange(ratio, 0.33, 3.0);
    }
}
