using System.Text;
using System.Text.Json;
using OtpNet;
using Tradeguard.Identity.Tests.Vectors;
using Tradeguard.Identity.Totp;
using Tradeguard.TestSupport;

namespace Tradeguard.Identity.Tests.Totp;

public sealed class TotpVectorTests
{
    [Fact]
    public void Rfc6238AppendixB_AllEighteenRows_WithTheirOwnSeedLengths()
    {
        // RFC 6238 Appendix B: the SHA-256 and SHA-512 rows use 32- and 64-byte seeds, not the 20-byte one.
        var rows = VectorFile.Load("totp_hotp.json")["rfc6238_appendix_b"]!["vectors"]!.AsArray();
        Assert.Equal(18, rows.Count);
        foreach (var row in rows)
        {
            var seed = Encoding.ASCII.GetBytes((string)row!["seed_ascii"]!);
            var mode = Enum.Parse<OtpHashMode>((string)row["algorithm"]!, ignoreCase: true);
            Assert.Equal(mode switch { OtpHashMode.Sha1 => 20, OtpHashMode.Sha256 => 32, _ => 64 }, seed.Length);
            var at = DateTimeOffset.FromUnixTimeSeconds((long)row["unix_time"]!);
            var code = new OtpNet.Totp(seed, 30, mode, 8).ComputeTotp(at.UtcDateTime);
            Assert.Equal((string)row["totp"]!, code);
            if (mode == OtpHashMode.Sha1)
            {
                // Tradeguard's 6-digit code is the same truncated value mod 10^6.
                Assert.Equal(((string)row["totp"]!)[2..], TotpCode.Compute(seed, at));
            }
        }
    }

    [Fact]
    public void PyotpProducesTheSameCode_ForAThousandRandomSecretsAndTimes()
    {
        var random = new Random(6238);
        var pairs = Enumerable.Range(0, 1000).Select(_ =>
        {
            var seed = new byte[random.Next(10, 33)];
            random.NextBytes(seed);
            return (Seed: seed, Time: random.NextInt64(0, 20_000_000_000));
        }).ToList();
        var input = JsonSerializer.Serialize(pairs.Select(p => new object[] { Base32Encoding.ToString(p.Seed), p.Time }));
        var output = Python.Run("""
            import sys, json, pyotp
            print(json.dumps([pyotp.TOTP(s).at(t) for s, t in json.load(sys.stdin)]))
            """, input);
        var expected = JsonSerializer.Deserialize<string[]>(output)!;
        Assert.Equal(1000, expected.Length);
        for (var i = 0; i < pairs.Count; i++)
        {
            Assert.Equal(expected[i], TotpCode.Compute(pairs[i].Seed, DateTimeOffset.FromUnixTimeSeconds(pairs[i].Time)));
        }
    }
}
