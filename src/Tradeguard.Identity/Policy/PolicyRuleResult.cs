namespace Tradeguard.Identity.Policy;

/// <summary>One rule of the policy and whether the candidate met it.</summary>
/// <param name="Rule">A stable id: <c>length</c>, <c>max-length</c>, <c>uppercase</c>, <c>lowercase</c>, <c>digit</c>,
/// <c>symbol</c>, <c>common</c>, <c>strength</c>, <c>personal</c>, <c>history</c>, <c>unique</c>.</param>
/// <param name="Passed">True when the rule is met.</param>
/// <param name="Message">What the rule asks and, when failed, what is wrong — never the password itself.</param>
public sealed record PolicyRuleResult(string Rule, bool Passed, string Message);
