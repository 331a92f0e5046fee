using System.CommandLine;
using Tradeguard.Cli.Commands.User;
using Tradeguard.Cli.Input;
using Tradeguard.Core.Errors;
using Tradeguard.Identity.Hashing;

namespace Tradeguard.Cli.Commands.Password;

/// <summary><c>password verify [HASH]</c>: exit 0 when the password matches, 3 when it does not.</summary>
internal static class PasswordVerifyCommand
{
    public static Command Create()
    {
        var hash = new Argument<string?>("hash")
        {
            Description = "The hash (PHC, $2b$, $bcrypt-sha256$, $pbkdf2-sha256$, ASP.NET Identity); omit to read it from the first line of stdin",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("verify",
            "Check a password against a hash made by Tradeguard, passlib, bcrypt, argon2-cffi or ASP.NET Identity. " +
            "Exit 0 and 'match' when it matches (with a note when the hash is weaker than today's default), exit 3 otherwise.")
        {
            hash,
        };
        command.SetAction(parseResult =>
        {
            var encoded = parseResult.GetValue(hash) ?? Console.In.ReadLine()?.Trim()
                ?? throw new TradeguardException(ExitCode.Usage, "No hash given: pass it as an argument or on the first line of stdin.");
            using var password = SecretInput.Read("Password", IdentityAccess.PasswordVariable);
            var hasher = new PasswordHasher();
            // Hashes made elsewhere are of the bytes as typed; Tradeguard's are of the NFC form. Either spelling counts.
            var result = hasher.Verify(password, StoredPasswordHash.Imported(encoded));
            if (result == PasswordVerification.Failed)
            {
                result = hasher.Verify(password, new StoredPasswordHash(encoded, PasswordNormalization.Nfc));
            }

            if (result == PasswordVerification.Failed)
            {
                Console.WriteLine("no match");
                return (int)ExitCode.AuthenticationFailed;
            }

            Console.WriteLine("match");
            if (hasher.NeedsRehash(new StoredPasswordHash(encoded, PasswordNormalization.Nfc)))
            {
                Console.WriteLine($"note: this {PasswordHasher.Identify(encoded)} hash is weaker than the default (Argon2id m=65536 KiB, t=3); re-hash it.");
            }

            return 0;
        });
        return command;
    }
}
