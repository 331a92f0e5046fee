using System.Text.Json;
using System.Text.Json.Serialization;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Storage;
using Tradeguard.Trading.Broker;

namespace Tradeguard.Exchange.Data;

/// <summary>
/// The file beside a download's CSV (<c>BTCUSDT-1h.csv</c> → <c>BTCUSDT-1h.instrument.json</c>): which exchange,
/// symbol and interval the bars are, so a later download continues only a file of the same kind, and the symbol's
/// filters as a run config's <c>instrument</c> section, ready to paste:
/// <code>{ "exchange": "binance", "symbol": "BTCUSDT", "interval": "1h", "instrument": { "lotSize": 0.00001, "tickSize": 0.01, "minNotional": 5 } }</code>
/// </summary>
/// <param name="Exchange">The exchange's name.</param>
/// <param name="Symbol">Trading pair.</param>
/// <param name="Interval">Candle interval name.</param>
/// <param name="Instrument">LOT_SIZE step, PRICE_FILTER tick and NOTIONAL minimum; null when the exchange published none.</param>
public sealed partial record DownloadManifest(string Exchange, string Symbol, string Interval, Instrument? Instrument)
{
    /// <summary>The manifest's path for the CSV at <paramref name="csvPath"/>.</summary>
    public static string PathFor(string csvPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(csvPath)) ?? ".", Path.GetFileNameWithoutExtension(csvPath) + ".instrument.json");

    /// <summary>The manifest at <paramref name="path"/>, or null when there is none.</summary>
    /// <exception cref="TradeguardException">Exit 4 when it is not a manifest.</exception>
    public static DownloadManifest? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), ManifestJsonContext.Default.DownloadManifest)
                ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new TradeguardException(ExitCode.IntegrityFailure, $"{path} is damaged: it is not a download's instrument file ({JsonProblem.Describe(e)}); move it away and download again", e);
        }
    }

    /// <summary>True when this manifest describes bars of the same exchange, symbol and interval as <paramref name="other"/>.</summary>
    public bool SameSeries(DownloadManifest other) =>
        string.Equals(Exchange, other.Exchange, StringComparison.OrdinalIgnoreCase) && Symbol == other.Symbol && Interval == other.Interval;

    /// <summary>Writes it atomically to <paramref name="path"/>.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the folder cannot be written.</exception>
    public void Write(string path) => AtomicFile.WriteText(path, ToJson() + "\n");

    /// <summary>The manifest as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ManifestJsonContext.Default.DownloadManifest);

    /// <summary>camelCase, indented, nulls left out, required constructor parameters enforced; generated, so no reflection.</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, RespectRequiredConstructorParameters = true)]
    [JsonSerializable(typeof(DownloadManifest))]
    private sealed partial class ManifestJsonContext : JsonSerializerContext;
}
