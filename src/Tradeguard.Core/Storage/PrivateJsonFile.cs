using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tradeguard.Core.Errors;

namespace Tradeguard.Core.Storage;

/// <summary>
/// Reads a JSON state file that only its owner may read (run state, gateway ledgers): missing means none yet; open to
/// group or others is refused (exit 5, <see cref="PrivateFile"/>); anything unreadable or not JSON of the type is
/// reported as damaged through the caller's wording. Reading never writes the file.
/// </summary>
public static class PrivateJsonFile
{
    /// <summary>The largest state file read: 256 MiB.</summary>
    public const long MaxBytes = 256L << 20;

    /// <summary>The file's content as <typeparamref name="T"/>, or null when there is no file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What it is, in words: <c>run state</c>, <c>gateway ledger file</c>.</param>
    /// <param name="shape">How it is written: a source-generated context's type, so the read needs no reflection.</param>
    /// <param name="damaged">The caller's error for a damaged file, given why in words.</param>
    /// <exception cref="TradeguardException">Exit 5 when the file is open to others, not a regular file or larger than
    /// <see cref="MaxBytes"/>; <paramref name="damaged"/>'s error otherwise.</exception>
    public static T? Read<T>(string path, string what, JsonTypeInfo<T> shape, Func<string, TradeguardException> damaged)
        where T : class
    {
        if (!Path.Exists(path))
        {
            return null;
        }

        // A folder, FIFO or device at the path is refused by InputFile rather than taken for "no file yet".
        var bytes = InputFile.ReadBytes(path, what, MaxBytes);
        PrivateFile.EnsurePrivate(path, what);
        try
        {
            return JsonSerializer.Deserialize(bytes, shape) ?? throw damaged("it holds null");
        }
        catch (JsonException e)
        {
            throw damaged($"it is not valid {what} ({JsonProblem.Describe(e)})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw damaged($"it cannot be read ({IoProblem.Describe(e)})");
        }
    }
}
