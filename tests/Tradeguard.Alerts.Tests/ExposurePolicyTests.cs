using System.Text;
using Tradeguard.Alerts.Age;
using Tradeguard.Core.Errors;

namespace Tradeguard.Alerts.Tests;

public sealed class ExposurePolicyTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 14, 30, 0, TimeSpan.Zero);

    private static Alert StopLoss() => new(AlertKinds.StopLossTriggered, "Stop loss triggered", At)
    {
        Symbol = "ORCL",
        Mode = TradingMode.Paper,
        Details = AlertDetails.From(("quantity", "3"), ("price", "101.25"), ("balance", "10234.50")),
    };

    [Fact]
    public void Minimal_IsOneHighLevelLineWithPaperMarker_AndNoDetail()
    {
        var rendered = new ExposurePolicy().Render(StopLoss())!;
        Assert.Equal("[paper] Stop loss triggered · ORCL", rendered.Text);
        Assert.False(rendered.Silent);
        Assert.Null(rendered.Attachment);
    }

    [Fact]
    public void Silent_And_Off_FollowTheConfiguredKind_AndFamilies()
    {
        var policy = new ExposurePolicy(new Dictionary<string, ExposureLevel>
        {
            [AlertKinds.StopLossTriggered] = ExposureLevel.Silent,
            ["order.*"] = ExposureLevel.Off,
        });
        Assert.True(policy.Render(StopLoss())!.Silent);
        Assert.Null(policy.Render(new Alert(AlertKinds.OrderFilled, "Buy order executed", At)));
        Assert.Equal(ExposureLevel.Minimal, policy.LevelFor("security.kill_switch"));
    }

    [Fact]
    public void Summary_AddsProportionsOnly_BelowItTheyStayOut_AndTheWordParses()
    {
        var alert = StopLoss() with { Proportions = new Dictionary<int, AlertProportions> { [0] = new(Return: -0.0151m, Drawdown: 0.031m, Trades: 1, WinRate: 0m) } };
        var summary = new ExposurePolicy(defaultLevel: ExposurePolicy.ParseLevel(" Summary ", "exposure.default")).Render(alert)!;
        Assert.Equal("[paper] Stop loss triggered · ORCL · return −1.5% · drawdown 3.1% · win rate 0% of 1 trade", summary.Text);
        Assert.Null(summary.Attachment);
        Assert.DoesNotContain("101.25", summary.Text, StringComparison.Ordinal);
        Assert.Equal("[paper] Stop loss triggered · ORCL", new ExposurePolicy().Render(alert)!.Text);
        Assert.Equal("return 0% · no closed trades", new AlertProportions(Return: 0.00001m, Trades: 0).Describe());
    }

    [Fact]
    public void Detailed_WithoutRecipient_IsConfigurationError()
    {
        var e = Assert.Throws<TradeguardException>(() => new ExposurePolicy(new Dictionary<string, ExposureLevel>
        {
            [AlertKinds.OrderFilled] = ExposureLevel.Detailed,
        }));
        Assert.Equal(ExitCode.Configuration, e.ExitCode);
        Assert.Contains("order.filled", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detailed_SealsDetailsToRecipient_AndKeepsThemOutOfTheText()
    {
        using var identity = AgeIdentity.Generate();
        var policy = new ExposurePolicy(defaultLevel: ExposureLevel.Detailed, recipient: identity.Recipient);
        var rendered = policy.Render(StopLoss() with { Mode = TradingMode.Live })!;

        Assert.Equal("[LIVE] Stop loss triggered · ORCL\nDetails sealed to your age key: details-stop_loss-triggered-20261129T143000Z.age", rendered.Text);
        Assert.DoesNotContain("101.25", rendered.Text, StringComparison.Ordinal);
        Assert.Equal("quantity: 3\nprice: 101.25\nbalance: 10234.50\n",
            Encoding.UTF8.GetString(AgeFile.Decrypt(rendered.Attachment!.Content, identity)));
    }

    [Fact]
    public void DetailsType_NeverPrintsValues()
    {
        Assert.Equal("[3 details withheld]", StopLoss().Details.ToString());
        Assert.DoesNotContain("101.25", StopLoss().ToString(), StringComparison.Ordinal);
    }
}
