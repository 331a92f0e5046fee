using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Tradeguard.Alerts.Dispatch;
using Tradeguard.Alerts.Outbox;
using Tradeguard.TestSupport;

namespace Tradeguard.Telegram.Tests;

/// <summary>What one load run measured at the fake Bot API.</summary>
internal sealed record LoadResult(
    int Published,
    int Delivered,
    int Rejected,
    int Lost,
    int Duplicated,
    bool OrderKeptPerChat,
    int MaxInAnySecond,
    TimeSpan MinChatGap,
    int MaxConcurrent,
    TimeSpan Elapsed)
{
    /// <summary>Messages per second from the first send to the last acceptance.</summary>
    public double Rate => Delivered / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Delivered}/{Published} delivered in {Elapsed.TotalSeconds:0.00} s = {Rate:0.00} msg/s; 429: {Rejected}; lost {Lost}; " +
        $"duplicated {Duplicated}; order kept: {OrderKeptPerChat}; max in any 1 s: {MaxInAnySecond}; " +
        $"min chat gap {MinChatGap.TotalMilliseconds:0} ms; max concurrent {MaxConcurrent}");
}

/// <summary>
/// N alerts to C private chats through the real dispatcher, TelegramChannel and Telegram.Bot over HTTP, against the fake
/// Bot API with a round-trip latency that enforces Telegram's limits strictly (429 on any violation); real time.
/// Shared by the CI test (small) and bench/ (2,000 to 40).
/// </summary>
internal static class LoadScenario
{
    public const string Token = "7000000001:AAHfakeTokenForTestsOnly0123456789ab";

    public static async Task<LoadResult> RunAsync(int messages, int chats, TimeSpan latency, DispatchOptions? options = null,
        TimeSpan? bound = null)
    {
        using var folder = new TempFolder();
        await using var api = await FakeBotApi.StartAsync(TimeProvider.System);
        api.Latency = latency;
        api.EnforceLimits = true;
        var outbox = OutboxStore.Open(folder.Combine("outbox.db"));
        var expected = new List<NewOutboxMessage>(messages);
        for (var i = 0; i < messages; i++)
        {
            var chat = (100000001 + (i % chats)).ToString(CultureInfo.InvariantCulture);
            expected.Add(new NewOutboxMessage("telegram", chat, "order.filled", $"load-{i}", $"alert {i:0000} for {chat}"));
        }

        outbox.Enqueue(expected);
        var client = TelegramClientFactory.Create(Token, api.BaseUrl, NullLogger.Instance);
        using var dispatcher = new AlertDispatcher(outbox, [new TelegramChannel(client)], null, options);
        var clock = Stopwatch.StartNew();
        var deadline = bound ?? TimeSpan.FromMinutes(5);
        while (clock.Elapsed < deadline)
        {
            var pass = await dispatcher.DispatchDueAsync();
            if (pass.Pending == 0)
            {
                break;
            }

            var wait = pass.NextDueAt is { } due ? due - DateTimeOffset.UtcNow : TimeSpan.FromMilliseconds(10);
            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait);
        }

        var calls = api.Calls.Where(c => c.Method == "sendmessage").ToList();
        var delivered = calls.Where(c => c.Status == 200).ToList();
        var counts = api.DeliveredCounts();
        var first = calls.Count > 0 ? calls.Min(c => c.At) : DateTimeOffset.UtcNow;
        var last = delivered.Count > 0 ? delivered.Max(c => c.At) + latency : first;
        var arrivals = delivered.Select(c => c.At).Order().ToList();
        var maxInSecond = 0;
        for (int i = 0, j = 0; i < arrivals.Count; i++)
        {
            while (arrivals[i] - arrivals[j] >= TimeSpan.FromSeconds(1))
            {
                j++;
            }

            maxInSecond = Math.Max(maxInSecond, i - j + 1);
        }

        var perChat = delivered.GroupBy(c => c.ChatId).ToList();
        var orderKept = perChat.All(g => g.Select(c => FakeBotApi.Headline(c.Text)).SequenceEqual(g.Select(c => FakeBotApi.Headline(c.Text)).Order(StringComparer.Ordinal)));
        var minGap = perChat.SelectMany(g => g.Zip(g.Skip(1), (a, b) => b.At - a.At)).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        return new LoadResult(messages, delivered.Count, calls.Count(c => c.Status == 429),
            expected.Count(m => !counts.ContainsKey((m.Recipient, m.Text!))), counts.Values.Sum(n => n - 1), orderKept, maxInSecond,
            minGap, api.MaxConcurrentSends, last - first);
    }
}
