using System.Runtime.InteropServices;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Accounts;
using Tradeguard.Identity.Hashing;
using Tradeguard.TestSupport;

namespace Tradeguard.Identity.Tests.Accounts;

/// <summary>
/// A login for a name that does not exist must cost what a wrong password for a real name costs, or the time tells
/// them apart. Each CLI login is a new process, so each measurement uses fresh services, as a new process would.
/// </summary>
public sealed partial class UniformTimingTests
{
    // Argon2id with enough work that one verification dominates the rest of a login (~60 ms; the defaults cost about
    // twice that), cheap enough for CI. At 16 MiB the rest of a login (an audit record, a throttle row) was ~1.5 ms of
    // ~30 ms on a loaded machine, already 5%: the claim is about the hash, so the hash must dominate as it does for users.
    private static readonly HashingOptions Measured = new() { Argon2MemoryKiB = 32768, Argon2Iterations = 3 };

    [Fact]
    public void TheDummyHash_HasTheVeryParametersOfARealOne_AtTheRealDefaults_AndCostsNoHashToMake()
    {
        var hasher = new PasswordHasher();
        var before = ThreadCpuTime();
        var dummy = hasher.Unmatchable();
        var cost = ThreadCpuTime() - before;

        Assert.Matches(@"^\$argon2id\$v=19\$m=65536,t=3,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$", dummy.Encoded);
        Assert.False(hasher.NeedsRehash(dummy));
        // One Argon2id at these defaults takes well over 50 ms of CPU; making the dummy takes none of it.
        Assert.True(cost < TimeSpan.FromMilliseconds(50), $"making the dummy cost {cost.TotalMilliseconds} ms of CPU");
    }

    [Theory]
    [InlineData(PasswordAlgorithm.Argon2id)]
    [InlineData(PasswordAlgorithm.Bcrypt)]
    [InlineData(PasswordAlgorithm.BcryptSha256)]
    [InlineData(PasswordAlgorithm.Pbkdf2Sha256)]
    public void TheDummyHash_IsReadByItsFormat_AtTheConfiguredCost_AndNoPasswordMatchesIt(PasswordAlgorithm algorithm)
    {
        var hasher = Hashing.Cheap.Hasher(algorithm);
        var dummy = hasher.Unmatchable();

        Assert.Equal(PasswordHasher.Identify(hasher.Hash(Secret.FromString("x")).Encoded), PasswordHasher.Identify(dummy.Encoded));
        Assert.False(hasher.NeedsRehash(dummy));
        using var password = Secret.FromString("any password at all");
        Assert.Equal(PasswordVerification.Failed, hasher.Verify(password, dummy));
    }

    [Fact]
    public void UnknownName_AndWrongPassword_CostTheSameCpuTime_Within5Percent_OverInterleavedPairs()
    {
        using var folder = new TempFolder();
        var options = new IdentityOptions { DatabasePath = folder.Combine("id.db"), Hashing = Measured, Lockout = new LockoutOptions { MaxFailures = 1000 } };
        using (var pw = Secret.FromString(IdentityFixture.AdminPassword))
        {
            Services(options).Accounts.Add(null, new NewAccount("root", Role.Admin), pw);
        }

        using var wrong = Secret.FromString("not the password");
        TimeSpan Cost(string name)
        {
            var login = Services(options).Login; // a new process: nothing made earlier is reused
            var start = ThreadCpuTime();
            Assert.Equal(LoginOutcome.InvalidCredentials, login.Login(name, wrong).Outcome);
            return ThreadCpuTime() - start;
        }

        // Both names have failed before the measured pairs, as in a guessing attack: the first failure of any name,
        // known or not, adds its throttle row (an insert, not an update), which is no clue to whether the name exists.
        // A new unknown name each time against a known one failing again measured that insert instead (ratio 1.06).
        Cost("ghost");
        Cost("root");

        // Each pair is measured back to back, order alternating, and compared with itself: the two halves of a pair
        // share the machine's load of that moment (other tests' memory traffic slows Argon2id's 32 MiB passes), which
        // two separately sorted lists do not (their lower quartiles came from different moments: 1.087 under load).
        // A second round runs only when the first is out of bounds, and then all pairs count: a real difference stays.
        var ratios = new List<double>();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 21; i++)
            {
                double unknown, known;
                if (i % 2 == 0)
                {
                    unknown = Cost("ghost").TotalMilliseconds;
                    known = Cost("root").TotalMilliseconds;
                }
                else
                {
                    known = Cost("root").TotalMilliseconds;
                    unknown = Cost("ghost").TotalMilliseconds;
                }

                ratios.Add(unknown / known);
            }

            if (Median(ratios) is > 0.95 and < 1.05)
            {
                return;
            }
        }

        Assert.Fail($"unknown/known CPU time, median of {ratios.Count} back-to-back pairs: {Median(ratios):0.000}");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static IdentityServices Services(IdentityOptions options) =>
        IdentityServices.Open(options, null, NullAuditLog.Instance, TimeProvider.System);

    // CPU time of the calling thread only (clock_gettime(CLOCK_THREAD_CPUTIME_ID), POSIX): other tests running in
    // parallel and other processes on a loaded machine do not count, unlike wall time.
    private static TimeSpan ThreadCpuTime()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var now) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        }

        return TimeSpan.FromTicks(now.Seconds * TimeSpan.TicksPerSecond + now.Nanoseconds / 100);
    }

    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
