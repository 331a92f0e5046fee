namespace Tradeguard.Identity.Policy;

/// <summary>The result of <see cref="PasswordPolicy.Check"/>: every rule checked, and the estimated strength.</summary>
/// <param name="Mode">The rule set applied.</param>
/// <param name="Rules">Every rule checked, in a fixed order, passed or not.</param>
/// <param name="Score">zxcvbn score 0 (too guessable) to 4 (very unguessable).</param>
/// <param name="CrackTime">zxcvbn's estimate of the time to guess it, in words (e.g. <c>centuries</c>).</param>
public sealed record PolicyReport(PasswordPolicyMode Mode, IReadOnlyList<PolicyRuleResult> Rules, int Score, string CrackTime)
{
    /// <summary>True when every rule passed.</summary>
    public bool Passed => Rules.All(r => r.Passed);

    /// <summary>The rules that failed.</summary>
    public IEnumerable<PolicyRuleResult> Failures => Rules.Where(r => !r.Passed);
}
