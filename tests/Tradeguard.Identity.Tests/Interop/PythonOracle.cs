using System.Text.Json;
using System.Text.Json.Nodes;
using Tradeguard.TestSupport;

namespace Tradeguard.Identity.Tests.Interop;

/// <summary>
/// Debian's python3-passlib 1.7.4, python3-bcrypt 3.2.2 and python3-argon2 21.1 as oracles, called once per batch.
/// Passwords travel as base64 of their UTF-8 bytes so NUL and any code point survive the pipe.
/// </summary>
internal static class PythonOracle
{
    private const string Script = """
        import sys, json, base64
        import bcrypt as pyca
        import argon2
        from argon2.exceptions import VerifyMismatchError
        from passlib.hash import bcrypt as pl_bcrypt, bcrypt_sha256 as pl_bsha, pbkdf2_sha256 as pl_pbkdf2, argon2 as pl_argon2

        def attempt(f):
            try:
                return f()
            except Exception as e:
                return "ERROR:" + type(e).__name__

        def cffi_verify(h, pw):
            try:
                return argon2.PasswordHasher().verify(h, pw)
            except VerifyMismatchError:
                return False

        req = json.load(sys.stdin)
        out = []
        if req["mode"] == "hash":
            for p in req["passwords"]:
                pw = base64.b64decode(p)
                out.append({
                    "passlib_bcrypt": attempt(lambda: pl_bcrypt.using(rounds=4).hash(pw)),
                    "passlib_bcrypt_sha256": attempt(lambda: pl_bsha.using(rounds=4).hash(pw)),
                    "passlib_pbkdf2_sha256": attempt(lambda: pl_pbkdf2.using(rounds=1000).hash(pw)),
                    "passlib_argon2": attempt(lambda: pl_argon2.using(memory_cost=256, rounds=1, parallelism=2).hash(pw)),
                    "pyca_bcrypt": attempt(lambda: pyca.hashpw(pw, pyca.gensalt(4)).decode()),
                    "argon2_cffi": attempt(lambda: argon2.PasswordHasher(time_cost=1, memory_cost=256, parallelism=1).hash(pw)),
                })
        else:
            for item in req["items"]:
                pw = base64.b64decode(item["password"])
                h = item["hash"]
                k = item["kind"]
                if k == "argon2":
                    r = [pl_argon2.verify(pw, h), cffi_verify(h, pw)]
                elif k == "bcrypt":
                    r = [pl_bcrypt.verify(pw, h), pyca.checkpw(pw, h.encode())]
                elif k == "bcrypt_sha256":
                    r = [pl_bsha.verify(pw, h)]
                else:
                    r = [pl_pbkdf2.verify(pw, h)]
                out.append(r)
        json.dump(out, sys.stdout)
        """;

    /// <summary>Per password, the hash each Python implementation made (or "ERROR:&lt;exception type&gt;").</summary>
    public static IReadOnlyList<Dictionary<string, string>> Hash(IEnumerable<byte[]> passwords)
    {
        var request = new JsonObject
        {
            ["mode"] = "hash",
            ["passwords"] = new JsonArray(passwords.Select(p => (JsonNode)Convert.ToBase64String(p)).ToArray()),
        };
        return JsonSerializer.Deserialize<List<Dictionary<string, string>>>(Python.Run(Script, request.ToJsonString()))!;
    }

    /// <summary>Per item, whether each Python verifier accepted (passlib first, then pyca/argon2-cffi where both exist).</summary>
    public static IReadOnlyList<bool[]> Verify(IEnumerable<(byte[] Password, string Hash, string Kind)> items)
    {
        var request = new JsonObject
        {
            ["mode"] = "verify",
            ["items"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject
            {
                ["password"] = Convert.ToBase64String(i.Password),
                ["hash"] = i.Hash,
                ["kind"] = i.Kind,
            }).ToArray()),
        };
        return JsonSerializer.Deserialize<List<bool[]>>(Python.Run(Script, request.ToJsonString()))!;
    }
}
