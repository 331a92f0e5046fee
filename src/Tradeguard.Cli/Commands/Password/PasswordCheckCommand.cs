using System.CommandLine;
using Tradeguard.Cli.Commands.User;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Cli.Input;
using Tradeguard.Identity;
using Tradeguard.Identity.Policy;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.Password;

/// <summary><c>password check</c>: every rule, pass or fail, and the estimated strength; exit 1 when a rule fails.</summary>
internal static class PasswordCheckCommand
{
    public static Command Create()
    {
        var policy = new Option<string?>("--policy") { Description = "classic or nist (default: $TRADEGUARD__Identity__PasswordPolicy, else classic)" };
        var username = new Option<string?>("--username") { Description = "Account name the password is for (personal check)" };
        var name = new Option<string?>("--name") { Description = "Person's name (personal check)" };
        var email = new Option<string?>("--email") { Description = "E-mail address (personal check)" };
        var detail = new Option<string[]>("--detail") { Description = "Another personal detail (repeatable)", AllowMultipleArgumentsPerToken = false };
        var twoFactor = new Option<bool>("--two-factor") { Description = "The account has 2FA (NIST minimum drops to 8)" };
        var withVault = new Option<bool>("--with-vault") { Description = "Also refuse a password stored in the vault for another service" };
        var vaultOption = VaultAccess.CreateVaultOption();
        var command = new Command("check", "Check a password against the policy; prints each rule and the strength. Exit 1 when a rule fails.")
        {
            policy, username, name, email, detail, twoFactor, withVault, vaultOption,
        };
        command.SetAction(parseResult =>
        {
            var options = IdentityOptions.FromEnvironment().Policy;
            if (parseResult.GetValue(policy) is { } p)
            {
                try
                {
                    options = PasswordPolicyOptions.ForMode(p);
                }
                catch (ArgumentException)
                {
                    throw new Core.Errors.TradeguardException(Core.Errors.ExitCode.Usage, $"Unknown policy '{p}': use classic or nist.");
                }
            }

            using var installation = parseResult.GetValue(withVault) ? IdentityAccess.OpenInstallation(parseResult, vaultOption) : null;
            var vault = installation?.Vault;
            using var candidate = SecretInput.Read("Password to check", IdentityAccess.PasswordVariable);
            var report = new PasswordPolicy(options).Check(candidate, new PasswordContext
            {
                Username = parseResult.GetValue(username),
                FullName = parseResult.GetValue(name),
                Email = parseResult.GetValue(email),
                OtherDetails = parseResult.GetValue(detail) ?? [],
                HasSecondFactor = parseResult.GetValue(twoFactor),
                Vault = vault,
            });
            Console.WriteLine($"Policy: {report.Mode.ToString().ToLowerInvariant()}");
            foreach (var rule in report.Rules)
            {
                Console.WriteLine($"  {(rule.Passed ? "pass" : "FAIL")}  {rule.Rule,-10} {rule.Message}");
            }

            Console.WriteLine($"Estimated strength: {report.Score}/4 (guessed in {report.CrackTime})");
            Console.WriteLine(report.Passed ? "The password meets the policy." : $"The password does not meet the policy ({report.Failures.Count()} rules failed).");
            return report.Passed ? 0 : 1;
        });
        return command;
    }
}
