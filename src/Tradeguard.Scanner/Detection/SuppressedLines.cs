using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Detection;

/// <summary>
/// The inline suppressions (<see cref="InlineSuppression"/>) of one text's lines, each line read once per rule: a
/// minified line can hold hundreds of findings, and reading its megabytes again for each one cost seconds.
/// </summary>
internal sealed class SuppressedLines(LineIndex lines)
{
    private readonly Dictionary<(int Line, string RuleId), bool> _byRule = [];
    private readonly Dictionary<int, bool> _everySecret = [];

    /// <summary>True when 1-based line <paramref name="line"/> allows <paramref name="rule"/>'s findings, by id or, for a secret rule, all secrets.</summary>
    public bool Allow(int line, ScanRule rule)
    {
        if (!_byRule.TryGetValue((line, rule.Id), out var allowed))
        {
            _byRule[(line, rule.Id)] = allowed = InlineSuppression.Allows(lines.LineText(line), rule.Id);
        }

        if (allowed || rule.Kind != RuleKind.Secret)
        {
            return allowed;
        }

        if (!_everySecret.TryGetValue(line, out var every))
        {
            _everySecret[line] = every = InlineSuppression.AllowsEverySecret(lines.LineText(line));
        }

        return every;
    }
}
