namespace Tradeguard.Core.Secrets;

/// <summary>
/// zxcvbn's estimate of how guessable a password or phrase is (Dropbox's algorithm, Wheeler 2016, through the
/// zxcvbn-core port), from one shared estimator. A new <c>Zxcvbn.Zxcvbn</c> rebuilds its ranked dictionaries from the
/// embedded word lists on first use, about 35 ms a call against 1.4 ms for a reused one: the scanner judged each value
/// of a test file with a fresh one and spent 116 s on this repository's tests folder.
/// </summary>
public static class PasswordStrength
{
    // One estimator, one caller at a time: the port does not document its matchers as thread-safe, and a call on a
    // reused estimator is short enough that the scanner's workers rarely wait.
    private static readonly Lazy<Zxcvbn.Zxcvbn> Estimator = new(() => new Zxcvbn.Zxcvbn());
    private static readonly Lock Gate = new();

    /// <summary>
    /// The estimate for <paramref name="text"/>: <c>Score</c> from 0 (guessable in under 10^3 tries) to 4 (over
    /// 10^10), <c>Guesses</c>, <c>CrackTimeDisplay</c>.
    /// </summary>
    /// <param name="text">The password or phrase.</param>
    /// <param name="userInputs">Words that count as trivially guessable for this user (name, e-mail, site terms); used
    /// for this call only.</param>
    public static Zxcvbn.Result Evaluate(string text, IEnumerable<string>? userInputs = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var inputs = userInputs?.ToList();
        lock (Gate)
        {
            return Estimator.Value.EvaluatePassword(text, inputs);
        }
    }
}
