using Tradeguard.TestSupport;

namespace Tradeguard.Audit.Tests;

/// <summary>
/// The canonical form of docs/audit.md, implemented independently with Python's standard library (sqlite3, hmac,
/// json), re-derives every MAC and the checkpoint tag: the document is enough to verify a log without Tradeguard.
/// </summary>
public class PythonOracleTests
{
    private const string Verifier = """
        import hashlib, hmac, json, sqlite3, struct, sys
        key = bytes.fromhex(sys.stdin.readline().strip())
        db, checkpoint = sys.argv[1], sys.argv[2]
        def s(text):
            b = text.encode("utf-8")
            return struct.pack(">I", len(b)) + b
        prev = bytes(32)
        n = 0
        for seq, t, actor, action, target, outcome, reason, details, mac in sqlite3.connect(db).execute(
                "SELECT seq, time_us, actor, action, target, outcome, reason, details, mac FROM audit_record ORDER BY seq"):
            pairs = json.loads(details, object_pairs_hook=list)
            msg = s("tradeguard.audit.record.v1") + struct.pack(">qq", seq, t)
            msg += s(actor) + s(action) + s(target) + s(outcome) + s(reason) + struct.pack(">I", len(pairs))
            for k, v in pairs:
                msg += s(k) + s(v)
            msg += prev
            if not hmac.compare_digest(hmac.new(key, msg, hashlib.sha256).digest(), mac):
                print("bad", seq); sys.exit(0)
            prev, n = mac, n + 1
        cp = json.load(open(checkpoint))
        tag = hmac.new(key, s("tradeguard.audit.checkpoint.v1") + struct.pack(">q", cp["sequence"]) + bytes.fromhex(cp["mac"]), hashlib.sha256).hexdigest()
        print("ok", n, prev.hex(), "checkpoint", cp["sequence"], tag == cp["tag"])
        """;

    [Fact]
    public void PythonStandardLibrary_VerifiesTheChainFromTheDocumentedForm()
    {
        using var log = new AuditTestLog();
        log.Write(24);
        using (var audit = log.Open())
        {
            audit.Record(new Core.Audit.AuditEvent("telegram:123456789", "telegram.command", "/kill — ünïcödé 📈",
                Core.Audit.AuditOutcome.Denied, "not linked", new Dictionary<string, string> { ["chat"] = "\"quoted\"\n", ["é"] = "ß" }));
        }

        using var key = log.Vault.TryGet(AuditKey.Reference)!;
        var hex = key.Use(b => Convert.ToHexStringLower(b));
        var last = Convert.ToHexStringLower(log.Query<byte[]>("SELECT mac FROM audit_record WHERE seq = 25"));

        var output = Python.Run(Verifier, hex + "\n", log.Paths.Database, log.Paths.Checkpoint);

        Assert.Equal($"ok 25 {last} checkpoint 25 True\n", output);
    }

    [Fact]
    public void PythonStandardLibrary_RejectsAnAlteredRecord()
    {
        using var log = new AuditTestLog();
        log.Write(5);
        log.Tamper("UPDATE audit_record SET target = 'ORCL' WHERE seq = 4");
        using var key = log.Vault.TryGet(AuditKey.Reference)!;

        var output = Python.Run(Verifier, key.Use(b => Convert.ToHexStringLower(b)) + "\n", log.Paths.Database, log.Paths.Checkpoint);

        Assert.Equal("bad 4\n", output);
    }
}
