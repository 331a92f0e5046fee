using System.Globalization;
using Tradeguard.Alerts.Dispatch;
using Tradeguard.Telegram.Tests;

namespace Tradeguard.Benchmarks;

/// <summary>
/// Issue 14's drain target on real time (not BenchmarkDotNet: one long run whose figure is a rate): 2,000 alerts to 40
/// chats against the fake Bot API with 100 ms latency that answers 429 to any breach of 30 msg/s or 1 msg/s per chat,
/// beside the same scenario sent one message at a time (what the dispatcher did before), on a smaller count.
/// </summary>
/// <remarks>Run: <c>dotnet bench/Tradeguard.Benchmarks/bin/Release/net10.0/Tradeguard.Benchmarks.dll alerts-drain [messages] [chats]</c>.</remarks>
internal static class AlertsDrain
{
    public static async Task<int> RunAsync(string[] args)
    {
        var messages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        var chats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;
        var latency = TimeSpan.FromMilliseconds(100);
        Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
        var ours = await LoadScenario.RunAsync(messages, chats, latency, bound: TimeSpan.FromMinutes(10));
        Console.WriteLine($"concurrent dispatcher, {messages} to {chats} chats: {ours}");
        Console.WriteLine($"  = {ours.Rate / 30 * 100:0.0}% of 30 msg/s; load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        var serialCount = Math.Min(messages, 300);
        var serial = await LoadScenario.RunAsync(serialCount, chats, latency, new DispatchOptions { MaxConcurrentSends = 1 }, TimeSpan.FromMinutes(10));
        Console.WriteLine($"one send at a time, {serialCount} to {chats} chats: {serial}");
        Console.WriteLine($"  ratio concurrent/serial: {ours.Rate / serial.Rate:0.00}; load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        return ours.Rejected == 0 && ours.Lost == 0 && ours.Duplicated == 0 && ours.OrderKeptPerChat && ours.Rate >= 0.95 * 30 ? 0 : 1;
    }
}
