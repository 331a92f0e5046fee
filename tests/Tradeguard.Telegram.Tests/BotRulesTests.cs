using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Tradeguard.Alerts;
using Tradeguard.Alerts.Age;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.Telegram.Ports;
using Tradeguard.Telegram.Webhook;
using Tradeguard.TestSupport;

namespace Tradeguard.Telegram.Tests;

/// <summary>Who the bot obeys, and how updates reach it (polling offset, webhook secret).</summary>
public sealed class BotRulesTests
{
    private static async Task<AuditEvent> PollOne(BotHarness h, string update)
    {
        h.Api.AddUpdate(update);
        await h.Poller.PollOnceAsync();
        return h.Audit.Events.Last(e => e.Action.StartsWith("telegram.", StringComparison.Ordinal));
    }

    private static string With(string fixture, Action<JsonNode> change, BotHarness h)
    {
        var node = JsonNode.Parse(FakeBotApi.Fixture(fixture))!;
        var message = node["message"] ?? node["edited_message"];
        if (message is not null)
        {
            message["date"] = h.Time.GetUtcNow().ToUnixTimeSeconds();
        }

        change(node);
        return node.ToJsonString();
    }

    [Fact]
    public async Task RefusedUpdates_AreAuditedWithTheirReason_AndGetNoReply()
    {
        await using var h = await BotHarness.StartAsync();
        await h.LinkAsync(BotHarness.Owner, "alice", OperatorRole.Viewer, 900);
        await h.DrainAsync();
        var repliesBefore = h.Api.Delivered.Count;

        Assert.Equal("sender not linked", (await PollOne(h, With("update-private-command-other-user.json", n => n["update_id"] = 901, h))).Reason);
        Assert.Equal("edited message", (await PollOne(h, With("update-edited-message.json", n => n["update_id"] = 902, h))).Reason);
        Assert.Equal("sent by a bot", (await PollOne(h, h.PrivateUpdate(903, BotHarness.Owner, "/status").Replace("\"is_bot\":false", "\"is_bot\":true", StringComparison.Ordinal))).Reason);
        Assert.Equal("forwarded message", (await PollOne(h, With("update-private-command-start.json", n =>
        {
            n["update_id"] = 904;
            n["message"]!["text"] = "/status";
            n["message"]!["forward_origin"] = JsonNode.Parse("""{"type":"user","date":1700000000,"sender_user":{"id":200000002,"is_bot":false,"first_name":"Stranger"}}""");
        }, h))).Reason);
        Assert.Equal("older than 120 s", (await PollOne(h, With("update-private-command-start.json", n =>
        {
            n["update_id"] = 905;
            n["message"]!["text"] = "/status";
            n["message"]!["date"] = h.Time.GetUtcNow().ToUnixTimeSeconds() - 121;
        }, h))).Reason);
        Assert.Equal("group not allowed", (await PollOne(h, With("update-group-command.json", n => n["update_id"] = 906, h))).Reason);
        Assert.Equal("ChannelPost update", (await PollOne(h, With("update-channel-post.json", n => n["update_id"] = 907, h))).Reason);
        Assert.Equal("role Viewer lacks Trader", (await PollOne(h, h.PrivateUpdate(908, BotHarness.Owner, "/pause"))).Reason);

        await h.DrainAsync();
        // Only the linked viewer hears back ("Not permitted for your role."); every other refusal is silent.
        Assert.Equal(["<b>Not permitted for your role.</b>"], h.Api.Delivered.Skip(repliesBefore).Select(c => c.Text));
        Assert.Equal(0, h.Engine.Pauses);
    }

    [Fact]
    public async Task CallbackQuery_FollowsTheSameRules_AndIsAnswered()
    {
        await using var h = await BotHarness.StartAsync();
        var fromStranger = With("update-callback-query.json", n => n["callback_query"]!["from"]!["id"] = BotHarness.Stranger, h);
        Assert.Equal("sender not linked", (await PollOne(h, fromStranger)).Reason);
        Assert.Contains(h.Api.Calls, c => c.Method == "answercallbackquery");
    }

