namespace Tradeguard.Scanner.Rules;

/// <summary>
/// A value published in official documentation (Telegram's, Binance's, AWS's example keys). Only its SHA-256 is kept,
/// so the rule file carries no key-shaped strings; a match equal to it is reported as an example, not a leak.
/// </summary>
/// <param name="Sha256Hex">Lower-case hex SHA-256 of the value's UTF-8 bytes.</param>
/// <param name="Source">Where the value is published.</param>
public sealed record DocumentedExample(string Sha256Hex, string Source);
