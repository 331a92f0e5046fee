using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using Tradeguard.Alerts;
using Tradeguard.Alerts.Dispatch;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Alerts.Security;
using Tradeguard.Telegram.Bot;
using Tradeguard.Telegram.Linking;
using Tradeguard.Telegram.Ports;
using Tradeguard.TestSupport;

namespace Tradeguard.Telegram.Tests;

/// <summary>
/// Everything wired as in production, against the fake Bot API through the real Telegram.Bot client over HTTP, on fake
/// time that starts 100 s after the fixtures' first update (1700000000).
/// </summary>
internal sealed class BotHarness : IAsyncDisposable
{
    public const string Token = "7000000001:AAHfakeTokenForTestsOnly0123456789ab";
    public const long Owner = 100000001;
    public const long Stranger = 200000002;
    public const long Supergroup = -1001000000001;

    private BotHarness(FakeTimeProvider time, FakeBotApi api, TempFolder folder, TelegramOptions options, RecordingAuditLog audit,
        CapturingLogger logger)
    {
        Time = time;
        Api = api;
        Folder = folder;
        Audit = audit;
        Logger = logger;
        Options = options;
        Totp = new OtpNetTotpVerifier(time);
        Client = TelegramClientFactory.Create(Token, api.BaseUrl, logger);
        Outbox = OutboxStore.Open(folder.Combine("outbox.db"), time);
        Channel = new TelegramChannel(Client, logger);
        Store = TelegramStore.Open(folder.Combine("telegram.db"), time);
        AuditWithAlerts = new SecurityAlertingAuditLog(audit, () => Publisher, time);
        Publisher = new AlertPublisher(Outbox, new ExposurePolicy(), new TelegramRouting(options, Store, Operators), [Channel], AuditWithAlerts,
            new Core.Redaction.Redactor());
        Dispatcher = new AlertDispatcher(Outbox, [Channel], AuditWithAlerts, DispatchOptions, time, logger);
        Bot = new CommandBot(options, Store, Operators, Totp, Engine, Publisher, AuditWithAlerts, time, Client, logger);
        Poller = new UpdatePoller(Client, Store, Bot, options, time, logger);
    }

    public FakeTimeProvider Time { get; }

    public FakeBotApi Api { get; }

    public TempFolder Folder { get; }

    public TelegramOptions Options { get; }

    public TelegramBotClient Client { get; }

    public OutboxStore Outbox { get; }

    public TelegramChannel Channel { get; }

    public TelegramStore Store { get; }

    public SecurityAlertingAuditLog AuditWithAlerts { get; }

    public AlertPublisher Publisher { get; }

    public DispatchOptions DispatchOptions { get; } = new();

    public AlertDispatcher Dispatcher { get; }

    public CommandBot Bot { get; }

    public UpdatePoller Poller { get; }

    public RecordingAuditLog Audit { get; }

    public CapturingLogger Logger { get; }

    public FakeOperators Operators { get; } = new();

    public OtpNetTotpVerifier Totp { get; }

    public FakeEngine Engine { get; } = new();

    public static async Task<BotHarness> StartAsync(TelegramOptions? options = null)
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1700000100));
        var api = await FakeBotApi.StartAsync(time);
        var opts = (options ?? new TelegramOptions()) with { ApiBaseUrl = api.BaseUrl.ToString(), BotUsername = "ExampleTradingBot" };
        return new BotHarness(time, api, new TempFolder(), opts, new RecordingAuditLog(), new CapturingLogger());
    }

    /// <summary>Links <paramref name="userId"/> to <paramref name="operatorName"/> the only way there is: a code sent with /link.</summary>
    public async Task LinkAsync(long userId, string operatorName, OperatorRole role, int updateId)
    {
        Operators.Accounts[operatorName] = new OperatorInfo(operatorName, role, IsActive: true);
        var code = Store.IssueLinkCode(operatorName, Options.LinkCodeLifetime);
        Api.AddUpdate(PrivateUpdate(updateId, userId, "/link " + code));
        await Poller.PollOnceAsync();
        Assert.Equal(operatorName, Store.OperatorFor(userId));
    }

    /// <summary>A private-chat update shaped like the fixture update-private-command-start.json, dated now.</summary>
    public string PrivateUpdate(int updateId, long userId, string text)
    {
        var node = JsonNode.Parse(FakeBotApi.Fixture("update-private-command-start.json"))!;
        node["update_id"] = updateId;
        node["message"]!["from"]!["id"] = userId;
        node["message"]!["chat"]!["id"] = userId;
        node["message"]!["text"] = text;
        node["message"]!["date"] = Time.GetUtcNow().ToUnixTimeSeconds();
        node["message"]!["entities"]![0]!["length"] = text.Split(' ')[0].Length;
        return node.ToJsonString();
    }

    /// <summary>A supergroup update shaped like the fixture update-supergroup-command-other-user.json, dated now.</summary>
    public string SupergroupUpdate(int updateId, long userId, string text)
    {
        var node = JsonNode.Parse(FakeBotApi.Fixture("update-supergroup-command-other-user.json"))!;
        node["update_id"] = updateId;
        node["message"]!["from"]!["id"] = userId;
        node["message"]!["text"] = text;
        node["message"]!["date"] = Time.GetUtcNow().ToUnixTimeSeconds();
        node["message"]!["entities"]![0]!["length"] = text.Split(' ')[0].Length;
        return node.ToJsonString();
    }

    /// <summary>
    /// Runs dispatch passes until the outbox is empty, jumping fake time to each next due moment; when a request hangs,
    /// moves time past the send timeout so the dispatcher gives up on it, as it would for real. Bounded.
    /// </summary>
    public async Task DrainAsync(int maxPasses = 2000)
    {
        for (var i = 0; i < maxPasses; i++)
        {
            var pass = await PassAsync();
            if (pass.Pending == 0)
            {
                return;
            }

            var now = Time.GetUtcNow();
            Time.SetUtcNow(pass.NextDueAt is { } due && due > now ? due : now + TimeSpan.FromMilliseconds(100));
        }

        throw new InvalidOperationException("the outbox did not drain within the bound");
    }

    /// <summary>One dispatch pass; a hung request is timed out by advancing fake time by the send timeout.</summary>
    public async Task<DispatchPass> PassAsync()
    {
        var pass = Dispatcher.DispatchDueAsync();
        var handledHangs = Api.HangsStarted;
        for (var spin = 0; spin < 20_000 && !pass.IsCompleted; spin++)
        {
            if (Api.HangsStarted > handledHangs && Api.Hanging > 0)
            {
                handledHangs = Api.HangsStarted;
                Time.Advance(DispatchOptions.SendTimeout);
            }

            await Task.WhenAny(pass, Task.Delay(1));
        }

        return await pass;
    }

    public async ValueTask DisposeAsync()
    {
        Dispatcher.Dispose();
        await Api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Folder.Dispose();
    }
}
