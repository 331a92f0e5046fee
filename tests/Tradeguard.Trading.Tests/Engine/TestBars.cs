using Tradeguard.Trading.Broker;
using Tradeguard.Trading.Data;
using Tradeguard.Trading.Engine;
using Tradeguard.Trading.Events;
using Tradeguard.Trading.Strategies;

namespace Tradeguard.Trading.Tests.Engine;

/// <summary>Hand-made daily bars and a strategy driven by a script, for exact broker and risk checks.</summary>
internal static class TestBars
{
    public static BarSeries Daily(params (decimal Open, decimal High, decimal Low, decimal Close)[] bars) =>
        new("TEST", bars.Select((b, i) => new Bar(new DateTime(2024, 1, 1).AddDays(i), b.Open, b.High, b.Low, b.Close, 1000)));

    public static (RunResult Result, List<TradingEvent> Events, ScriptedStrategy Strategy) Run(
        BarSeries bars, EngineOptions options, Action<StrategyContext, int> script)
    {
        var events = new List<TradingEvent>();
        var strategy = new ScriptedStrategy(script);
        var result = new TradingEngine(strategy, options, [new DelegateEventSink(events.Add)]).Run(bars);
        return (result, events, strategy);
    }
}

/// <summary>Calls a script with each bar's index; records the order updates it hears, with the bar it heard them on.</summary>
internal sealed class ScriptedStrategy(Action<StrategyContext, int> script) : Strategy
{
    public List<(int Bar, long OrderId, OrderStatus Status)> Updates { get; } = [];

    public override string Name => "scripted";

    public override void OnBar(StrategyContext context, in Bar bar) => script(context, context.BarIndex);

    public override void OnOrderUpdate(StrategyContext context, Order order) => Updates.Add((context.BarIndex, order.Id, order.Status));
}
