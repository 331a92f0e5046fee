using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Hashing;
using Tradeguard.Identity.Tests.Vectors;

namespace Tradeguard.Identity.Tests.Hashing;

public sealed class PasswordHasherTests
{
    private static StoredPasswordHash Hash(PasswordHasher hasher, string password)
    {
        using var secret = Secret.FromString(password);
        return hasher.Hash(secret);
    }

    private static PasswordVerification Verify(PasswordHasher hasher, string password, StoredPasswordHash stored)
    {
        using var secret = Secret.FromString(password);
        return hasher.Verify(secret, stored);
    }

    [Fact]
    public void PlainBcrypt_Refuses73ByteAsciiAnd37TwoByteCharacters_NeverTruncating()
    {
        var bcrypt = Cheap.Hasher(PasswordAlgorithm.Bcrypt);
        var ascii = Assert.Throws<PasswordRejectedException>(() => Hash(bcrypt, new string('a', 73)));
        Assert.StartsWith("The password is 73 bytes in UTF-8; bcrypt reads only the first 72", ascii.Message);
        var twoByte = Assert.Throws<PasswordRejectedException>(() => Hash(bcrypt, new string('é', 37)));
        Assert.StartsWith("The password is 74 bytes", twoByte.Message);

        // A hash of the 72-byte prefix (what a truncating library stores) does not accept the 73-byte password.
        var prefix = Hash(bcrypt, new string('a', 72));
        Assert.Equal(PasswordVerification.Success, Verify(bcrypt, new string('a', 72), prefix));
        Assert.Equal(PasswordVerification.Failed, Verify(bcrypt, new string('a', 73), prefix));
        Assert.Throws<PasswordRejectedException>(() => Hash(bcrypt, "pass\0word"));
    }

    [Fact]
    public void BcryptSha256_TakesLongAndNulPasswords_AndTellsThemApart()
    {
        var hasher = Cheap.Hasher(PasswordAlgorithm.BcryptSha256);
        var long73 = Hash(hasher, new string('a', 73));
        Assert.StartsWith("$bcrypt-sha256$v=2,t=2b,r=4$", long73.Encoded);
        Assert.Equal(PasswordVerification.Success, Verify(hasher, new string('a', 73), long73));
        Assert.Equal(PasswordVerification.Failed, Verify(hasher, new string('a', 72), long73));
        var nul = Hash(hasher, "pass\0word");
        Assert.Equal(PasswordVerification.Failed, Verify(hasher, "pass", nul));
        Assert.Equal(PasswordVerification.Success, Verify(hasher, "pass\0word", nul));
    }

    [Fact]
    public void NeedsRehash_WhenAlgorithmOrCostIsBelowTheCurrentOptions()
    {
        var current = new PasswordHasher(Cheap.Options() with { Argon2MemoryKiB = 512, Argon2Iterations = 2 });
        Assert.False(current.NeedsRehash(Hash(current, "pw")));
        Assert.True(current.NeedsRehash(Hash(Cheap.Hasher(), "pw")));                                 // m=256, t=1
        Assert.True(current.NeedsRehash(Hash(Cheap.Hasher(PasswordAlgorithm.Bcrypt), "pw")));        // other algorithm
        var bcrypt12 = new PasswordHasher(Cheap.Options(PasswordAlgorithm.Bcrypt) with { BcryptCost = 5 });
        Assert.True(bcrypt12.NeedsRehash(Hash(Cheap.Hasher(PasswordAlgorithm.Bcrypt), "pw")));       // cost 4 < 5
        Assert.False(bcrypt12.NeedsRehash(Hash(bcrypt12, "pw")));
        var imported = StoredPasswordHash.Imported(Hash(current, "pw").Encoded);
        Assert.True(current.NeedsRehash(imported));                                                   // no NFC record
    }

    [Fact]
    public void Defaults_MeetOwaspMinimums_AndArgon2idDefaultHashesAsDocumented()
    {
        // OWASP Password Storage Cheat Sheet (vectors/kdf_policy_params.json).
        var owasp = VectorFile.Load("kdf_policy_params.json")["owasp_password_storage_2026"]!;
        var d = HashingOptions.Default;
        Assert.Contains(owasp["argon2id_equivalent_minimums"]!.AsArray(),
            m => d.Argon2Iterations >= (int)m!["t"]! && d.Argon2MemoryKiB >= (int)m["m_kib"]!);
        Assert.True(d.BcryptCost >= (int)owasp["bcrypt"]!["min_cost"]!);
        Assert.Equal((int)owasp["pbkdf2_iterations"]!["HMAC-SHA256"]!, d.Pbkdf2Iterations);

        var stored = Hash(new PasswordHasher(), "correct horse");
        Assert.Matches(@"^\$argon2id\$v=19\$m=65536,t=3,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$", stored.Encoded);
        Assert.Equal(PasswordVerification.Success, Verify(new PasswordHasher(), "correct horse", stored));
    }

    [Fact]
    public void SaltsAreFresh_AndHashesNeverEqualForTheSamePassword()
    {
        var hasher = Cheap.Hasher(PasswordAlgorithm.Pbkdf2Sha256);
        var a = Hash(hasher, "same");
        var b = Hash(hasher, "same");
        Assert.NotEqual(a.Encoded, b.Encoded);
        Assert.Matches(@"^\$pbkdf2-sha256\$1000\$[./A-Za-z0-9]{22}\$[./A-Za-z0-9]{43}$", a.Encoded);
    }

    [Fact]
    public void UnknownFormat_IsAnIntegrityFailure_ThatNamesNoSecret()
    {
        var e = Assert.Throws<PasswordHashFormatException>(() => Verify(Cheap.Hasher(), "pw", StoredPasswordHash.Imported("5f4dcc3b5aa765d61d8327deb882cf99")));
        Assert.Equal(Core.Errors.ExitCode.IntegrityFailure, e.ExitCode);
        Assert.DoesNotContain("5f4dcc3b", e.Message);
        Assert.Null(PasswordHasher.Identify("5f4dcc3b5aa765d61d8327deb882cf99"));
        Assert.Equal("bcrypt-sha256", PasswordHasher.Identify("$bcrypt-sha256$v=2,t=2b,r=12$n79VH.0Q2TMWmt3Oqt9uku$Kq4Noyk3094Y2QlB8NdRT8SvGiI4ft2"));
    }
}
