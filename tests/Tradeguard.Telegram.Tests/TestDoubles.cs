using Microsoft.Extensions.Logging;
using OtpNet;
using Tradeguard.Alerts;
using Tradeguard.Core.Audit;
using Tradeguard.Telegram.Ports;

namespace Tradeguard.Telegram.Tests;

internal sealed class FakeOperators : IOperatorDirectory
{
    public Dictionary<string, OperatorInfo> Accounts { get; } = new(StringComparer.Ordinal);

    public OperatorInfo? Find(string name) => Accounts.GetValueOrDefault(name);
}

/// <summary>TOTP per RFC 6238 with Otp.NET, ±1 step, a used step refused: what the Identity module promises.</summary>
internal sealed class OtpNetTotpVerifier(TimeProvider time) : ITotpVerifier
{
    private readonly Dictionary<string, byte[]> _seeds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastStep = new(StringComparer.Ordinal);

    public void Enroll(string operatorName, byte[] seed) => _seeds[operatorName] = seed;

    public string CodeNow(string operatorName) => new Totp(_seeds[operatorName]).ComputeTotp(time.GetUtcNow().UtcDateTime);

    public bool Verify(string operatorName, string code)
    {
        if (!_seeds.TryGetValue(operatorName, out var seed) ||
            !new Totp(seed).VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(1, 1)))
        {
            return false;
        }

        if (_lastStep.TryGetValue(operatorName, out var last) && step <= last)
        {
            return false;
        }

        _lastStep[operatorName] = step;
        return true;
    }
}

internal sealed class FakeEngine : IEngineControl
{
    public int Stops { get; private set; }

    public int CloseAlls { get; private set; }

    public int Pauses { get; private set; }

    public EngineReport StatusReport { get; set; } = new("Status: running", TradingMode.Paper, []);

    public EngineReport Status() => StatusReport;

    public EngineReport Positions() => new("Positions", TradingMode.Paper,
        [new ReportLine("ORCL · long", AlertDetails.From(("quantity", "3"), ("entry", "101.25")))]);

    public EngineReport Pnl() => new("P&L today", TradingMode.Paper, [new ReportLine("Mean_Revert_v2", AlertDetails.From(("pnl", "+12.40 USD")),
        new AlertProportions(Return: 0.0234m, Today: -0.004m, Drawdown: 0.012m, PositionOfEquity: 0.35m, WinRate: 0.55m, Trades: 20))]);

    public string Pause()
    {
        Pauses++;
        return "Trading paused.";
    }

    public string Resume() => "Trading resumed.";

    public string Stop()
    {
        Stops++;
        return "Trading stopped.";
    }

    public string CloseAll()
    {
        CloseAlls++;
        return "All positions closed.";
    }

    /// <summary>Targets named by <c>/pause NAME</c>, <c>/stop NAME</c> (as the gateway's engine gets them), in order.</summary>
    public List<string> Targets { get; } = [];

    public string Pause(string? target) => Targeted(target, Pause);

    public string Stop(string? target) => Targeted(target, Stop);

    private string Targeted(string? target, Func<string> all)
    {
        if (target is null)
        {
            return all();
        }

        Targets.Add(target);
        return $"Done for {target}.";
    }
}

/// <summary>Keeps every formatted log line at every level, Debug included.</summary>
internal sealed class CapturingLogger : ILogger
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToList();
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lines)
        {
            _lines.Add($"{logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
