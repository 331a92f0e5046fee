using System.CommandLine;
using Tradeguard.Core.Errors;
using Tradeguard.Identity.Policy;

namespace Tradeguard.Cli.Commands.Password;

/// <summary><c>password generate [--length N | --words N]</c>: a CSPRNG password or passphrase on stdout alone.</summary>
internal static class PasswordGenerateCommand
{
    public static Command Create()
    {
        var length = new Option<int?>("--length") { Description = "Random characters, 12-256 (default 20)" };
        var words = new Option<int?>("--words") { Description = "A passphrase of N words, 4-32, from the EFF Large Wordlist" };
        var command = new Command("generate",
            "Generate a password from the operating system's CSPRNG: random characters (all four classes) or a " +
            "passphrase of EFF words. The password goes to stdout alone; its strength in bits to stderr.")
        {
            length, words,
        };
        command.SetAction(parseResult =>
        {
            var n = parseResult.GetValue(length);
            var w = parseResult.GetValue(words);
            if (n is not null && w is not null)
            {
                throw new TradeguardException(ExitCode.Usage, "Use --length or --words, not both.");
            }

            if (n is < PasswordGenerator.MinimumLength or > 256 || w is < PasswordGenerator.MinimumWords or > 32)
            {
                throw new TradeguardException(ExitCode.Usage, "--length must be 12-256 and --words 4-32.");
            }

            using var password = w is { } count ? PasswordGenerator.Passphrase(count) : PasswordGenerator.Characters(n ?? 20);
            using (var stdout = Console.OpenStandardOutput())
            {
                password.Use(clear => stdout.Write(clear));
                stdout.Write("\n"u8);
            }

            var bits = w is { } c ? PasswordGenerator.PassphraseBits(c) : PasswordGenerator.CharacterBits(n ?? 20);
            Console.Error.WriteLine($"about {bits:F0} bits of entropy");
            return 0;
        });
        return command;
    }
}
