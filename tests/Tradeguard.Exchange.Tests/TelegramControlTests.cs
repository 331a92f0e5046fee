using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;
using Tradeguard.Alerts;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Cli.Composition;
using Tradeguard.Exchange.Runner;
using Tradeguard.Exchange.Tests.Support;
using Tradeguard.Telegram;
using Tradeguard.Telegram.Bot;
using Tradeguard.Telegram.Linking;
using Tradeguard.Telegram.Ports;
using Tradeguard.TestSupport;
using Tradeguard.Trading.Broker;

namespace Tradeguard.Exchange.Tests;

/// <summary>
/// The command bot as <c>exchange serve</c> wires it (the real <see cref="CommandBot"/>, roles, /confirm, the outbox for
/// replies) with the running strategy behind its engine port: chat commands reach the runner trading on the sandbox.
/// </summary>
public sealed class TelegramControlTests
{
    private const long AliceTelegramId = 100000001;
    private const string GoodCode = "287082";

    [Fact]
    public async Task PauseAndConfirmedCloseAll_FromALinkedAdmin_ReachTheRunnerOnTheSandbox()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        await using var driver = await RunnerDriver.StartAsync(sandbox);
        using var folder = new TempFolder();
        var outbox = OutboxStore.Open(folder.Combine("outbox.db"));
        var store = TelegramStore.Open(folder.Combine("telegram.db"));
        var options = new TelegramOptions { BotUsername = "TradeguardTestBot" };
        var operators = new OneOperator(new OperatorInfo("alice", OperatorRole.Admin, IsActive: true));
        Assert.Equal("alice", store.RedeemLinkCode(store.IssueLinkCode("alice", options.LinkCodeLifetime), AliceTelegramId));
        var publisher = new AlertPublisher(outbox, new ExposurePolicy(), new TelegramRouting(options, store, operators), []);
        var bot = new CommandBot(options, store, operators, new OneCode(GoodCode), new RunnerEngine(driver.Runner, TimeSpan.FromSeconds(10)),
            publisher, Core.Audit.NullAuditLog.Instance, logger: sandbox.Log);
        var updateId = 1;
        Task<UpdateDecision> Send(string text) => bot.HandleAsync(PrivateMessage(updateId++, AliceTelegramId, text));

        await driver.StepUntilAsync(() => driver.Runner.Snapshot.Position > 0 && driver.Runner.Snapshot.WorkingOrders == 0);
        Assert.Equal(UpdateVerdict.Accepted, (await Send("/pause")).Verdict);
        Assert.True(driver.Runner.Control.IsPaused);
        var sent = RunnerDriver.ExchangeOrderCount(sandbox.Market);
        await driver.StepUntilAsync(() => driver.Runner.Orders.Any(o => o.Reason == "new orders are paused by the operator"));
        Assert.Equal(sent, RunnerDriver.ExchangeOrderCount(sandbox.Market));

        var held = driver.Runner.Snapshot.Position;
        Assert.Equal(new UpdateDecision(UpdateVerdict.Accepted, "awaiting /confirm"), await Send("/closeall"));
        Assert.Empty(sandbox.Market.OpenOrders());
        Assert.Equal(UpdateVerdict.Accepted, (await Send("/confirm " + GoodCode)).Verdict);

        var sell = Assert.Single(sandbox.Market.OpenOrders());
        Assert.Equal((OrderSide.Sell, OrderType.Market, held), (sell.Side, sell.Type, sell.Quantity));
        await driver.StepAsync();
        Assert.Equal(0m, driver.Runner.Snapshot.Position);
        var replies = outbox.List(limit: 20).Select(m => m.Text ?? "").ToList();
        Assert.Contains(replies, r => r.Contains("Paused ORCL: no new orders", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Contains("Market sell of the whole ORCL position sent", StringComparison.Ordinal));
        Assert.Equal(RunnerState.Paused, driver.Runner.Snapshot.State);
    }

    private static Update PrivateMessage(int updateId, long userId, string text)
    {
        var command = text.Split(' ')[0].Length;
        var json = $$$"""
            {"update_id":{{{updateId}}},"message":{"message_id":{{{updateId}}},"from":{"id":{{{userId}}},"is_bot":false,"first_name":"Alice"},
             "chat":{"id":{{{userId}}},"type":"private","first_name":"Alice"},"date":{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}},
             "text":"{{{text}}}","entities":[{"offset":0,"length":{{{command}}},"type":"bot_command"}]}}
            """;
        return JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!;
    }

    private sealed class OneOperator(OperatorInfo account) : IOperatorDirectory
    {
        public OperatorInfo? Find(string name) => name == account.Name ? account : null;
    }

    /// <summary>Accepts one TOTP code (Identity's RFC 6238 check is tested in its own module).</summary>
    private sealed class OneCode(string code) : ITotpVerifier
    {
        public bool Verify(string operatorName, string candidate) => operatorName == "alice" && candidate == code;
    }
}
