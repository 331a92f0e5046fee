using System.CommandLine;
using Tradeguard.Cli.Commands.User;
using Tradeguard.Cli.Input;
using Tradeguard.Core.Errors;
using Tradeguard.Identity.Hashing;

namespace Tradeguard.Cli.Commands.Password;

/// <summary><c>password hash [--algorithm A] [--cost N]</c>: prints the hash of a password read safely.</summary>
internal static class PasswordHashCommand
{
    public static Command Create()
    {
        var algorithm = new Option<string>("--algorithm")
        {
            Description = "argon2id (default), bcrypt, bcrypt-sha256 or pbkdf2-sha256",
            DefaultValueFactory = _ => "argon2id",
        };
        var cost = new Option<int?>("--cost") { Description = "bcrypt cost (default 12) or PBKDF2 iterations (default 600000)" };
        var command = new Command("hash",
            "Hash a password (NFC-normalised UTF-8) and print the PHC / modular-crypt string, readable by passlib. " +
            "plain bcrypt refuses passwords over 72 bytes instead of truncating them.")
        {
            algorithm, cost,
        };
        command.SetAction(parseResult =>
        {
            var defaults = HashingOptions.Default;
            var c = parseResult.GetValue(cost);
            var options = parseResult.GetValue(algorithm)!.ToLowerInvariant() switch
            {
                "argon2id" or "argon2" => defaults,
                "bcrypt" => defaults with { Algorithm = PasswordAlgorithm.Bcrypt, BcryptCost = c ?? defaults.BcryptCost },
                "bcrypt-sha256" => defaults with { Algorithm = PasswordAlgorithm.BcryptSha256, BcryptCost = c ?? defaults.BcryptCost },
                "pbkdf2-sha256" or "pbkdf2" => defaults with { Algorithm = PasswordAlgorithm.Pbkdf2Sha256, Pbkdf2Iterations = c ?? defaults.Pbkdf2Iterations },
                var other => throw new TradeguardException(ExitCode.Usage, $"Unknown algorithm '{other}': use argon2id, bcrypt, bcrypt-sha256 or pbkdf2-sha256."),
            };
            PasswordHasher hasher;
            try
            {
                hasher = new PasswordHasher(options);
            }
            catch (ArgumentOutOfRangeException)
            {
                throw new TradeguardException(ExitCode.Usage, "--cost is out of range (bcrypt 4-31, PBKDF2 at least 1).");
            }

            if (options.Algorithm is PasswordAlgorithm.Bcrypt or PasswordAlgorithm.BcryptSha256 && options.BcryptCost < 12)
            {
                Console.Error.WriteLine($"warning: bcrypt cost {options.BcryptCost} is below the recommended 12; use it for tests only.");
            }

            using var password = SecretInput.Read("Password", IdentityAccess.PasswordVariable, confirm: true);
            Console.WriteLine(hasher.Hash(password).Encoded);
            return 0;
        });
        return command;
    }
}
