using Tradeguard.Alerts.Dispatch;

namespace Tradeguard.Alerts.Tests;

/// <summary>The overall limit's arrival estimate (issue 14: no 429 from a strict service, the first window included).</summary>
public sealed class SlidingWindowLimitTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double ms) => T0 + TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void FirstWindowsAnswers_HoldTheirSlotsAWindowPastTheAnswer_NotPastAnEstimateFromWarmUpRoundTrips()
    {
        // Two sends start together; their round trips carry connection set-up (130 ms, of which the service saw the
        // message at +30 ms). Dating their arrival by the fastest of these round trips would put it at +0 ms and free the
        // slots at +1,000 ms, while the service still counts them until +1,030 ms: a third message sent at +1,010 ms would
        // be the third in one second.
        var limit = new SlidingWindowLimit(2, TimeSpan.FromSeconds(1));
        limit.Take("a", At(0));
        limit.Take("b", At(0));
        limit.Complete("a", At(130), answered: true);
        limit.Complete("b", At(131), answered: true);

        Assert.False(limit.CanTake(At(1010), out var retryAt));
        Assert.Equal(At(1130), retryAt);
        Assert.True(limit.CanTake(At(1130), out _));
    }

    [Fact]
    public void OnceAWindowOfAnswersIsSeen_ArrivalsAreDatedByTheFastestRoundTrip()
    {
        var limit = new SlidingWindowLimit(1, TimeSpan.FromSeconds(1));
        limit.Take("warm", At(0));
        limit.Complete("warm", At(100), answered: true); // the first window's one answer: fastest round trip 100 ms
        Assert.True(limit.CanTake(At(1100), out _));
        limit.Take("next", At(1100));
        limit.Complete("next", At(1300), answered: true); // 200 ms round trip: arrived by 1,300 − 100 = 1,200 ms

        Assert.False(limit.CanTake(At(2150), out var retryAt));
        Assert.Equal(At(2200), retryAt);
    }
}
