using Tradeguard.Alerts;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Core.Secrets;
using Tradeguard.Gateway.Channel;
using Tradeguard.Gateway.Control;
using Tradeguard.Gateway.Journal;
using Tradeguard.Gateway.Keys;
using Tradeguard.TestSupport;

namespace Tradeguard.Gateway.Tests.Channel;

/// <summary>
/// A real bot channel on a Unix socket in a temporary folder, wired as <c>gateway serve</c> wires it: the gateway's
/// authenticator with one bot key, its control board (which the test drives as an operator would), its journal, and
/// a real alert publisher and outbox.
/// </summary>
internal sealed class ChannelHarness : IAsyncDisposable
{
    public const string Bot = "momentum";
    public const string ApiKey = "tgbotkey0000000000000000000000000000000000000000000000000000000a";
    public const string ApiSecret = "tgbotsecret00000000000000000000000000000000000000000000000000000";

    private ChannelHarness(TempFolder folder, OutboxStore outbox, ControlBoard control, RecordingAuditLog audit, BotChannelServer server, ChannelOptions options)
    {
        Folder = folder;
        Outbox = outbox;
        Control = control;
        Audit = audit;
        Server = server;
        Options = options;
    }

    public TempFolder Folder { get; }

    public OutboxStore Outbox { get; }

    public ControlBoard Control { get; }

    public RecordingAuditLog Audit { get; }

    public BotChannelServer Server { get; }

    public ChannelOptions Options { get; }

    public static async Task<ChannelHarness> StartAsync(ExposurePolicy? policy = null, IReadOnlyDictionary<string, string>? customKinds = null)
    {
        var folder = new TempFolder();
        var outbox = OutboxStore.Open(folder.Combine("outbox.db"));
        var audit = new RecordingAuditLog();
        var publisher = new AlertPublisher(outbox, policy ?? new ExposurePolicy(), new FixedRouting([new AlertRecipient("telegram", "4242")]), [], audit);
        var control = new ControlBoard([Bot, "other"]);
        var options = new ChannelOptions { ChannelFolder = Path.Combine(folder.Path, "gateway", "channel") };
        var authenticator = new BotAuthenticator([new BotKey(Bot, ApiKey, Secret.FromString(ApiSecret))]);
        var parts = new BotChannelParts(authenticator, control, new GatewayJournal(audit, publisher, TradingMode.Paper, TimeProvider.System),
            publisher, new BotAlertKinds(customKinds), audit);
        var server = await BotChannelServer.StartAsync(parts, options);
        return new ChannelHarness(folder, outbox, control, audit, server, options);
    }

    public IReadOnlyDictionary<string, string?> BotEnvironment() => new Dictionary<string, string?>
    {
        [Gateway.Channel.BotEnvironment.UrlVariable] = "http://127.0.0.1:9",
        [Gateway.Channel.BotEnvironment.ApiKeyVariable] = ApiKey,
        [Gateway.Channel.BotEnvironment.ApiSecretVariable] = ApiSecret,
        [Gateway.Channel.BotEnvironment.ChannelVariable] = Options.Address,
        ["PYTHONPATH"] = Path.Combine(RepoPaths.Root, "clients", "python"),
        ["PYTHONDONTWRITEBYTECODE"] = "1",
    };

    /// <summary>Runs a Python bot script with the shipped client on its path.</summary>
    public ProcessResult RunPython(string script) =>
        ChildProcess.Run(Python.Interpreter, ["-c", script], env: BotEnvironment(), timeout: TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Folder.Dispose();
    }
}
