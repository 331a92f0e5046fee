using System.Text;
using Tradeguard.Core.Storage;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Redaction;
using Tradeguard.Core.Secrets;
using Tradeguard.Vault.Import.Dotenv;
using Tradeguard.Vault.Import.Ini;

namespace Tradeguard.Vault.Import;

/// <summary>
/// Turns a Python trader's <c>.env</c> or <c>config.ini</c> into vault entries: <c>.env</c> keys become fields of one
/// item (default <c>env</c>), ini sections become items and their keys fields. Names are kept when they fit
/// <see cref="SecretReference.IsValidName"/>; other characters become <c>_</c> (noted).
/// </summary>
public static class PlaintextImporter
{
    /// <summary>Picks the format from the file name: <c>*.ini</c>, <c>*.cfg</c>, <c>*.conf</c> → ini; anything else → dotenv.</summary>
    public static ImportFormat Detect(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension is ".ini" or ".cfg" or ".conf" ? ImportFormat.Ini : ImportFormat.Dotenv;
    }

    /// <summary>Reads and parses <paramref name="path"/> into a plan; every value is registered with the redactor.</summary>
    /// <param name="path">The plaintext file (UTF-8, as both Python libraries read it here).</param>
    /// <param name="format">The format, or null to <see cref="Detect"/> it.</param>
    /// <param name="dotenvItem">The item that .env keys go into.</param>
    /// <param name="environment">For .env <c>${VAR}</c> expansion of names the file does not define; null for the process environment.</param>
    /// <param name="map">Keys that go elsewhere than their default place (<see cref="ImportMap"/>); null for none.</param>
    /// <exception cref="ImportFormatException">Exit 4 with the line, for what the Python library would reject too.</exception>
    /// <exception cref="TradeguardException">Exit 5 when the file is missing; exit 4 when it is not UTF-8; exit 2 when
    /// <paramref name="map"/> names a key the file does not have, or the file holds only vault:// references.</exception>
    public static ImportPlan Plan(string path, ImportFormat? format = null, string dotenvItem = "env", Func<string, string?>? environment = null,
        ImportMap? map = null)
    {
        map ??= ImportMap.None;
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new TradeguardException(ExitCode.Configuration, $"{path} does not exist.");
        }

        if (!SecretReference.IsValidName(dotenvItem))
        {
            throw new TradeguardException(ExitCode.Usage, $"item '{dotenvItem}' is not a valid vault name: use 1-64 of A-Z a-z 0-9 _ . -");
        }

        var text = ReadText(path);
        var source = Path.GetFileName(path);
        var chosen = format ?? Detect(path);
        var notes = new List<string>();
        var values = new List<ImportedValue>();
        var keys = new List<string>();
        if (chosen == ImportFormat.Dotenv)
        {
            foreach (var (key, value) in DotenvParser.Parse(text, source, environment ?? Environment.GetEnvironmentVariable))
            {
                if (value is null)
                {
                    notes.Add($"{key}: no value (a bare key), skipped");
                    continue;
                }

                keys.Add(key);
                values.Add(new ImportedValue(map.Target(key) ?? new SecretReference(dotenvItem, Name(key, notes, key)), key, value));
            }
        }
        else
        {
            var sections = IniParser.Parse(text, source);
            var onlyDefaults = sections.Count == 1;
            foreach (var (section, items) in sections)
            {
                // Sections inherit DEFAULT's values (config.items(section) holds them), so DEFAULT alone is imported
                // only when the file has no other section.
                if (section == IniParser.DefaultSection && !onlyDefaults)
                {
                    continue;
                }

                var item = Name(section, notes, $"[{section}]");
                foreach (var (key, value) in items)
                {
                    keys.Add($"{section}.{key}");
                    values.Add(new ImportedValue(map.Target($"{section}.{key}") ?? new SecretReference(item, Name(key, notes, $"[{section}] {key}")),
                        $"[{section}] {key}", value));
                }
            }
        }

