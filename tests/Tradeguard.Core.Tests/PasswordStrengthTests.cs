using Tradeguard.Core.Secrets;

namespace Tradeguard.Core.Tests;

/// <summary>
/// The shared estimator gives what a fresh zxcvbn-core estimator gives, call after call, with and without user inputs:
/// a user input of one call (a name) must not make a later call's password weaker.
/// </summary>
public sealed class PasswordStrengthTests
{
    private static readonly (string Text, string[]? Inputs)[] Calls =
    [
        ("correcthorsebatterystaple", null),
        ("alice1987", ["alice", "alice@example.org"]),
        ("alice1987", null),
        ("Tr0ub4dour&3", ["troubadour"]),
        ("Tr0ub4dour&3", null),
        ("binance-sma-bot", ["binance"]),
        ("binance-sma-bot", null),
        ("qX7#vL2m!pR9zK4w", null),
        ("", null),
        ("somethingrandom", ["something"]),
    ];

    [Fact]
    public void SharedEstimator_MatchesAFreshOne_ForEveryCall_InOrder()
    {
        foreach (var (text, inputs) in Calls)
        {
            var fresh = new Zxcvbn.Zxcvbn().EvaluatePassword(text, inputs);
            var shared = PasswordStrength.Evaluate(text, inputs);
            Assert.Equal((fresh.Score, fresh.Entropy, fresh.CrackTimeDisplay), (shared.Score, shared.Entropy, shared.CrackTimeDisplay));
        }
    }

    [Fact]
    public async Task SharedEstimator_FromManyThreads_GivesTheSameScores()
    {
        var expected = Calls.Select(c => new Zxcvbn.Zxcvbn().EvaluatePassword(c.Text, c.Inputs).Entropy).ToArray();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Calls.Select(c => PasswordStrength.Evaluate(c.Text, c.Inputs).Entropy).ToArray())));
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
