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
                out[path] = {"error_line": errors[0].original.line + lead.count('\n')}
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
        var oracle = RunOracle(DotenvOracle, files);
        var mismatches = new List<string>();
        var rejected = 0;
        foreach (var file in files)
        {
            var expected = oracle[file];
            var name = Path.GetFileName(file);
            try
            {
                var ours = DotenvParser.Parse(PlaintextImporter.ReadText(file), name, Lookup);
                if (expected.TryGetProperty("error_line", out var line))
                {
                    mismatches.Add($"{name}: python-dotenv rejects line {line}, we accepted");
                    continue;
                }

                var theirs = expected.GetProperty("values").EnumerateArray()
                    .Select(p => $"{p[0].GetString()}={(p[1].ValueKind == JsonValueKind.Null ? "<none>" : p[1].GetString())}").ToList();
                var mine = ours.Select(p => $"{p.Key}={p.Value ?? "<none>"}").ToList();
                if (!theirs.SequenceEqual(mine))
                {
                    mismatches.Add($"{name}: python {JsonSerializer.Serialize(theirs)} vs ours {JsonSerializer.Serialize(mine)}");
                }
            }
            catch (ImportFormatException e)
            {
                rejected++;
                if (!expected.TryGetProperty("error_line", out var line))
                {
                    mismatches.Add($"{name}: we reject ({e.Message}), python-dotenv accepts");
                }
                else if (line.GetInt32() != e.Line)
                {
                    mismatches.Add($"{name}: python-dotenv rejects line {line}, we reject line {e.Line}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(rejected >= 4, $"the corpus should hold rejected files too; {rejected} were");
    }

    [Fact]
    public void IniCorpus_MatchesPythonConfigparser_FileByFile()
    {
        var files = Corpus("ini", ".ini");
        Assert.True(files.Length >= 20, $"only {files.Length} .ini files");
        var oracle = RunOracle(IniOracle, files);
        var mismatches = new List<string>();
        var rejected = 0;
        foreach (var file in files)
        {
            var expected = oracle[file];
            var name = Path.GetFileName(file);
            try
            {
                var ours = IniParser.Parse(PlaintextImporter.ReadText(file), name);
                if (expected.TryGetProperty("error", out var error))
                {
                    mismatches.Add($"{name}: configparser raises {error}, we accepted");
                    continue;
                }

                var theirs = JsonSerializer.Serialize(expected.GetProperty("values"));
                var mine = JsonSerializer.Serialize(ours.Select(s => new object[] { s.Key, s.Value.Select(kv => new[] { kv.Key, kv.Value }) }));
                if (theirs != mine)
                {
                    mismatches.Add($"{name}: python {theirs} vs ours {mine}");
                }
            }
            catch (ImportFormatException e)
            {
                rejected++;
                if (!expected.TryGetProperty("error", out _))
                {
                    mismatches.Add($"{name}: we reject ({e.Message}), configparser accepts");
                }
                else if (expected.GetProperty("error_line").ValueKind == JsonValueKind.Number && expected.GetProperty("error_line").GetInt32() != e.Line)
                {
                    mismatches.Add($"{name}: configparser rejects line {expected.GetProperty("error_line")}, we reject line {e.Line}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(rejected >= 6, $"the corpus should hold rejected files too; {rejected} were");
    }
}