        if (values.Count > 0 && values.All(v => SecretReference.IsReference(v.Value)))
        {
            throw new TradeguardException(ExitCode.Usage,
                $"{source} holds only vault:// references, no secrets: nothing to import. It is a mapping file: use it as 'tradeguard exec --env-file {source} -- CMD'.");
        }

        if (map.Unused(keys) is { Count: > 0 } unused)
        {
            throw new TradeguardException(ExitCode.Usage,
                $"--map names {string.Join(", ", unused)}, which {source} does not have (keys are the .env names, or section.key for an ini file). Nothing was imported.");
        }

        var duplicate = values.GroupBy(v => v.Reference).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new TradeguardException(ExitCode.Configuration,
                $"{string.Join(" and ", duplicate.Select(v => v.Origin))} would both become {duplicate.Key}; rename one and import again. Nothing was imported.");
        }

        foreach (var v in values)
        {
            Redactor.Shared.Register(v.Value);
        }

        foreach (var value in values)
        {
            InternalItem.Refuse(value.Reference, "written by an import");
        }

        return new ImportPlan(chosen, values, notes);
    }

    /// <summary>
    /// Reads the file as Python's <c>open(path, encoding="utf-8")</c> does: strict UTF-8, a byte-order mark kept as
    /// U+FEFF (newline translation is left to the parsers).
    /// </summary>
    internal static string ReadText(string path)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(InputFile.ReadBytes(path, "file to import", InputFile.ConfigMaxBytes));
        }
        catch (DecoderFallbackException)
        {
            throw new TradeguardException(ExitCode.IntegrityFailure, $"{path} is not UTF-8 text; save it as UTF-8 and import again. Nothing was imported.");
        }
    }

    /// <summary>
    /// Stores every value of <paramref name="plan"/> in <paramref name="vault"/> in one save. An entry that already
    /// holds a different value is replaced only with <paramref name="replace"/>: an import names its entries implicitly
    /// (from the file's keys), so it must not silently overwrite a key stored before. Equal values count as unchanged.
    /// </summary>
    /// <returns>The references whose earlier, different value was replaced (empty unless <paramref name="replace"/>).</returns>
    /// <exception cref="TradeguardException">Exit 5 naming the entries that hold other values, without <paramref name="replace"/>; nothing is stored.</exception>
    public static IReadOnlyList<SecretReference> Apply(ImportPlan plan, VaultStore vault, string sourcePath, bool replace = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(vault);
        var secrets = plan.Values.Select(v => (v.Reference, Secret.FromString(v.Value))).ToList();
        try
        {
            var replaced = secrets.Where(s => HoldsOther(vault, s.Reference, s.Item2)).Select(s => s.Reference).ToList();
            if (replaced.Count > 0 && !replace)
            {
                throw new TradeguardException(ExitCode.Configuration,
                    $"{string.Join(", ", replaced)} already {(replaced.Count == 1 ? "holds a different value" : "hold different values")} in the vault; " +
                    "nothing was imported. Import with --replace to overwrite (the vault's .bak keeps the version before), or --map the keys elsewhere.");
            }

            vault.SetMany(secrets, "vault.import", Path.GetFullPath(sourcePath));
            return replaced;
        }
        finally
        {
            secrets.ForEach(s => s.Item2.Dispose());
        }
    }

    private static bool HoldsOther(VaultStore vault, SecretReference reference, Secret value)
    {
        using var stored = vault.TryGet(reference);
        return stored is not null && !stored.Equals(value);
    }

    private static string Name(string name, List<string> notes, string origin)
    {
        if (SecretReference.IsValidName(name))
        {
            return name;
        }

        var cleaned = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '_').ToArray());
        cleaned = cleaned.Length == 0 ? "_" : cleaned[..Math.Min(cleaned.Length, 64)];
        notes.Add($"{origin}: name stored as '{cleaned}' (vault names use A-Z a-z 0-9 _ . -)");
        return cleaned;
    }
}
