using System.Text;
using Tradeguard.Core.Errors;
using Tradeguard.TestSupport;
using Tradeguard.TestSupport.Mutation;
using Tradeguard.Trading.Config;

namespace Tradeguard.Trading.Tests.Config;

/// <summary>Run configs mutated 10,000 ways from the sample: only the documented error, never a slow input, never an echoed value.</summary>
public sealed class RunConfigMutationTests
{
    private const string Canary = "CANARYSECRETabcdef0123456789";

    [Fact]
    public void MutatedRunConfigs_FailOnlyWithTheDocumentedError_Quickly()
    {
        var sample = File.ReadAllText(RepoPaths.Samples("sma-cross-orcl.json")).Replace("\"ORCL\"", $"\"{Canary}\"", StringComparison.Ordinal);
        string[] tokens = ["\"data\":", "\"file\":", "\"from\":", "\"to\":", "\"cash\":", "\"value\":", "\"model\":", "\"percent\"", "\"fixed\"",
            "\"percent-of-equity\"", "\"per-unit\"", "\"exits\":", "\"stopLoss\":", "\"trailing\":", "\"parameters\":", "\"period\":",
            "\"riskFreeRate\":", "\"name\":", "\"strategy\":", "\"maxPosition\":", "/*", "//", "\"\\u0000\"", $"\"{Canary}\""];
        var outcome = MutationRun.Run(Mutator.ForText(1301, [sample], tokens), 10_000, input =>
            RunConfigLoader.Parse(Encoding.UTF8.GetString(input), "/configs/run.json"), e => e is TradeguardException, TimeSpan.FromSeconds(1), Canary);

        Assert.True(outcome.Problems.Count == 0, MutationRun.Describe(outcome));
        Assert.InRange(outcome.Accepted, 1, outcome.Inputs - 1);
    }
}
