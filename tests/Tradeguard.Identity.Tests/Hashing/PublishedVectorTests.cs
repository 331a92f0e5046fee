using System.Text;
using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Hashing;
using Tradeguard.Identity.Tests.Vectors;

namespace Tradeguard.Identity.Tests.Hashing;

/// <summary>Known answers from the sources named in Vectors/README.md.</summary>
public sealed class PublishedVectorTests
{
    private static readonly PasswordHasher Hasher = Cheap.Hasher();

    private static PasswordVerification Verify(byte[] password, string encoded)
    {
        using var secret = Secret.FromBytes(password);
        return Hasher.Verify(secret, StoredPasswordHash.Imported(encoded));
    }

    private static PasswordVerification Verify(string password, string encoded) => Verify(Encoding.UTF8.GetBytes(password), encoded);

    [Fact]
    public void Rfc9106Argon2idAndArgon2iKats_MatchWithSecretAndAssociatedData()
    {
        // RFC 9106 §5.2 (Argon2i) and §5.3 (Argon2id): Konscious supports the secret K and associated data X.
        var file = VectorFile.Load("argon2.json")["rfc9106_kats"]!;
        var input = file["inputs"]!;
        var checkedTypes = new List<string>();
        foreach (var v in file["vectors"]!.AsArray())
        {
            var type = (string)v!["type"]!;
            if (type is not ("argon2i" or "argon2id") || (int)v["version"]! != 19)
            {
                continue;
            }

            using Konscious.Security.Cryptography.Argon2 argon = type == "argon2id"
                ? new Konscious.Security.Cryptography.Argon2id(VectorFile.Hex(input["password_hex"]))
                : new Konscious.Security.Cryptography.Argon2i(VectorFile.Hex(input["password_hex"]));
            argon.Salt = VectorFile.Hex(input["salt_hex"]);
            argon.KnownSecret = VectorFile.Hex(input["secret_hex"]);
            argon.AssociatedData = VectorFile.Hex(input["associated_data_hex"]);
            argon.MemorySize = 32;
            argon.Iterations = 3;
            argon.DegreeOfParallelism = 4;
            Assert.Equal((string)v["tag_hex"]!, Convert.ToHexStringLower(argon.GetBytes(32)));
            checkedTypes.Add(type);
        }

        Assert.Contains("argon2id", checkedTypes);
        Assert.Contains("argon2i", checkedTypes);
    }

    [Fact]
    public void ReferenceImplementationEncodedHashes_VerifyAndRawTagsMatch()
    {
        // P-H-C/phc-winner-argon2 src/test.c: the m = 256 KiB cases, and one 64 MiB case per type (the 256 MiB and
        // 1 GiB ones, and the other 64 MiB ones, are left to the reference suite to keep this run short).
        var all = VectorFile.Load("argon2.json")["reference_test_c"]!["vectors"]!.AsArray();
        var vectors = all.Where(v => (int)v!["m_cost_kib"]! == 256)
            .Concat(all.Where(v => (int)v!["m_cost_kib"]! == 65536).DistinctBy(v => (string)v!["type"]!)).ToList();
        Assert.Equal(6, vectors.Count);
        foreach (var v in vectors)
        {
            var encoded = (string)v!["encoded"]!;
            Assert.Equal(PasswordVerification.SuccessRehashNeeded, Verify((string)v["password"]!, encoded));
            if ((int)v["m_cost_kib"]! == 256)
            {
                Assert.Equal(PasswordVerification.Failed, Verify((string)v["password"]! + "x", encoded));
            }
        }
    }

    [Fact]
    public void LibsodiumStrVerifyTable_AcceptsTheValidAndRefusesTheRest()
    {
        // jedisct1/libsodium test/default/pwhash_argon2id.c tv3 (includes p = 3, which libsodium itself refuses).
        foreach (var v in VectorFile.Load("argon2.json")["libsodium_str_verify"]!["vectors"]!.AsArray())
        {
            var encoded = (string)v!["encoded"]!;
            var password = (string)v["password"]!;
            if ((bool)v["expect_valid"]!)
            {
                Assert.NotEqual(PasswordVerification.Failed, Verify(password, encoded));
            }
            else
            {
                var outcome = Record.Exception(() => Assert.Equal(PasswordVerification.Failed, Verify(password, encoded)));
                Assert.True(outcome is null or PasswordHashFormatException, encoded);
            }
        }
    }

    [Fact]
    public void PasslibAndArgon2CffiSamples_VerifyIncludingParallelismFourAndTrailingNul()
    {
        var samples = VectorFile.Load("argon2.json")["passlib_and_argon2_cffi_samples"]!;
        var verified = 0;
        foreach (var v in samples["vectors"]!.AsArray())
        {
            var encoded = (string)v!["encoded"]!;
            if (encoded.StartsWith("$argon2d$", StringComparison.Ordinal) || !encoded.Contains("$v=19$", StringComparison.Ordinal))
            {
                var e = Assert.Throws<PasswordHashFormatException>(() => Verify((string)v["password"]!, encoded));
                Assert.Matches("Argon2d|version 16", e.Message);
                continue;
            }

            Assert.NotEqual(PasswordVerification.Failed, Verify((string)v["password"]!, encoded));
            verified++;
        }

        Assert.Equal(7, verified);
        foreach (var bad in samples["malformed_must_reject"]!.AsArray())
        {
            Assert.Throws<PasswordHashFormatException>(() => Verify("password", (string)bad!));
        }
    }

