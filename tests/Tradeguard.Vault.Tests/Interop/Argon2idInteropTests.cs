using System.Security.Cryptography;
using System.Text;
using Tradeguard.TestSupport;
using Tradeguard.Vault.Crypto;

namespace Tradeguard.Vault.Tests.Interop;

/// <summary>Our Argon2id (NSec/libsodium) against Debian's argon2 CLI and python3-argon2 (argon2-cffi) on random inputs.</summary>
public sealed class Argon2idInteropTests
{
    private static IEnumerable<(byte[] Password, byte[] Salt, KdfParameters Kdf)> RandomCases(int seed, bool printable)
    {
        var random = new Random(seed);
        for (var i = 0; i < 6; i++)
        {
            var password = new byte[random.Next(1, 48)];
            var salt = new byte[16];
            random.NextBytes(password);
            random.NextBytes(salt);
            if (printable)
            {
                // The CLI takes the salt as an argument and the password as stdin text.
                for (var j = 0; j < password.Length; j++)
                {
                    password[j] = (byte)('!' + password[j] % 94);
                }

                for (var j = 0; j < salt.Length; j++)
                {
                    salt[j] = (byte)('a' + salt[j] % 26);
                }
            }

            yield return (password, salt, new KdfParameters((uint)random.Next(8, 2048), (uint)random.Next(1, 4), 1));
        }
    }

    private static string Ours(byte[] password, byte[] salt, KdfParameters kdf)
    {
        var output = new byte[32];
        Argon2id.DeriveBytes(password, salt, kdf, output);
        return Convert.ToHexStringLower(output);
    }

    [Fact]
    public void MatchesTheArgon2Cli_OnRandomInputs()
    {
        foreach (var (password, salt, kdf) in RandomCases(7, printable: true))
        {
            var result = ChildProcess.Run("argon2",
                [Encoding.ASCII.GetString(salt), "-id", "-t", kdf.Iterations.ToString(), "-k", kdf.MemoryKiB.ToString(), "-p", "1", "-l", "32", "-r"],
                stdin: Encoding.ASCII.GetString(password));
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(result.Stdout.Trim(), Ours(password, salt, kdf));
        }
    }

    [Fact]
    public void MatchesPythonArgon2_OnRandomBinaryInputs()
    {
        const string script = """
            import sys
            from argon2.low_level import hash_secret_raw, Type
            for line in sys.stdin:
                pw, salt, m, t = line.split()
                print(hash_secret_raw(bytes.fromhex(pw), bytes.fromhex(salt), time_cost=int(t), memory_cost=int(m),
                                      parallelism=1, hash_len=32, type=Type.ID).hex())
            """;
        var cases = RandomCases(11, printable: false).ToList();
        var input = string.Concat(cases.Select(c => $"{Convert.ToHexString(c.Password)} {Convert.ToHexString(c.Salt)} {c.Kdf.MemoryKiB} {c.Kdf.Iterations}\n"));
        var expected = Python.Run(script, input).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cases.Count, expected.Length);
        for (var i = 0; i < cases.Count; i++)
        {
            Assert.Equal(expected[i], Ours(cases[i].Password, cases[i].Salt, cases[i].Kdf));
        }
    }

    [Fact]
    public void DefaultParameters_MatchPythonArgon2_OnARandomPassword()
    {
        var password = RandomNumberGenerator.GetBytes(20);
        var salt = RandomNumberGenerator.GetBytes(16);
        var expected = Python.Run(
            "import sys\nfrom argon2.low_level import hash_secret_raw, Type\n" +
            "pw, salt = sys.argv[1:3]\n" +
            "print(hash_secret_raw(bytes.fromhex(pw), bytes.fromhex(salt), time_cost=3, memory_cost=65536, parallelism=1, hash_len=32, type=Type.ID).hex())",
            null, Convert.ToHexString(password), Convert.ToHexString(salt)).Trim();
        Assert.Equal(expected, Ours(password, salt, KdfParameters.Default));
    }
}
