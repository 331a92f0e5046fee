using Tradeguard.TestSupport;

namespace Tradeguard.Identity.Tests.Cli;

/// <summary>The real <c>tradeguard password …</c> commands as a child process.</summary>
public sealed class PasswordCliTests : IDisposable
{
    private readonly TempFolder _home = new();

    private ProcessResult Cli(string? stdin, params string[] args) => TradeguardCli.Run(args, stdin, new Dictionary<string, string?>
    {
        ["TRADEGUARD_HOME"] = _home.Path,
        ["TRADEGUARD_PASSWORD"] = null,
        ["TRADEGUARD__Identity__PasswordPolicy"] = null,
    });

    [Fact]
    public void Check_SeedSamplePassword_PrintsEachRuleAndExitsOne()
    {
        var r = Cli("P@$$wOrd\n", "password", "check");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("FAIL  length     At least 12 characters: it has 8.", r.Stdout);
        Assert.Contains("FAIL  digit      Contains a digit: it has none.", r.Stdout);
        Assert.Contains("pass  uppercase  Contains an upper-case letter.", r.Stdout);
        Assert.Contains("FAIL  common", r.Stdout);
        Assert.Contains("Estimated strength: ", r.Stdout);
        Assert.Contains("The password does not meet the policy (4 rules failed).", r.Stdout);
        Assert.DoesNotContain("P@$$wOrd", r.AllOutput);
    }

    [Fact]
    public void Check_NistPolicy_AcceptsALongPassphraseWithoutSymbols()
    {
        var r = Cli("quietly purple otter\n", "password", "check", "--policy", "nist");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Policy: nist", r.Stdout);
        Assert.Equal(2, Cli("x\n", "password", "check", "--policy", "lax").ExitCode);
    }

    [Fact]
    public void Generate_PrintsOnlyThePassword_WithTheRequestedShape()
    {
        var chars = Cli(null, "password", "generate", "--length", "16");
        Assert.Equal(0, chars.ExitCode);
        Assert.Equal(16, chars.Stdout.TrimEnd('\n').Length);
        Assert.Contains("bits of entropy", chars.Stderr);
        var words = Cli(null, "password", "generate", "--words", "5");
        Assert.Equal(6, words.Stdout.TrimEnd('\n').Split('-').Length);
        Assert.Equal(2, Cli(null, "password", "generate", "--words", "5", "--length", "20").ExitCode);
        Assert.Equal(2, Cli(null, "password", "generate", "--length", "8").ExitCode);
    }

    [Fact]
    public void HashThenVerify_RoundTripsThroughPasslib_AndWrongPasswordsExitThree()
    {
        var hash = Cli("correct horse\n", "password", "hash", "--algorithm", "bcrypt", "--cost", "4");
        Assert.Equal(0, hash.ExitCode);
        var encoded = hash.Stdout.Trim();
        Assert.Matches(@"^\$2b\$04\$[./A-Za-z0-9]{53}$", encoded);
        Assert.Equal("True", Python.Run("import sys; from passlib.hash import bcrypt; print(bcrypt.verify('correct horse', sys.argv[1]))", null, encoded).Trim());

        var passlib = Python.Run("from passlib.hash import pbkdf2_sha256; print(pbkdf2_sha256.using(rounds=1000).hash('correct horse'))").Trim();
        var ok = Cli(passlib + "\ncorrect horse\n", "password", "verify");
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("match\nnote: this pbkdf2 hash is weaker than the default (Argon2id m=65536 KiB, t=3); re-hash it.\n", ok.Stdout);
        var wrong = Cli("wrong horse\n", "password", "verify", passlib);
        Assert.Equal(3, wrong.ExitCode);
        Assert.Equal("no match\n", wrong.Stdout);
    }

    [Fact]
    public void Hash_PlainBcrypt_RefusesA73BytePassword_InsteadOfTruncating()
    {
        var r = Cli(new string('a', 73) + "\n", "password", "hash", "--algorithm", "bcrypt", "--cost", "4");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("73 bytes", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Hash_DefaultArgon2id_UsesTheDocumentedParameters()
    {
        var r = Cli("correct horse\n", "password", "hash");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^\$argon2id\$v=19\$m=65536,t=3,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$", r.Stdout.Trim());
        var checkedByCffi = Python.Run("import sys, argon2; print(argon2.PasswordHasher().verify(sys.argv[1], 'correct horse'))", null, r.Stdout.Trim());
        Assert.Equal("True", checkedByCffi.Trim());
    }

    public void Dispose() => _home.Dispose();
}
