using System.Diagnostics;
using System.Text;

namespace Tradeguard.TestSupport.Mutation;

/// <summary>
/// Feeds a parser the inputs of a <see cref="Mutator"/> and collects what breaks its contract: an exception other than
/// the documented one, or an input that takes longer than the limit. The report names the input's index and bytes
/// (base64), so a failure replays from the seed or from the bytes alone.
/// </summary>
public static class MutationRun
{
    /// <summary>What a run found.</summary>
    /// <param name="Inputs">How many inputs were tried.</param>
    /// <param name="Accepted">How many parsed without an error.</param>
    /// <param name="Problems">Each contract break, described.</param>
    /// <param name="Slowest">The longest time one input took.</param>
    public sealed record Outcome(int Inputs, int Accepted, IReadOnlyList<string> Problems, TimeSpan Slowest);

    /// <param name="mutator">The inputs.</param>
    /// <param name="count">How many to try.</param>
    /// <param name="parse">The parser under test, given the input's bytes.</param>
    /// <param name="documented">True for an exception the parser documents (then its message is checked too).</param>
    /// <param name="perInputLimit">The most one input may take.</param>
    /// <param name="forbiddenInMessage">Text no error message may contain (a secret-shaped value planted in the examples).</param>
    public static Outcome Run(Mutator mutator, int count, Action<byte[]> parse, Func<Exception, bool> documented,
        TimeSpan perInputLimit, string? forbiddenInMessage = null)
    {
        var problems = new List<string>();
        var accepted = 0;
        var slowest = TimeSpan.Zero;
        var watch = new Stopwatch();
        try
        {
            // The first call pays for JIT compilation and type loading, which no later input does.
            parse(mutator.FirstExample);
        }
        catch (Exception e) when (documented(e))
        {
        }

        for (var i = 0; i < count; i++)
        {
            var input = mutator.Next();
            watch.Restart();
            try
            {
                parse(input);
                accepted++;
            }
            catch (Exception e) when (documented(e))
            {
                if (forbiddenInMessage is not null && e.Message.Contains(forbiddenInMessage, StringComparison.Ordinal))
                {
                    problems.Add($"#{i}: the message echoes a value: {e.Message} (input {Convert.ToBase64String(input)})");
                }
            }
            catch (Exception e)
            {
                problems.Add($"#{i}: {e.GetType().Name}: {e.Message} (input {Convert.ToBase64String(input)})");
            }

            watch.Stop();
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            if (watch.Elapsed > perInputLimit)
            {
                problems.Add($"#{i}: took {watch.Elapsed.TotalMilliseconds:0} ms (input {Convert.ToBase64String(input)})");
            }

            if (problems.Count >= 5)
            {
                break;
            }
        }

        return new Outcome(count, accepted, problems, slowest);
    }

    /// <summary>The problems, one per line, for an assertion message.</summary>
    public static string Describe(Outcome outcome) =>
        new StringBuilder().AppendJoin('\n', outcome.Problems).ToString();
}
