using System.Text.RegularExpressions;
using Tradeguard.Core.Errors;

namespace Tradeguard.Identity.Accounts;

/// <summary>Account names: 1-32 of <c>a-z 0-9 _ . -</c>, starting with a letter (case-folded on input).</summary>
public static partial class AccountName
{
    /// <summary>The name in its stored (lower-case) form.</summary>
    /// <exception cref="TradeguardException">Exit 2 when it is not a valid name.</exception>
    public static string Normalize(string name)
    {
        var lower = (name ?? "").Trim().ToLowerInvariant();
        return Shape().IsMatch(lower)
            ? lower
            : throw new TradeguardException(ExitCode.Usage,
                $"'{name}' is not a valid account name: use 1-32 of a-z 0-9 _ . - starting with a letter.");
    }

    [GeneratedRegex("^[a-z][a-z0-9_.-]{0,31}$")]
    private static partial Regex Shape();
}
