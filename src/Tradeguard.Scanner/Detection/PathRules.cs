using Tradeguard.Scanner.Findings;
using Tradeguard.Scanner.Rules;
using Tradeguard.Scanner.Walking;

namespace Tradeguard.Scanner.Detection;

/// <summary>
/// gitleaks rules with a <c>path</c> and no <c>regex</c> (e.g. <c>pkcs12-file</c>): the file itself is the secret, so
/// every walked file whose relative path matches is one finding at line 1, whatever its content (key stores are binary
/// and are never read as text).
/// </summary>
internal static class PathRules
{
    /// <summary>One finding per matching file and path-only rule.</summary>
    public static IEnumerable<Finding> Find(RuleSet rules, IEnumerable<WalkedFile> files)
    {
        var pathOnly = rules.Rules.Where(r => !r.HasPattern && r.PathPattern is not null).ToList();
        if (pathOnly.Count == 0)
        {
            yield break;
        }

        foreach (var file in files)
        {
            foreach (var rule in pathOnly)
            {
                if (rule.AppliesTo(file.RelativePath))
                {
                    yield return new Finding(rule.Id, rule.Kind, rule.Severity, file.RelativePath, 1, 1, 1, 1, "(the whole file)",
                        Fingerprint.Of(rule.Id, file.RelativePath, file.RelativePath), rule.Description, rule.Fix, IsExample: false, Commit: null);
                }
            }
        }
    }
}
