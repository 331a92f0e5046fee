using System.Text.Json;
using System.Text.Json.Serialization;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Storage;
using Tradeguard.Gateway.Policy;

namespace Tradeguard.Gateway.State;

/// <summary>
/// The bots' ledgers on disk (<see cref="BotLedgerState"/> per bot), so that a restarted gateway still knows each bot's
/// working orders, positions and today's realised P&amp;L: ownership checks, <c>maxPosition</c>, <c>maxDailyLoss</c> and
/// <c>closeall</c> carry over. JSON, format <c>tradeguard-gateway-ledger/1</c>, replaced atomically with mode 0600
/// (<see cref="AtomicFile"/>). One file per trading mode, so paper positions never count against live limits.
/// </summary>
/// <remarks>
/// The file names the upstream base URL it was saved for: ledgers saved against another exchange or sandbox are not
/// taken up (their order ids mean nothing there) but kept in the file until the next save replaces them. Ledgers of bots
/// no longer in the config are carried through saves untouched, so a bot removed and added back keeps its history.
/// </remarks>
public sealed partial class LedgerFile(string path)
{
    /// <summary>The format name written and accepted.</summary>
    public const string Format = "tradeguard-gateway-ledger/1";

    /// <summary>The file.</summary>
    public string Path => path;

    /// <summary>The default place: <c>$TRADEGUARD_HOME/gateway/ledger-MODE.json</c>.</summary>
    /// <param name="mode"><c>paper</c> or <c>live</c>.</param>
    public static LedgerFile ForMode(string mode) => new(System.IO.Path.Combine(TradeguardHome.Path, "gateway", $"ledger-{mode}.json"));

    /// <summary>Reads the file; never writes it. No file: empty ledgers.</summary>
    /// <param name="upstream">The base URL the gateway forwards to now.</param>
    /// <returns>Every saved ledger, and whether they were saved for <paramref name="upstream"/> (if not, do not take them up).</returns>
    /// <exception cref="TradeguardException">Exit 5 naming the file when it is unreadable, open to other users, or not a ledger file.</exception>
    public (IReadOnlyList<BotLedgerState> Ledgers, bool SameUpstream) Load(Uri upstream)
    {
        var document = PrivateJsonFile.Read(path, "gateway ledger file", LedgerJsonContext.Default.LedgerDocument, Damaged);
        if (document is null)
        {
            return ([], true);
        }

        if (document.Format != Format)
        {
            throw Damaged($"it is not a {Format} file");
        }

        if (document.Ledgers.GroupBy(l => l.Bot).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw Damaged($"bot {twice.Key} appears twice");
        }

        return (document.Ledgers, document.Upstream == upstream.ToString());
    }

    /// <summary>Replaces the file with <paramref name="ledgers"/>, saved for <paramref name="upstream"/>.</summary>
    /// <exception cref="TradeguardException">Exit 5 when the folder cannot be written.</exception>
    public void Save(Uri upstream, IReadOnlyList<BotLedgerState> ledgers)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var document = new LedgerDocument(Format, upstream.ToString(), ledgers);
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, document, LedgerJsonContext.Default.LedgerDocument));
    }

    private TradeguardException Damaged(string why) =>
        new(ExitCode.Configuration, $"the gateway ledger file {path} is damaged: {why}. Move it aside to start with empty ledgers (positions and today's P&L are then forgotten).");

    private sealed record LedgerDocument(string Format, string Upstream, IReadOnlyList<BotLedgerState> Ledgers);

    /// <summary>Web defaults, indented, unknown keys refused, nullability and required parameters enforced; generated, so no reflection.</summary>
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
    [JsonSerializable(typeof(LedgerDocument))]
    private sealed partial class LedgerJsonContext : JsonSerializerContext;
}
