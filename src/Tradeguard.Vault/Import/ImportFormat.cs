namespace Tradeguard.Vault.Import;

/// <summary>The plaintext formats <c>vault import</c> reads.</summary>
public enum ImportFormat
{
    /// <summary>python-dotenv's <c>.env</c> rules.</summary>
    Dotenv,

    /// <summary>Python configparser's <c>config.ini</c> rules.</summary>
    Ini,
}