    [Fact]
    public async Task LinkCode_WorksOnce_OnlyInPrivate_AndExpires()
    {
        await using var h = await BotHarness.StartAsync();
        await h.LinkAsync(BotHarness.Stranger + 1, "root", OperatorRole.Admin, 900);
        h.Operators.Accounts["bob"] = new OperatorInfo("bob", OperatorRole.Trader, true);
        var code = h.Store.IssueLinkCode("bob", h.Options.LinkCodeLifetime);

        Assert.Equal("/link outside a private chat", (await PollOne(h, h.SupergroupUpdate(901, BotHarness.Owner, "/link " + code))).Reason);
        var linked = await PollOne(h, h.PrivateUpdate(902, BotHarness.Owner, "/link " + code.ToLowerInvariant()));
        Assert.Equal(("telegram.link", AuditOutcome.Success, "telegram:100000001", "bob"), (linked.Action, linked.Outcome, linked.Actor, linked.Target));
        Assert.Equal("link code unknown, expired or used", (await PollOne(h, h.PrivateUpdate(903, BotHarness.Stranger, "/link " + code))).Reason);
        Assert.Null(h.Store.OperatorFor(BotHarness.Stranger));

        var late = h.Store.IssueLinkCode("bob", h.Options.LinkCodeLifetime);
        h.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Assert.Equal("link code unknown, expired or used", (await PollOne(h, h.PrivateUpdate(904, BotHarness.Stranger, "/link " + late))).Reason);

        // Linking tells the admins: the link itself is a security event.
        Assert.Contains(h.Outbox.List(), m => m.Recipient == "200000003" && m.Text == "[security] Telegram account linked: bob");
    }

    [Fact]
    public async Task PollingOffset_SurvivesARestart_NeitherReplayingNorSkipping()
    {
        await using var h = await BotHarness.StartAsync();
        await h.LinkAsync(BotHarness.Owner, "alice", OperatorRole.Trader, 900);
        h.Api.AddUpdate(h.PrivateUpdate(901, BotHarness.Owner, "/pause"));
        await h.Poller.PollOnceAsync();
        Assert.Equal(1, h.Engine.Pauses);

        // A new process over the same state file: asks for offset 902, so /pause is not replayed; 902 is handled.
        var reopened = Linking.TelegramStore.Open(h.Folder.Combine("telegram.db"), h.Time);
        Assert.Equal(902, reopened.NextOffset);
        var bot = new Bot.CommandBot(h.Options, reopened, h.Operators, h.Totp, h.Engine, h.Publisher, h.Audit, h.Time, h.Client);
        h.Api.AddUpdate(h.PrivateUpdate(902, BotHarness.Owner, "/pause"));
        await new Bot.UpdatePoller(h.Client, reopened, bot, h.Options, h.Time).PollOnceAsync();
        Assert.Equal(2, h.Engine.Pauses);
        Assert.Equal("902", h.Api.Calls.Last(c => c.Method == "getupdates").Parameters["offset"]);
    }

