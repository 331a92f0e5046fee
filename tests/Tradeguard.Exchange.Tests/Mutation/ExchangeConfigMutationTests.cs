using Tradeguard.Core.Errors;
using Tradeguard.Exchange.Config;
using Tradeguard.TestSupport;
using Tradeguard.TestSupport.Mutation;

namespace Tradeguard.Exchange.Tests.Mutation;

/// <summary>Exchange configs mutated 10,000 ways from the sample: only the documented error, quickly, never an echoed value.</summary>
public sealed class ExchangeConfigMutationTests : IDisposable
{
    private const string Canary = "CANARYSECRETabcdef0123456789";
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void MutatedExchangeConfigs_FailOnlyWithTheDocumentedError_Quickly()
    {
        var sample = File.ReadAllText(RepoPaths.Samples("exchange-sandbox.json")).Replace("\"ORCL\"", $"\"{Canary}\"", StringComparison.Ordinal);
        string[] tokens = ["\"baseUrl\":", "\"mode\":", "\"exchange\":", "\"symbol\":", "\"interval\":", "\"run\":", "\"recvWindowMs\":",
            "\"pollSeconds\":", "\"startDate\":", "\"name\":", "\"live\"", "\"http://\"", "\"https://u:p@h/\"", "\"api/v3\"", "null", "\"..\"", $"\"{Canary}\""];
        var path = temp.Combine("exchange.json");
        var outcome = MutationRun.Run(Mutator.ForText(1306, [sample], tokens), 10_000, input =>
        {
            File.WriteAllBytes(path, input);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var config = ExchangeRunConfig.Load(path);
            _ = (config.RunPath, config.RunName, config.BaseUrl.GetLeftPart(UriPartial.Authority));
        }, e => e is TradeguardException, TimeSpan.FromSeconds(1), Canary);

        Assert.True(outcome.Problems.Count == 0, MutationRun.Describe(outcome));
        Assert.InRange(outcome.Accepted, 1, outcome.Inputs - 1);
    }
}
