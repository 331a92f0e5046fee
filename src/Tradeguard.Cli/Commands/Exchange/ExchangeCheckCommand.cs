using System.CommandLine;
using Tradeguard.Trading.Events;

namespace Tradeguard.Cli.Commands.Exchange;

/// <summary><c>exchange check</c>: runs the pre-flight checks and sends no order.</summary>
internal static class ExchangeCheckCommand
{
    public static Command Create()
    {
        var options = new ExchangeOptions();
        var command = new Command("check",
            "Pre-flight only: config and vault private, key pair in the vault, clock skew under 1 s, key permissions. Exit 5 with the fix on failure.");
        options.AddTo(command);
        command.SetAction(parseResult =>
        {
            var logger = options.Logger(parseResult);
            using var installation = options.OpenInstallation(parseResult);
            using var session = options.PrepareAsync(parseResult, installation, logger, CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine($"Pre-flight passed for {session.Config.Exchange} at {session.Config.BaseUrl.GetLeftPart(UriPartial.Authority)} " +
                $"({(session.Mode == TradingMode.Live ? "LIVE" : "paper")}): {session.Credentials}, clock offset {session.Preflight.ClockOffsetMs} ms, " +
                $"withdrawals {(session.Preflight.Restrictions.EnableWithdrawals ? "ENABLED" : "disabled")}, " +
                $"IP restriction {(session.Preflight.Restrictions.IpRestrict ? "on" : "off")}.");
            return 0;
        });
        return command;
    }
}
