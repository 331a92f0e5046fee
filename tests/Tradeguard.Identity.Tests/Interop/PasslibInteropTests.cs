using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Hashing;
using Tradeguard.Identity.Tests.Hashing;
using static Tradeguard.Identity.Tests.Interop.InteropPasswords;

namespace Tradeguard.Identity.Tests.Interop;

/// <summary>
/// Both directions against Debian's python3-passlib, python3-bcrypt and python3-argon2 over
/// <see cref="InteropPasswords.All"/> (210 passwords).
/// </summary>
public sealed class PasslibInteropTests
{
    private static bool IsBcryptable(byte[] utf8) => utf8.Length <= 72 && !utf8.Contains((byte)0);

    private static PasswordVerification VerifyImported(byte[] password, string hash)
    {
        using var secret = Secret.FromBytes(password);
        return Cheap.Hasher().Verify(secret, StoredPasswordHash.Imported(hash));
    }

    [Fact]
    public void HashesMadeByPasslibBcryptAndArgon2Cffi_VerifyInTradeguard()
    {
        var passwords = All.Select(Utf8).ToList();
        Assert.True(passwords.Count >= 200);
        var hashes = PythonOracle.Hash(passwords);
        var checkedCount = 0;
        for (var i = 0; i < passwords.Count; i++)
        {
            var pw = passwords[i];
            var h = hashes[i];
            foreach (var kind in new[] { "passlib_bcrypt_sha256", "passlib_pbkdf2_sha256", "passlib_argon2", "argon2_cffi" })
            {
                // Known limit: Konscious (needed for passlib's p = 2) refuses an empty password, so it never matches.
                var expected = pw.Length == 0 && kind == "passlib_argon2" ? PasswordVerification.Failed : PasswordVerification.SuccessRehashNeeded;
                Assert.Equal(expected, VerifyImported(pw, h[kind]));
                checkedCount++;
            }

            foreach (var kind in new[] { "passlib_bcrypt", "pyca_bcrypt" })
            {
                if (pw.Contains((byte)0))
                {
                    // Both Python libraries refuse NUL for bcrypt, as Tradeguard does.
                    Assert.StartsWith("ERROR:", h[kind]);
                    continue;
                }

                if (pw.Length > 72)
                {
                    // Python truncated silently; Tradeguard refuses the long password instead of matching it.
                    Assert.Equal(PasswordVerification.Failed, VerifyImported(pw, h[kind]));
                    // The 72-byte prefix it really hashed does match, when that prefix is still UTF-8 text.
                    var prefixIsText = System.Text.Unicode.Utf8.IsValid(pw.AsSpan(0, 72));
                    Assert.Equal(prefixIsText, VerifyImported(pw[..72], h[kind]) == PasswordVerification.SuccessRehashNeeded);
                    continue;
                }

                Assert.Equal(PasswordVerification.SuccessRehashNeeded, VerifyImported(pw, h[kind]));
                checkedCount++;
            }

            if (i % 10 == 0)
            {
                Assert.Equal(PasswordVerification.Failed, VerifyImported([.. pw, (byte)'x'], h["passlib_argon2"]));
                Assert.Equal(PasswordVerification.Failed, VerifyImported([.. pw, (byte)'x'], h["passlib_bcrypt_sha256"]));
            }
        }

        Assert.True(checkedCount >= 1200, $"{checkedCount} verifications");
    }

    [Fact]
    public void NfdPasswordHashedByPasslib_VerifiesOnlyWithTheSameBytes()
    {
        // Imported hashes record no normalisation: passlib hashed the NFD bytes, so only those bytes match.
        var nfd = Utf8("man\u0303ana");
        var hash = PythonOracle.Hash([nfd])[0]["passlib_argon2"];
        Assert.Equal(PasswordVerification.SuccessRehashNeeded, VerifyImported(nfd, hash));
        Assert.Equal(PasswordVerification.Failed, VerifyImported(Utf8("ma\u00F1ana"), hash));
    }

    [Fact]
    public void HashesMadeByTradeguard_VerifyInPasslibBcryptAndArgon2Cffi()
    {
        var items = new List<(byte[] Password, string Hash, string Kind)>();
        var expected = new List<bool>();
        var refusedByBcrypt = 0;
        var algorithms = new (PasswordAlgorithm Algorithm, string Kind)[]
        {
            (PasswordAlgorithm.Argon2id, "argon2"), (PasswordAlgorithm.Bcrypt, "bcrypt"),
            (PasswordAlgorithm.BcryptSha256, "bcrypt_sha256"), (PasswordAlgorithm.Pbkdf2Sha256, "pbkdf2"),
        };
        foreach (var password in All)
        {
            using var secret = Secret.FromString(password);
            var nfc = Utf8(Nfc(password));
            foreach (var (algorithm, kind) in algorithms)
            {
                if (algorithm == PasswordAlgorithm.Bcrypt && !IsBcryptable(nfc))
                {
                    Assert.Throws<PasswordRejectedException>(() => Cheap.Hasher(algorithm).Hash(secret));
                    refusedByBcrypt++;
                    continue;
                }

                var stored = Cheap.Hasher(algorithm).Hash(secret);
                Assert.Equal(PasswordNormalization.Nfc, stored.Normalization);
                items.Add((nfc, stored.Encoded, kind));
                expected.Add(true);
                if (!nfc.AsSpan().SequenceEqual(Utf8(password)))
                {
                    // The NFD spelling was normalised before hashing, so Python (which does not normalise) refuses it.
                    items.Add((Utf8(password), stored.Encoded, kind));
                    expected.Add(false);
                }
            }
        }

        var results = PythonOracle.Verify(items);
        Assert.Equal(items.Count, results.Count);
        for (var i = 0; i < items.Count; i++)
        {
            Assert.All(results[i], ok => Assert.True(ok == expected[i], $"{items[i].Kind} item {i}: python said {ok}"));
        }

        Assert.Equal(7, refusedByBcrypt);
        Assert.True(items.Count >= 800, $"{items.Count} items");
    }
}
