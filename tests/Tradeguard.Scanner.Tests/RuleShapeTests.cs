using System.Text.RegularExpressions;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Tests;

/// <summary>Shapes of the default rules' regexes that make a scan slow on some inputs, whatever the corpus says.</summary>
public sealed class RuleShapeTests
{
    /// <summary>
    /// A lookbehind at the start of a pattern is tried at every position of every text the rule's keywords let in.
    /// Unbounded (<c>[^\n]*</c>), it reads back to the line's start each time: on a 4.8 MB minified line,
    /// <c>weak-password-hash</c> with <c>(?&lt;!\bhmac\.new\([^\n]*)</c> in front ran past its 5 s timeout and the file
    /// was skipped, findings and all. After the rule's literal part it runs only where that part matched.
    /// </summary>
    [Fact]
    public void NoDefaultRule_StartsWithAnUnboundedLookbehind()
    {
        // Inline options, then (?<! or (?<= and its body up to the matching ')', escapes and nested groups included.
        var leading = new Regex(@"^(?:\(\?[a-zA-Z-]+\))?\(\?<[!=](?<body>(?:\\.|[^()\\]|\((?<d>)|\)(?<-d>))*)\)");
        // Classes first become one character ('+' in [A-Za-z0-9+/] is a character), then a '*', '+' or {n,} is unbounded.
        var characterClass = new Regex(@"\[(?:\\.|[^\]\\])*\]");
        var unbounded = new Regex(@"(?<!\\)[*+]|\{\d+,\}");
        bool Unbounded(string pattern) =>
            leading.Match(pattern) is { Success: true } m && unbounded.IsMatch(characterClass.Replace(m.Groups["body"].Value, "c"));
        Assert.True(Unbounded(@"(?i)(?<!\bhmac\.(?:new|HMAC)\([^\n]*)\bmd5\("));
        Assert.False(Unbounded(@"(?<![A-Za-z0-9+/])(?<secret>ABSK[A-Za-z0-9+/]{109})"));

        var offenders = RuleSet.Default().Rules.Where(r => r.Pattern is not null && Unbounded(r.Pattern.ToString())).Select(r => r.Id);
        Assert.Empty(offenders);
    }
}
