using Tradeguard.Core.Errors;
using Tradeguard.Identity.Policy;

namespace Tradeguard.Identity.Accounts;

/// <summary>A new password broke the policy (exit 1); <see cref="Report"/> lists every rule.</summary>
public sealed class PasswordPolicyException : TradeguardException
{
    /// <summary>Creates the exception from the policy's report.</summary>
    public PasswordPolicyException(PolicyReport report)
        : base(ExitCode.CheckFailed, "The password does not meet the policy: " +
            string.Join(" ", report.Failures.Select(f => f.Message)))
    {
        Report = report;
    }

    /// <summary>The full report.</summary>
    public PolicyReport Report { get; }
}
