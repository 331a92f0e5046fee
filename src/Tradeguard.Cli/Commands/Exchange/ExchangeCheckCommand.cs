using System.CommandLine;
using Tradeguard.Cli.Commands.Alerts;
using Tradeguard.Cli.Composition;
using Tradeguard.Trading.Events;

namespace Tradeguard.Cli.Commands.Exchange;

/// <summary><c>exchange check</c>: runs the pre-flight checks and sends no order.</summary>
internal static class ExchangeCheckCommand
{
    public static Command Create()
    {
        var options = new ExchangeOptions();
        var command = new Command("check",
            "Pre-flight only, the same list as exchange serve: Telegram linked when configured, config and vault private, key pair in the vault, " +
            "clock skew under 1 s, key permissions. Exit 5 with the fix on failure.");
        options.AddTo(command);
        options.AlertsConfig.AddTo(command);
        command.SetAction(parseResult =>
        {
            var logger = options.Logger(parseResult);
            var settings = options.AlertsConfig.Load(parseResult);
            var config = options.LoadConfig(parseResult);
            using var installation = options.OpenInstallation(parseResult);
            var telegram = TelegramLinkCheck.EnsureConfigured(settings, installation);
            using var session = options.PrepareAsync(parseResult, config, installation, logger, CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine($"Pre-flight passed for {session.Config.Exchange} at {session.Config.BaseUrl.GetLeftPart(UriPartial.Authority)} " +
                $"({(session.Mode == TradingMode.Live ? "LIVE" : "paper")}): {session.Credentials}, clock offset {session.Preflight.ClockOffsetMs} ms, " +
                $"withdrawals {(session.Preflight.Restrictions.EnableWithdrawals ? "ENABLED" : "disabled")}, " +
                $"IP restriction {(session.Preflight.Restrictions.IpRestrict ? "on" : "off")}, " +
                $"Telegram {(telegram is null ? "not configured" : "linked")}.");
            return 0;
        });
        return command;
    }
}
