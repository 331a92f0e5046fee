using System.Globalization;
using System.Text;
using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Hashing;

namespace Tradeguard.Identity.Policy;

/// <summary>
/// Checks a candidate password against the policy and reports every rule, passed or failed, with a message a
/// person understands, plus zxcvbn's strength estimate.
/// </summary>
/// <remarks>
/// Classic rules (the default): 12+ characters; upper case, lower case, digit and symbol; not one of the 10,000
/// most common passwords or a dictionary word with simple substitutions, and a zxcvbn score ≥ 3; no username, name,
/// e-mail or other personal detail; none of the account's last 5 passwords; no password held in the vault for
/// another service. NIST mode (SP 800-63B rev. 4 §3.1.1.2) keeps the blocklist, personal, history and vault rules
/// and replaces the rest with a length of 15+ (8+ with a second factor). Lengths count code points after NFC.
/// </remarks>
public sealed class PasswordPolicy
{
    private readonly PasswordHasher _hasher;

    /// <summary>Creates the policy; <paramref name="hasher"/> verifies the history (defaults: Argon2id defaults).</summary>
    public PasswordPolicy(PasswordPolicyOptions? options = null, PasswordHasher? hasher = null)
    {
        Options = options ?? PasswordPolicyOptions.Classic;
        _hasher = hasher ?? new PasswordHasher();
    }

    /// <summary>The rules applied.</summary>
    public PasswordPolicyOptions Options { get; }

    /// <summary>Checks <paramref name="candidate"/> (UTF-8 text) in <paramref name="context"/>.</summary>
    /// <returns>Every rule in a fixed order; <see cref="PolicyReport.Passed"/> when all passed.</returns>
    /// <exception cref="Core.Errors.TradeguardException">Exit 4 when a vault entry or a stored hash is damaged.</exception>
    public PolicyReport Check(Secret candidate, PasswordContext context)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(context);
        var text = candidate.Reveal().Normalize(NormalizationForm.FormC);
        var length = text.EnumerateRunes().Count();
        var personal = context.PersonalWords();
        var rules = new List<PolicyRuleResult>();

        var minimum = context.HasSecondFactor ? Options.MinimumLength.WithSecondFactor : Options.MinimumLength.WithoutSecondFactor;
        rules.Add(new("length", length >= minimum, length >= minimum
            ? $"At least {minimum} characters."
            : $"At least {minimum} characters: it has {length}."));
        rules.Add(new("max-length", length <= Options.MaximumLength, length <= Options.MaximumLength
            ? $"At most {Options.MaximumLength} characters."
            : $"At most {Options.MaximumLength} characters: it has {length}."));

        if (Options.Mode == PasswordPolicyMode.Classic)
        {
            rules.Add(Class("uppercase", "an upper-case letter", text.Any(char.IsUpper)));
            rules.Add(Class("lowercase", "a lower-case letter", text.Any(char.IsLower)));
            rules.Add(Class("digit", "a digit", text.Any(char.IsDigit)));
            rules.Add(Class("symbol", "a symbol or punctuation mark", text.Any(c => !char.IsLetterOrDigit(c))));
        }

        var common = CommonPasswords.Match(text);
        rules.Add(new("common", common is null, common is null
            ? "Not a common password or a disguised dictionary word."
            : $"Not a common password or a disguised dictionary word: {common}."));

        var strength = PasswordStrength.Evaluate(text, personal.Concat(TradingBlocklist.Terms));
        if (Options.Mode == PasswordPolicyMode.Classic)
        {
            var strong = strength.Score >= Options.MinimumScore;
            rules.Add(new("strength", strong, strong
                ? $"Estimated strength at least {Options.MinimumScore} of 4."
                : $"Estimated strength at least {Options.MinimumScore} of 4: it scores {strength.Score} (guessed in {strength.CrackTimeDisplay})."));
        }

        rules.Add(Personal(text, personal));
        rules.Add(History(candidate, context));
        rules.Add(Unique(candidate, text, context));
        return new PolicyReport(Options.Mode, rules, strength.Score, strength.CrackTimeDisplay);
    }

    private static PolicyRuleResult Class(string rule, string what, bool present) =>
        new(rule, present, present ? $"Contains {what}." : $"Contains {what}: it has none.");

    private static PolicyRuleResult Personal(string text, IReadOnlyList<string> personal)
    {
        var forms = CommonPasswords.Forms(text).Append(text.ToLowerInvariant()).ToList();
        var found = personal.Where(w => forms.Any(f => f.Contains(w, StringComparison.Ordinal))).ToList();
        return new("personal", found.Count == 0, found.Count == 0
            ? "Contains no username, name, e-mail or other personal detail."
            : $"Contains no username, name, e-mail or other personal detail: it contains {Describe(found.Count)}.");
    }

    private static string Describe(int count) =>
        count == 1 ? "one of them" : string.Create(CultureInfo.InvariantCulture, $"{count} of them");

    private PolicyRuleResult History(Secret candidate, PasswordContext context)
    {
        var recent = context.PreviousHashes.Take(Options.HistoryDepth).ToList();
        var reused = recent.Any(h => _hasher.Verify(candidate, h) != PasswordVerification.Failed);
        return new("history", !reused, reused
            ? $"Not one of this account's last {Options.HistoryDepth} passwords: it was used before."
            : $"Not one of this account's last {Options.HistoryDepth} passwords.");
    }

    private static PolicyRuleResult Unique(Secret candidate, string nfcText, PasswordContext context)
    {
        if (context.Vault is null)
        {
            return new("unique", true, "Not used for another service (no vault open: not checked).");
        }

        using var nfc = Secret.FromString(nfcText);
        var shared = false;
        foreach (var reference in context.Vault.List())
        {
            using var stored = context.Vault.TryGet(reference);
            // Secret.Equals is constant-time; every entry is compared even after a match.
            shared |= stored is not null && (stored.Equals(candidate) | stored.Equals(nfc));
        }

        return new("unique", !shared, shared
            ? "Not used for another service: the same value is stored in the vault for another account."
            : "Not used for another service.");
    }
}
