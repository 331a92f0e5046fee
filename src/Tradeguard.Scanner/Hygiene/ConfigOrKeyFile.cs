namespace Tradeguard.Scanner.Hygiene;

/// <summary>
/// Files whose purpose is configuration or key material (<c>.env*</c>, INI, TOML, YAML, JSON, properties, PEM/key
/// stores, SSH keys, credentials files): the ones <c>secret-file-permissions</c> looks at. In source code the secret
/// itself is the finding; its file mode adds nothing (issue 15: 58 such findings in one corpus).
/// </summary>
internal static class ConfigOrKeyFile
{
    private static readonly string[] Extensions =
        [".env", ".ini", ".cfg", ".conf", ".toml", ".yaml", ".yml", ".json", ".properties", ".pem", ".key", ".p12", ".pfx",
         ".jks", ".keystore", ".ppk", ".asc", ".gpg", ".secret", ".secrets", ".netrc", ".pgpass", ".npmrc", ".pypirc"];

    private static readonly string[] Names = ["credentials", "id_rsa", "id_ecdsa", "id_ed25519", "id_dsa", ".netrc", ".pgpass", ".npmrc", ".pypirc"];

    /// <summary>True for a configuration or key file, by its name (relative path, forward slashes).</summary>
    public static bool Is(string relativePath)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        return name.StartsWith(".env", StringComparison.OrdinalIgnoreCase)
            || Names.Contains(name, StringComparer.OrdinalIgnoreCase)
            || Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }
}
