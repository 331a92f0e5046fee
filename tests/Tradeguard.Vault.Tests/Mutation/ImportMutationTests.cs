using Tradeguard.Core.Errors;
using Tradeguard.TestSupport;
using Tradeguard.TestSupport.Mutation;
using Tradeguard.Vault.Import;

namespace Tradeguard.Vault.Tests.Mutation;

/// <summary>
/// <c>.env</c> and INI files mutated 10,000 ways each: the importer fails only with a <see cref="TradeguardException"/>
/// (exit 4 for a malformed file), quickly, and its messages never quote a value from the file (they may name a key or
/// a section, which the examples keep free of the planted value).
/// </summary>
public sealed class ImportMutationTests : IDisposable
{
    private const string Canary = "CANARYSECRETabcdef0123456789";
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private MutationRun.Outcome Run(int seed, ImportFormat format, string[] examples, string[] tokens)
    {
        var path = temp.Combine(format == ImportFormat.Dotenv ? "mutated.env" : "mutated.ini");
        return MutationRun.Run(Mutator.ForText(seed, examples, tokens), 10_000, input =>
        {
            File.WriteAllBytes(path, input);
            PlaintextImporter.Plan(path, format, "binance", _ => null);
        }, e => e is TradeguardException, TimeSpan.FromSeconds(1), Canary);
    }

    [Fact]
    public void MutatedDotenvFiles_FailOnlyWithTheDocumentedError_Quickly()
    {
        string[] examples =
        [
            $"# keys\nBINANCE_API_KEY={Canary}\nexport BINANCE_API_SECRET='{Canary}'\nURL=\"https://x/${{BINANCE_API_KEY}}\"\nEMPTY=\nBARE\n",
            $"A=\"multi\nline {Canary}\"\nB=${{A:-default}} # comment\n'C'=\"\\t\\n\\\"{Canary}\\\\\"\n",
        ];
        string[] tokens = ["=", "\"", "'", "${", "}", ":-", "export ", "#", "\\", "\n", "\r", " ", "${A}", "${UNSET:-x}"];
        var outcome = Run(1303, ImportFormat.Dotenv, examples, tokens);
        Assert.True(outcome.Problems.Count == 0, MutationRun.Describe(outcome));
        Assert.InRange(outcome.Accepted, 1, outcome.Inputs - 1);
    }

    [Fact]
    public void MutatedIniFiles_FailOnlyWithTheDocumentedError_Quickly()
    {
        string[] examples =
        [
            $"[binance]\napi_key = {Canary}\napi_secret: {Canary}\n; comment\n\n[telegram]\nbot_token = 123:{Canary}\n  continued line\n",
            $"[DEFAULT]\nshared = {Canary}\n[a]\nx = %(shared)s\n# c\n[b]\ny=1\n",
        ];
        string[] tokens = ["[", "]", "=", ":", ";", "#", "\n", "\n  ", "[DEFAULT]", "%(", ")s", "%%", "[a]"];
        var outcome = Run(1304, ImportFormat.Ini, examples, tokens);
        Assert.True(outcome.Problems.Count == 0, MutationRun.Describe(outcome));
        Assert.InRange(outcome.Accepted, 1, outcome.Inputs - 1);
    }
}
