using Tradeguard.Alerts;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Core.Secrets;
using Tradeguard.Exchange.Sandbox;
using Tradeguard.Exchange.Signing;
using Tradeguard.Gateway.Channel;
using Tradeguard.TestSupport;

namespace Tradeguard.Gateway.Tests.Channel;

/// <summary>
/// A real bot channel on a Unix socket in a temporary folder, wired to a real alert publisher and outbox, with one
/// bot key checked by the Binance signer and a control port the test drives.
/// </summary>
internal sealed class ChannelHarness : IAsyncDisposable
{
    public const string Bot = "momentum";
    public const string ApiKey = "tgbotkey0000000000000000000000000000000000000000000000000000000a";
    public const string ApiSecret = "tgbotsecret00000000000000000000000000000000000000000000000000000";

    private ChannelHarness(TempFolder folder, OutboxStore outbox, TestControl control, RecordingAuditLog audit, BotChannelServer server, ChannelOptions options)
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

    public TestControl Control { get; }

    public RecordingAuditLog Audit { get; }

    public BotChannelServer Server { get; }

    public ChannelOptions Options { get; }

    public static async Task<ChannelHarness> StartAsync(ExposurePolicy? policy = null, IReadOnlyDictionary<string, string>? customKinds = null)
    {
        var folder = new TempFolder();
        var outbox = OutboxStore.Open(folder.Combine("outbox.db"));
        var audit = new RecordingAuditLog();
        var publisher = new AlertPublisher(outbox, policy ?? new ExposurePolicy(), new FixedRouting([new AlertRecipient("telegram", "4242")]), [], audit);
        var control = new TestControl();
        var options = new ChannelOptions { ChannelFolder = Path.Combine(folder.Path, "channel") };
        var parts = new BotChannelParts(new OneBotAuthenticator(), control, publisher, new BotAlertKinds(customKinds), TradingMode.Paper, audit);
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

    /// <summary>The Binance check for one bot key (the gateway's own verifier does the same for every bot).</summary>
    private sealed class OneBotAuthenticator : IBotRequestAuthenticator
    {
        private readonly Secret _secret = Secret.FromString(ApiSecret);

        public BotAuthentication Authenticate(string? apiKey, ChannelRequest request)
        {
            if (apiKey != ApiKey)
            {
                return BotAuthentication.Refused(BinanceErrors.RejectedKey);
            }

            return RequestSigner.Verify(_secret, request.SignedPayload, request.Single("signature"))
                ? BotAuthentication.Accepted(Bot)
                : BotAuthentication.Refused(BinanceErrors.InvalidSignature);
        }
    }

    /// <summary>Operator commands the test sends; status lines the bots report.</summary>
    internal sealed class TestControl : IBotControlPort
    {
        private readonly List<BotCommand> _commands = [];
        private readonly Lock _gate = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public System.Collections.Concurrent.ConcurrentDictionary<string, string> Statuses { get; } = new();

        public void Send(string action, bool allBots = false)
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                _commands.Add(new BotCommand(_commands.Count + 1, action, allBots, DateTimeOffset.UtcNow));
                changed = _changed;
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.SetResult();
        }

        public async Task<IReadOnlyList<BotCommand>> WaitForCommandsAsync(string bot, long after, CancellationToken cancellationToken)
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    var newer = _commands.Where(c => c.Sequence > after).ToList();
                    if (newer.Count > 0)
                    {
                        return newer;
                    }

                    changed = _changed.Task;
                }

                await changed.WaitAsync(cancellationToken);
            }
        }

        public void ReportStatus(string bot, string line)
        {
            Statuses[bot] = line;
        }
    }
}