    [Fact]
    public void BcryptKnownAnswers_JbcryptOpenwallAndPyca_Verify()
    {
        var file = VectorFile.Load("bcrypt.json");
        var count = 0;
        foreach (var v in file["jbcrypt"]!["vectors"]!.AsArray())
        {
            Assert.True(PasswordVerification.SuccessRehashNeeded == Verify((string)v!["password"]!, (string)v["hash"]!), (string)v["hash"]!);
            count++;
        }

        foreach (var v in file["openwall_crypt_blowfish"]!["vectors"]!.AsArray()
                     .Where(v => (bool?)v!["portable_openbsd"] == true))
        {
            var password = VectorFile.Hex(v!["password_hex"]);
            // Tradeguard passwords are text: bytes that are not UTF-8 (e.g. openwall's 0xA3 cases) never match.
            var expected = password.Length <= 72 && !password.Contains((byte)0) && System.Text.Unicode.Utf8.IsValid(password)
                ? PasswordVerification.SuccessRehashNeeded
                : PasswordVerification.Failed;
            Assert.Equal(expected, Verify(password, (string)v["hash"]!));
            count += expected == PasswordVerification.Failed ? 0 : 1;
        }

        foreach (var v in file["pyca_bcrypt"]!["vectors"]!.AsArray())
        {
            // passlib refuses NUL for bcrypt; so does Tradeguard: such a password never matches.
            var password = VectorFile.Hex(v!["password_hex"]);
            var text = !password.Contains((byte)0) && System.Text.Unicode.Utf8.IsValid(password);
            Assert.Equal(text, Verify(password, (string)v["hash"]!) != PasswordVerification.Failed);
            count += text ? 1 : 0;
        }

        Assert.Equal(47, count);
    }

    [Fact]
    public void BcryptMalformedAndUnportableHashes_AreRefusedAsIntegrityFailures()
    {
        var file = VectorFile.Load("bcrypt.json");
        var bad = file["bcrypt_net_extras"]!["must_reject"]!.AsArray().Select(v => (string)v!["hash"]!)
            .Concat(file["openwall_crypt_blowfish"]!["invalid_settings_must_fail"]!.AsArray().Select(v => (string)v!))
            .Concat(["$2x$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e"]);
        foreach (var encoded in bad)
        {
            var e = Assert.Throws<PasswordHashFormatException>(() => Verify("password", encoded));
            Assert.Equal(Core.Errors.ExitCode.IntegrityFailure, e.ExitCode);
        }
    }

    [Fact]
    public void PasslibPbkdf2Hashes_VerifyAndMalformedOnesAreRefused()
    {
        var file = VectorFile.Load("passlib_mcf.json")["pbkdf2"]!;
        var count = 0;
        foreach (var v in file["vectors"]!.AsArray())
        {
            Assert.NotEqual(PasswordVerification.Failed, Verify((string)v!["password"]!, (string)v["hash"]!));
            Assert.Equal(PasswordVerification.Failed, Verify((string)v["password"]! + "!", (string)v["hash"]!));
            count++;
        }

        Assert.Equal(9, count);
        foreach (var bad in file["malformed_must_reject"]!.AsArray())
        {
            var encoded = ((string)bad!).Split(' ')[0];
            Assert.Throws<PasswordHashFormatException>(() => Verify("password", encoded));
        }
    }

    [Fact]
    public void Rfc7914Pbkdf2HmacSha256_MatchesThroughThePasslibFormat()
    {
        // RFC 7914 §11 (dkLen = 64). passlib's sha256 format carries a 32-byte key, which PBKDF2 computes as the
        // first block of the 64-byte output, so each vector's first 32 bytes are checked through the format.
        var vectors = VectorFile.Load("pbkdf2_scrypt.json")["pbkdf2_hmac_sha256_rfc7914"]!["vectors"]!.AsArray();
        Assert.Equal(2, vectors.Count);
        foreach (var v in vectors)
        {
            var dk = VectorFile.Hex(v!["DK_hex"])[..32];
            var salt = Encoding.UTF8.GetBytes((string)v["S"]!);
            var encoded = $"$pbkdf2-sha256${(int)v["c"]!}${HashEncoding.ToAdaptedBase64(salt)}${HashEncoding.ToAdaptedBase64(dk)}";
            Assert.Equal(PasswordVerification.SuccessRehashNeeded, Verify((string)v["P"]!, encoded));
            Assert.Equal(PasswordVerification.Failed, Verify(((string)v["P"]!).ToUpperInvariant(), encoded));
        }
    }

    [Fact]
    public void AspNetIdentityV2AndV3Hashes_VerifyAndAlwaysNeedRehash()
    {
        // dotnet/aspnetcore src/Identity/test/Identity.Test/PasswordHasherTest.cs
        var file = VectorFile.Load("aspnet_identity.json");
        var password = (string)file["password"]!;
        foreach (var v in file["vectors"]!["success"]!.AsArray())
        {
            Assert.Equal(PasswordVerification.SuccessRehashNeeded, Verify(password, (string)v!["hash"]!));
        }

        foreach (var v in file["vectors"]!["failure_must_return_Failed"]!.AsArray())
        {
            var outcome = Record.Exception(() => Assert.Equal(PasswordVerification.Failed, Verify(password, (string)v!["hash"]!)));
            Assert.True(outcome is null or PasswordHashFormatException);
        }
    }
}
