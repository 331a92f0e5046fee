using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Hashing;

namespace Tradeguard.Benchmarks;

/// <summary>
/// Password verification at the production defaults against Debian's python3-argon2 (argon2-cffi, libargon2) and
/// python3-bcrypt in the same run. The Python side runs in one long-lived process answering over a pipe, so each
/// call costs one verification plus a line of IPC (microseconds, against 50-500 ms of hashing).
/// Goals (issue 4): Argon2id within 1.2× of argon2-cffi, bcrypt cost 12 within 1.3× of pyca/bcrypt.
/// </summary>
[MemoryDiagnoser]
public class IdentityBenchmarks
{
    private const string Password = "correct horse battery staple";
    private readonly PasswordHasher _argon2 = new();
    private readonly PasswordHasher _bcrypt = new(HashingOptions.Default with { Algorithm = PasswordAlgorithm.Bcrypt });
    private Secret _password = null!;
    private StoredPasswordHash _argon2Hash = null!;
    private StoredPasswordHash _bcryptHash = null!;
    private Process _python = null!;

    [GlobalSetup]
    public void Setup()
    {
        _password = Secret.FromString(Password);
        _argon2Hash = _argon2.Hash(_password);
        _bcryptHash = _bcrypt.Hash(_password);
        var info = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-u");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("""
            import sys, argon2, bcrypt
            ph = argon2.PasswordHasher()
            for line in sys.stdin:
                kind, h, pw = line.rstrip("\n").split("\t")
                ok = ph.verify(h, pw) if kind == "argon2" else bcrypt.checkpw(pw.encode(), h.encode())
                print("1" if ok else "0")
            """);
        _python = Process.Start(info)!;
        if (!PythonVerify("argon2", _argon2Hash.Encoded) || !PythonVerify("bcrypt", _bcryptHash.Encoded))
        {
            throw new InvalidOperationException("python3-argon2 / python3-bcrypt did not verify Tradeguard's hashes");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _python.StandardInput.Close();
        _python.WaitForExit(5000);
        _python.Dispose();
        _password.Dispose();
    }

    [Benchmark(Description = "Argon2id verify m=65536 t=3 p=1 (Tradeguard, NSec/libsodium)")]
    public PasswordVerification Argon2idTradeguard() => _argon2.Verify(_password, _argon2Hash);

    [Benchmark(Description = "Argon2id verify m=65536 t=3 p=1 (python3-argon2)")]
    public bool Argon2idPython() => PythonVerify("argon2", _argon2Hash.Encoded);

    [Benchmark(Description = "bcrypt cost 12 verify (Tradeguard, BCrypt.Net-Next)")]
    public PasswordVerification BcryptTradeguard() => _bcrypt.Verify(_password, _bcryptHash);

    [Benchmark(Description = "bcrypt cost 12 verify (python3-bcrypt)")]
    public bool BcryptPython() => PythonVerify("bcrypt", _bcryptHash.Encoded);

    private bool PythonVerify(string kind, string hash)
    {
        _python.StandardInput.WriteLine($"{kind}\t{hash}\t{Password}");
        return _python.StandardOutput.ReadLine() == "1";
    }
}