    [Fact]
    public async Task Webhook_RefusesMissingOrWrongSecret_WithoutTouchingTheBot_AndAcceptsTheRightOne()
    {
        await using var h = await BotHarness.StartAsync();
        await h.LinkAsync(BotHarness.Owner, "alice", OperatorRole.Trader, 900);
        using var secret = WebhookEndpoint.NewSecretToken();
        await using var endpoint = await WebhookEndpoint.StartAsync(new Uri("http://127.0.0.1:0"), "/telegram/webhook", secret, h.Bot, false,
            h.Logger);
        using var http = new HttpClient();

        async Task<HttpStatusCode> Post(string update, string? header)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Address) { Content = new StringContent(update, Encoding.UTF8, "application/json") };
            if (header is not null)
            {
                request.Headers.Add(WebhookEndpoint.SecretHeader, header);
            }

            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        var pause = h.PrivateUpdate(901, BotHarness.Owner, "/pause");
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(pause, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(pause, secret.Reveal()[..^1] + "x"));
        Assert.Equal(0, h.Engine.Pauses);
        Assert.Equal(HttpStatusCode.OK, await Post(pause, secret.Reveal()));
        Assert.Equal(1, h.Engine.Pauses);
        Assert.Equal(HttpStatusCode.OK, await Post(pause, secret.Reveal())); // a redelivery is dropped by update id
        Assert.Equal(1, h.Engine.Pauses);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", secret.Reveal());
    }

    [Fact]
    public async Task WebhookOnAPublicAddress_IsRefusedUnlessAllowed()
    {
        await using var h = await BotHarness.StartAsync();
        using var secret = WebhookEndpoint.NewSecretToken();
        var e = await Assert.ThrowsAsync<TradeguardException>(() =>
            WebhookEndpoint.StartAsync(new Uri("http://0.0.0.0:0"), "/hook", secret, h.Bot, false, h.Logger));
        Assert.Equal(ExitCode.Configuration, e.ExitCode);
    }

    [Theory]
    [InlineData("https://api.telegram.org", true)]
    [InlineData("http://127.0.0.1:8081", true)]
    [InlineData("http://[::1]:8081", true)]
    [InlineData("http://localhost:8081", true)]
    [InlineData("http://api.telegram.org", false)]
    [InlineData("http://10.0.0.5:8081", false)]
    [InlineData("ftp://api.telegram.org", false)]
    public void BaseUrl_MustBeHttpsUnlessLoopback(string url, bool accepted)
    {
        var options = new TelegramOptions { ApiBaseUrl = url };
        if (accepted)
        {
            Assert.Equal(new Uri(url), options.ValidatedBaseUrl());
        }
        else
        {
            Assert.Equal(ExitCode.Configuration, Assert.Throws<TradeguardException>(() => options.ValidatedBaseUrl()).ExitCode);
        }
    }

    [Fact]
    public void MissingToken_IsAConfigurationError_NamingTheVaultReference()
    {
        var e = Assert.Throws<TradeguardException>(() => TelegramClientFactory.Create(new TelegramOptions(), new InMemorySecretStore()));
        Assert.Equal(ExitCode.Configuration, e.ExitCode);
        Assert.Contains("vault://telegram/bot_token", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetailedPositions_TravelAsAnAgeAttachment_ThatTheAgeCliOpens()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, ChildProcess.Run("age-keygen", ["-o", folder.Combine("key.txt")]).ExitCode);
        using var identity = AgeIdentity.Parse(File.ReadAllText(folder.Combine("key.txt")));
        await using var h = await BotHarness.StartAsync();
        await h.LinkAsync(BotHarness.Owner, "alice", OperatorRole.Viewer, 900);
        var policy = new ExposurePolicy(new Dictionary<string, ExposureLevel> { ["command.positions"] = ExposureLevel.Detailed }, recipient: identity.Recipient);
        var publisher = new AlertPublisher(h.Outbox, policy, new FixedRouting([]), [h.Channel], h.Audit, new Core.Redaction.Redactor());
        var bot = new Bot.CommandBot(h.Options, h.Store, h.Operators, h.Totp, h.Engine, publisher, h.Audit, h.Time, h.Client);

        h.Api.AddUpdate(h.PrivateUpdate(901, BotHarness.Owner, "/positions"));
        await new Bot.UpdatePoller(h.Client, h.Store, bot, h.Options, h.Time).PollOnceAsync();
        await h.DrainAsync();

        var text = h.Api.Delivered.Last().Text!;
        Assert.StartsWith("<b>[paper] Positions</b>\nORCL · long\nDetails sealed to your age key: details-command-positions-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("101.25", text, StringComparison.Ordinal);
        var document = Assert.Single(h.Api.Calls, c => c.Method == "senddocument");
        File.WriteAllBytes(folder.Combine("details.age"), document.File!);
        var opened = ChildProcess.Run("age", ["-d", "-i", folder.Combine("key.txt"), folder.Combine("details.age")]);
        Assert.Equal(0, opened.ExitCode);
        Assert.Equal("1. ORCL · long · quantity: 3\n1. ORCL · long · entry: 101.25\n", opened.Stdout);
    }

    [Fact]
    public async Task SummaryPnl_ShowsProportionsReadableOnAPhone_NeverAnAmount()
    {
        await using var h = await BotHarness.StartAsync();
        await h.LinkAsync(BotHarness.Owner, "alice", OperatorRole.Viewer, 900);
        var policy = new ExposurePolicy(new Dictionary<string, ExposureLevel> { ["command.*"] = ExposureLevel.Summary });
        var publisher = new AlertPublisher(h.Outbox, policy, new FixedRouting([]), [h.Channel], h.Audit, new Core.Redaction.Redactor());
        var bot = new Bot.CommandBot(h.Options, h.Store, h.Operators, h.Totp, h.Engine, publisher, h.Audit, h.Time, h.Client);

        h.Api.AddUpdate(h.PrivateUpdate(901, BotHarness.Owner, "/pnl"));
        await new Bot.UpdatePoller(h.Client, h.Store, bot, h.Options, h.Time).PollOnceAsync();
        await h.DrainAsync();

        Assert.Equal("<b>[paper] P&amp;L today</b>\nMean_Revert_v2 · return +2.3% · today −0.4% · drawdown 1.2% · position 35% of equity · win rate 55% of 20 trades",
            h.Api.Delivered.Last().Text);
        Assert.DoesNotContain(h.Api.Calls, c => c.Method == "senddocument");
        Assert.DoesNotContain("12.40", h.Api.Delivered.Last().Text!, StringComparison.Ordinal);
    }
}
