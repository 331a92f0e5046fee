using System.Globalization;
using System.Text.Json;

namespace Tradeguard.Core.Errors;

/// <summary>
/// Where a JSON document went wrong, in words a person can act on. System.Text.Json's own messages name the .NET type
/// it was converting to (<c>…+LedgerDocument</c>), which means nothing to a user and is kept out of every message.
/// </summary>
public static class JsonProblem
{
    /// <summary><c>at line L, byte B, JSON path P</c> (1-based), from the exception's position.</summary>
    /// <param name="e">The parse or conversion failure.</param>
    public static string Describe(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return string.Create(CultureInfo.InvariantCulture,
            $"at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}, JSON path {(string.IsNullOrEmpty(e.Path) ? "$" : e.Path)}");
    }
}
