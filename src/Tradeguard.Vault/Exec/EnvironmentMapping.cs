using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Vault.Import.Dotenv;

namespace Tradeguard.Vault.Exec;

/// <summary>
/// Which environment variables <c>tradeguard exec</c> gives the child: <c>NAME=vault://item/field</c> pairs (resolved
/// from the vault) and, in a mapping file, also <c>NAME=literal</c> pairs passed as they are.
/// </summary>
/// <param name="Name">The variable name: a letter or underscore, then letters, digits or underscores.</param>
/// <param name="Reference">The secret to resolve, or null for a literal.</param>
/// <param name="Literal">The literal value when <paramref name="Reference"/> is null.</param>
public sealed record EnvironmentMapping(string Name, SecretReference? Reference, string? Literal)
{
    /// <summary>Parses one <c>--env NAME=vault://item/field</c> value (only references: literals do not belong in argv).</summary>
    /// <exception cref="TradeguardException">Exit 2 naming what is wrong.</exception>
    public static EnvironmentMapping ParseOption(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var name = eq > 0 ? text[..eq] : text;
        if (eq <= 0 || !IsValidName(name))
        {
            throw new TradeguardException(ExitCode.Usage, $"--env '{name}': expected NAME=vault://item/field with NAME of letters, digits and _.");
        }

        if (!SecretReference.TryParse(text[(eq + 1)..], out var reference))
        {
            throw new TradeguardException(ExitCode.Usage,
                $"--env {name}: the value must be a vault://item/field reference (secrets never go on the command line; put literals in an --env-file).");
        }

        return new EnvironmentMapping(name, reference, null);
    }

    /// <summary>
    /// Reads a mapping file with python-dotenv's rules (<see cref="DotenvParser"/>, without <c>${VAR}</c> expansion):
    /// values that are <c>vault://</c> references are resolved, others are passed as literals.
    /// </summary>
    /// <remarks>A file of references only holds no secret, so any mode will do; one with a literal value may (a key
    /// pasted in), so it must be private like every other file holding secrets.</remarks>
    /// <exception cref="TradeguardException">Exit 5 when the file is missing, not a regular file, over 1 MiB, or holds a
    /// literal and is exposed; exit 4 when it is not UTF-8 text, or with the line for bad syntax.</exception>
    public static IReadOnlyList<EnvironmentMapping> ReadFile(string path)
    {
        // The one way a named file is read: a folder, FIFO or device is refused at once, as is a file over the cap.
        var result = ParseFile(path, Core.Storage.InputFile.ReadText(path, "env file", Core.Storage.InputFile.ConfigMaxBytes));
        if (result.Any(m => m.Reference is null))
        {
            Core.Storage.PrivateFile.EnsurePrivate(path, "env file with literal values");
        }

        return result;
    }

    private static List<EnvironmentMapping> ParseFile(string path, string text)
    {
        var result = new List<EnvironmentMapping>();
        foreach (var (name, value) in DotenvParser.Parse(text, path, _ => null, interpolate: false))
        {
            if (!IsValidName(name))
            {
                throw new TradeguardException(ExitCode.Configuration, $"env file {path}: '{name}' is not a valid environment variable name.");
            }

            if (value is null)
            {
                continue;
            }

            result.Add(SecretReference.IsReference(value)
                ? new EnvironmentMapping(name, SecretReference.TryParse(value, out var r) ? r : throw new TradeguardException(
                    ExitCode.Configuration, $"env file {path}: {name} has a malformed vault reference (expected vault://item/field)."), null)
                : new EnvironmentMapping(name, null, value));
        }

        return result;
    }

    /// <summary>True for POSIX-portable names: <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
