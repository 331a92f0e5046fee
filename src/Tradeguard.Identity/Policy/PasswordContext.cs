using Tradeguard.Core.Secrets;
using Tradeguard.Identity.Hashing;

namespace Tradeguard.Identity.Policy;

/// <summary>
/// What <see cref="PasswordPolicy.Check"/> knows about the account the password is for. Every member is optional;
/// a rule whose facts are missing passes and says it was not checked.
/// </summary>
public sealed record PasswordContext
{
    /// <summary>No facts: only the rules about the password itself run.</summary>
    public static PasswordContext Empty { get; } = new();

    /// <summary>The account name, e.g. <c>alice</c>.</summary>
    public string? Username { get; init; }

    /// <summary>The person's name, e.g. <c>Alice Martin</c>.</summary>
    public string? FullName { get; init; }

    /// <summary>The e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Other personal details: birth year, company, pet, the bot's name.</summary>
    public IReadOnlyList<string> OtherDetails { get; init; } = [];

    /// <summary>True when the account has TOTP enabled (lowers the NIST minimum length to 8).</summary>
    public bool HasSecondFactor { get; init; }

    /// <summary>The account's most recent password hashes, newest first.</summary>
    public IReadOnlyList<StoredPasswordHash> PreviousHashes { get; init; } = [];

    /// <summary>The vault: the password may not equal any secret stored for another service.</summary>
    public ISecretStore? Vault { get; init; }

    /// <summary>The personal words: each detail split on spaces and punctuation, at least 3 characters, lower case.</summary>
    internal IReadOnlyList<string> PersonalWords()
    {
        var words = new List<string>();
        void Add(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            var whole = text.Trim().ToLowerInvariant();
            words.Add(whole);
            words.AddRange(whole.Split([' ', '.', '_', '-', '+', '@', ','], StringSplitOptions.RemoveEmptyEntries));
        }

        Add(Username);
        Add(FullName);
        Add(Email);
        foreach (var detail in OtherDetails)
        {
            Add(detail);
        }

        return words.Where(w => w.Length >= 3 && w is not ("com" or "org" or "net")).Distinct().ToList();
    }
}
