using System.Text.Json;
using Tradeguard.TestSupport;
using Tradeguard.Vault.Import;
using Tradeguard.Vault.Import.Dotenv;
using Tradeguard.Vault.Import.Ini;

namespace Tradeguard.Vault.Tests.Interop;

/// <summary>
/// Each file of the corpus (Fixtures/dotenv, Fixtures/ini) parsed by our importers and by the real Python libraries
/// (Debian's python3-dotenv 0.21 and CPython's configparser): identical key → value results, and files they reject
/// we reject at the same line.
/// </summary>
public sealed class ImportParityTests
{
    private static readonly Dictionary<string, string?> Environment = new() { ["TG_TEST_VAR"] = "from-env", ["TG_NOPE"] = null };

    private const string DotenvOracle = """
        import sys, json
        from dotenv import dotenv_values
        from dotenv.parser import parse_stream
        out = {}
        for path in sys.argv[1:]:
            with open(path, encoding='utf-8') as f:
                errors = [b for b in parse_stream(f) if b.error]
            if errors:
                s = errors[0].original.string
                lead = s[:len(s) - len(s.lstrip())]
                out[path] = {"error": "parse error", "error_line": errors[0].original.line + lead.count('\n')}
            else:
                out[path] = {"values": [[k, v] for k, v in dotenv_values(path).items()]}
        print(json.dumps(out))
        """;

    private const string IniOracle = """
        import sys, json, configparser
        out = {}
        for path in sys.argv[1:]:
            cp = configparser.ConfigParser()
            try:
                cp.read(path, encoding='utf-8')
                res = [["DEFAULT", [[k, v] for k, v in cp.items("DEFAULT")]]]
                for s in cp.sections():
                    res.append([s, [[k, v] for k, v in cp.items(s)]])
                out[path] = {"values": res}
            except configparser.Error as e:
                line = getattr(e, 'lineno', None)
                if line is None and getattr(e, 'errors', None):
                    line = e.errors[0][0]
                out[path] = {"error": type(e).__name__, "error_line": line}
        print(json.dumps(out))
        """;

    private static string Lookup(string name) =>
        Environment.TryGetValue(name, out var v) ? v! : System.Environment.GetEnvironmentVariable(name)!;

    private static Dictionary<string, JsonElement> RunOracle(string script, string[] files)
    {
        var result = ChildProcess.Run(Python.Interpreter, ["-c", script, .. files], env: Environment);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(result.Stdout)!;
    }

    private static string[] Corpus(string folder, string extension) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", folder), "*" + extension).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void DotenvCorpus_MatchesPythonDotenv_FileByFile()
    {
        var files = Corpus("dotenv", ".env");
        Assert.True(files.Length >= 30, $"only {files.Length} .env files");
        AssertParity("python-dotenv", DotenvOracle, files, minimumRejected: 4, (file, name) =>
            JsonSerializer.Serialize(DotenvParser.Parse(PlaintextImporter.ReadText(file), name, Lookup).Select(p => new[] { p.Key, p.Value })));
    }

    [Fact]
    public void IniCorpus_MatchesPythonConfigparser_FileByFile()
    {
        var files = Corpus("ini", ".ini");
        Assert.True(files.Length >= 20, $"only {files.Length} .ini files");
        AssertParity("configparser", IniOracle, files, minimumRejected: 6, (file, name) =>
            JsonSerializer.Serialize(IniParser.Parse(PlaintextImporter.ReadText(file), name)
                .Select(s => new object[] { s.Key, s.Value.Select(kv => new[] { kv.Key, kv.Value }) })));
    }

    /// <summary>
    /// Every file parsed by <paramref name="ours"/> (returning the values as JSON in the oracle's layout) and by the
    /// oracle: the same values, or both reject it, at the same line when the oracle names one.
    /// </summary>
    private static void AssertParity(string tool, string oracleScript, string[] files, int minimumRejected, Func<string, string, string> ours)
    {
        var oracle = RunOracle(oracleScript, files);
        var mismatches = new List<string>();
        var rejected = 0;
        foreach (var file in files)
        {
            var expected = oracle[file];
            var name = Path.GetFileName(file);
            var error = expected.TryGetProperty("error", out var e) ? e.GetString() : null;
            int? errorLine = expected.TryGetProperty("error_line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : null;
            try
            {
                var mine = ours(file, name);
                if (error is not null)
                {
                    mismatches.Add($"{name}: {tool} rejects it ({error}, line {errorLine?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}), we accepted");
                    continue;
                }

                var theirs = JsonSerializer.Serialize(expected.GetProperty("values"));
                if (theirs != mine)
                {
                    mismatches.Add($"{name}: python {theirs} vs ours {mine}");
                }
            }
            catch (ImportFormatException ex)
            {
                rejected++;
                if (error is null)
                {
                    mismatches.Add($"{name}: we reject ({ex.Message}), {tool} accepts");
                }
                else if (errorLine is { } line && line != ex.Line)
                {
                    mismatches.Add($"{name}: {tool} rejects line {line}, we reject line {ex.Line}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(rejected >= minimumRejected, $"the corpus should hold rejected files too; {rejected} were");
    }
}
