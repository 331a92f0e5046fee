using System.CommandLine;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Cli.Input;
using Tradeguard.Core.Storage;
using Tradeguard.Cli.Composition;

namespace Tradeguard.Cli.Commands.User;

/// <summary><c>user 2fa enable|confirm|disable NAME</c>: TOTP enrolment with an otpauth URI and QR code.</summary>
internal static class UserTwoFactorCommand
{
    public static Command Create()
    {
        var command = new Command("2fa",
            "Two-factor authentication with an authenticator app (TOTP, RFC 6238: SHA-1, 6 digits, 30 s). " +
            "Seeds are stored encrypted with a key from the vault (vault://tradeguard/totp_key).");
        command.Subcommands.Add(Enable());
        command.Subcommands.Add(Confirm());
        command.Subcommands.Add(Disable());
        return command;
    }

    private static Command Enable()
    {
        var name = new Argument<string>("name") { Description = "Account name" };
        var png = new Option<string?>("--qr-png") { Description = "Also write the QR code to this PNG file (mode 0600)" };
        var vaultOption = VaultAccess.CreateVaultOption();
        var command = new Command("enable",
            $"Start enrolment: asks the account's password (${IdentityAccess.PasswordVariable}, stdin or prompt), prints the " +
            "otpauth:// URI, the secret and a QR code. On a terminal it then asks for the first code; otherwise finish " +
            "with 'tradeguard user 2fa confirm NAME'.")
        {
            name, png, vaultOption,
        };
        command.SetAction(parseResult =>
        {
            using var installation = IdentityAccess.OpenInstallation(parseResult, vaultOption);
            var identity = IdentityAccess.Open(installation);
            using (var password = SecretInput.Read("Password of " + parseResult.GetValue(name), IdentityAccess.PasswordVariable))
            {
                identity.Login.Reauthenticate(parseResult.GetValue(name)!, password);
            }

            var enrollment = identity.TwoFactor.BeginEnrollment(parseResult.GetValue(name)!);
            Console.WriteLine("Scan this QR code with an authenticator app, or enter the secret by hand:");
            Console.WriteLine(enrollment.QrTerminal);
            Console.WriteLine($"URI:    {enrollment.OtpauthUri}");
            Console.WriteLine($"Secret: {enrollment.SecretBase32}");
            if (parseResult.GetValue(png) is { } file)
            {
                AtomicFile.Write(file, enrollment.QrPng);
                Console.WriteLine($"QR code written to {file} (mode 0600; delete it after scanning)");
            }

            if (Console.IsInputRedirected && Environment.GetEnvironmentVariable(IdentityAccess.CodeVariable) is not { Length: > 0 })
            {
                Console.WriteLine($"Finish with: tradeguard user 2fa confirm {enrollment.Account}");
                return 0;
            }

            return PrintRecoveryCodes(identity, enrollment.Account);
        });
        return command;
    }

    private static Command Confirm()
    {
        var name = new Argument<string>("name") { Description = "Account name" };
        var vaultOption = VaultAccess.CreateVaultOption();
        var command = new Command("confirm",
            $"Finish enrolment with the app's current code (${IdentityAccess.CodeVariable}, stdin or prompt); prints 10 single-use recovery codes once.")
        {
            name, vaultOption,
        };
        command.SetAction(parseResult =>
        {
            using var installation = IdentityAccess.OpenInstallation(parseResult, vaultOption);
            return PrintRecoveryCodes(IdentityAccess.Open(installation), parseResult.GetValue(name)!);
        });
        return command;
    }

    private static Command Disable()
    {
        var name = new Argument<string>("name") { Description = "Account name" };
        var vaultOption = VaultAccess.CreateVaultOption();
        var command = new Command("disable",
            "Turn 2FA off: needs the account's password and a current code (or a recovery code).")
        {
            name, vaultOption,
        };
        command.SetAction(parseResult =>
        {
            using var installation = IdentityAccess.OpenInstallation(parseResult, vaultOption);
            var identity = IdentityAccess.Open(installation);
            var account = parseResult.GetValue(name)!;
            using (var password = SecretInput.Read("Password of " + account, IdentityAccess.PasswordVariable))
            {
                identity.Login.Reauthenticate(account, password);
            }

            using var code = SecretInput.Read("Current code", IdentityAccess.CodeVariable);
            identity.TwoFactor.Disable(account, code.Reveal());
            Console.WriteLine($"2FA is off for {account.Trim().ToLowerInvariant()}");
            return 0;
        });
        return command;
    }

    private static int PrintRecoveryCodes(Identity.IdentityServices identity, string account)
    {
        using var code = SecretInput.Read("Code from the app", IdentityAccess.CodeVariable);
        var codes = identity.TwoFactor.ConfirmEnrollment(account, code.Reveal());
        Console.WriteLine($"2FA is on for {account.Trim().ToLowerInvariant()}. Recovery codes (each works once; store them offline):");
        foreach (var c in codes)
        {
            Console.WriteLine("  " + c);
        }

        return 0;
    }
}
