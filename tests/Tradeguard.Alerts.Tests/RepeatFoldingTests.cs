using Microsoft.Extensions.Time.Testing;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Core.Redaction;
using Tradeguard.TestSupport;

namespace Tradeguard.Alerts.Tests;

/// <summary>A line repeated within the window is sent once and then told once as a tally (issue 14: "×12 in 5 min").</summary>
public sealed class RepeatFoldingTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    private (OutboxStore Outbox, AlertPublisher Publisher) Build(params AlertRecipient[] recipients)
    {
        var outbox = OutboxStore.Open(_folder.Combine("outbox.db"), _time);
        var routing = new FixedRouting(recipients.Length == 0 ? [new AlertRecipient("telegram", "100000001")] : recipients);
        return (outbox, new AlertPublisher(outbox, new ExposurePolicy(), routing, [], redactor: new Redactor(), folder: new RepeatFolder(Window, _time)));
    }

    private Alert Refused(int i) => new("order.rejected", "Buy order refused", _time.GetUtcNow())
    {
        Symbol = "ORCL",
        Source = "momentum",
        Mode = TradingMode.Paper,
        DedupeKey = $"refused-{i}",
    };

    private string[] Texts(OutboxStore outbox) => outbox.List(null, 1000).OrderBy(m => m.Id).Select(m => m.Text ?? "").ToArray();

    [Fact]
    public void TwelveRepeatsInAWindow_AreOneMessageThenOneTallyWhenTheWindowCloses()
    {
        var (outbox, publisher) = Build();
        Assert.Equal(1, publisher.Publish(Refused(0)));
        for (var i = 1; i < 12; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(20));
            Assert.Equal(0, publisher.Publish(Refused(i)));
        }

        Assert.Equal(["[paper] Buy order refused · ORCL · momentum"], Texts(outbox));
        _time.Advance(Window); // the tally timer fires at the window's close, with no further alert needed
        Assert.Equal(["[paper] Buy order refused · ORCL · momentum", "[paper] Buy order refused · ORCL · momentum (×12 in 4 min)"], Texts(outbox));

        // After the window, the line is news again.
        Assert.Equal(1, publisher.Publish(Refused(12)));
        Assert.Equal(3, Texts(outbox).Length);
    }

    [Fact]
    public void DifferentLinesOrRecipients_AreNotFolded_NorSecurityAlerts_NorALineSeenOnce()
    {
        var (outbox, publisher) = Build(new AlertRecipient("telegram", "1"), new AlertRecipient("telegram", "2"));
        publisher.Publish(Refused(0));
        publisher.Publish(Refused(1) with { Symbol = "MSFT" });
        publisher.Publish(Refused(2) with { Source = "meanrev" });
        for (var i = 0; i < 3; i++)
        {
            publisher.Publish(new Alert(AlertKinds.SecurityPrefix + "gateway_auth", "Gateway refused a request", _time.GetUtcNow()) { DedupeKey = $"sec-{i}" });
        }

        Assert.Equal(12, Texts(outbox).Length); // 3 trading lines and 3 security alerts, each to 2 chats
        _time.Advance(Window + Window);
        Assert.Equal(12, Texts(outbox).Length); // nothing repeated: no tally
    }

    [Fact]
    public void FlushRepeats_TellsOpenTalliesAtOnce_AndAZeroWindowFoldsNothing()
    {
        var (outbox, publisher) = Build();
        publisher.Publish(Refused(0));
        _time.Advance(TimeSpan.FromSeconds(40));
        publisher.Publish(Refused(1));
        Assert.Equal(1, publisher.FlushRepeats());
        Assert.Equal("[paper] Buy order refused · ORCL · momentum (×2 in 40 s)", Texts(outbox)[^1]);

        var plain = new AlertPublisher(outbox, new ExposurePolicy(), new FixedRouting([new AlertRecipient("telegram", "9")]), [],
            redactor: new Redactor(), folder: new RepeatFolder(TimeSpan.Zero, _time));
        Assert.Equal(2, plain.Publish(Refused(5)) + plain.Publish(Refused(6)));
    }
}
