using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Tradeguard.Alerts.Outbox;
using Tradeguard.Cli.Commands.Vault;
using Tradeguard.Cli.Composition;
using Tradeguard.Cli.Input;
using Tradeguard.Core.Audit;
using Tradeguard.Core.Errors;

namespace Tradeguard.Cli.Commands.Alerts;

/// <summary><c>tradeguard alerts list|retry|purge|dispatch</c>: shows and manages the durable alert outbox.</summary>
internal static class AlertsCommand
{
    public static Command Create()
    {
        var command = new Command("alerts", "Show and manage the alert outbox (every alert is committed there before it is sent).");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Retry());
        command.Subcommands.Add(Purge());
        command.Subcommands.Add(Dispatch());
        return command;
    }

    private static Command List()
    {
        var state = new Option<string?>("--state") { Description = "Only messages in this state: pending, sent, failed, undeliverable, possiblysent (a resend whose delivery is unknown), held" };
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List outbox messages, newest first.") { state, limit };
        command.SetAction(parseResult =>
        {
            var filter = ParseState(parseResult.GetValue(state));
            var outbox = AlertsRuntime.OpenOutbox();
            var messages = outbox.List(filter, parseResult.GetValue(limit));
            if (Console.IsOutputRedirected)
            {
                // For scripts and pipes: one tab-separated line per message, nothing cut.
                foreach (var m in messages)
                {
                    Console.WriteLine(string.Join('\t', m.Id.ToString(CultureInfo.InvariantCulture),
                        m.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), $"{m.Channel}:{m.Recipient}", m.Kind,
                        m.State.ToString().ToLowerInvariant(), m.Attempts.ToString(CultureInfo.InvariantCulture),
                        (m.Text ?? $"(sealed {m.AttachmentName})").Replace('\n', ' '), m.LastError ?? ""));
                }
            }
            else
            {
                var table = new Table().AddColumns("id", "created (UTC)", "to", "kind", "state", "tries", "text / last error");
                foreach (var m in messages)
                {
                    var text = m.Text ?? $"(sealed {m.AttachmentName})";
                    var shown = m.State is OutboxState.Sent ? text : $"{text}{(m.LastError is null ? "" : " — " + m.LastError)}";
                    table.AddRow(m.Id.ToString(CultureInfo.InvariantCulture), m.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                        Markup.Escape($"{m.Channel}:{m.Recipient}"), Markup.Escape(m.Kind), m.State.ToString().ToLowerInvariant(),
                        m.Attempts.ToString(CultureInfo.InvariantCulture), Markup.Escape(Shorten(shown, 80)));
                }

                AnsiConsole.Write(table);
            }
            Console.WriteLine($"{outbox.Count(OutboxState.Pending)} pending, {outbox.Count(OutboxState.Failed)} failed, " +
                $"{outbox.Count(OutboxState.Undeliverable)} undeliverable, {outbox.Count(OutboxState.PossiblySent)} possibly sent, {outbox.Count(OutboxState.Sent)} sent");
            return 0;
        });
        return command;
    }

    private static Command Retry()
    {
        var ids = new Argument<long[]>("id") { Description = "Message ids (default: every failed and undeliverable one)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("retry", "Queue failed and undeliverable messages again (after unblocking the bot or fixing a chat id).") { ids };
        command.SetAction(parseResult =>
        {
            var count = AlertsRuntime.OpenOutbox().Retry(parseResult.GetValue(ids));
            Console.WriteLine($"{count} message{(count == 1 ? "" : "s")} queued again.");
            return 0;
        });
        return command;
    }

    private static Command Purge()
    {
        var olderThan = new Option<string>("--older-than") { Description = "Age like 7d, 12h or 30m", DefaultValueFactory = _ => "7d" };
        var includeFailed = new Option<bool>("--include-failed") { Description = "Also delete failed and undeliverable messages" };
        var command = new Command("purge", "Delete sent messages older than the given age. Pending messages are never purged.") { olderThan, includeFailed };
        command.SetAction(parseResult =>
        {
            var age = ParseAge(parseResult.GetValue(olderThan)!);
            var count = AlertsRuntime.OpenOutbox().Purge(age, parseResult.GetValue(includeFailed));
            Console.WriteLine($"{count} message{(count == 1 ? "" : "s")} purged.");
            return 0;
        });
        return command;
    }

    private static Command Dispatch()
    {
        var config = new AlertsConfigOption(acceptLegacyConfig: true);
        var untilEmpty = new Option<bool>("--until-empty") { Description = "Exit 0 once nothing the configured channels can send is pending (exit 6 if still pending after --timeout); alerts for other channels stay queued" };
        var timeout = new Option<int>("--timeout") { Description = "With --until-empty: give up after this many seconds", DefaultValueFactory = _ => 300 };
        var verbose = new Option<bool>("--verbose") { Description = "Debug logging (Bot API method names, never URLs or tokens)" };
        var vault = VaultAccess.CreateVaultOption();
        var keyFile = VaultAccess.CreateKeyFileOption();
        var command = new Command("dispatch", "Send what the outbox holds, with rate limits and retries, until stopped (Ctrl-C).")
        {
            untilEmpty, timeout, verbose, vault, keyFile,
        };
        config.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var logger = new StderrLogger(parseResult.GetValue(verbose) ? LogLevel.Debug : LogLevel.Information);
            using var installation = Installation.OpenForAlerts(parseResult.GetValue(vault), parseResult.GetValue(keyFile),
                config.Load(parseResult), logger);
            var runtime = installation.Alerts!;
            if (!parseResult.GetValue(untilEmpty))
            {
                foreach (var stranded in runtime.Dispatcher.Stranded())
                {
                    logger.LogWarning("{Stranded}", stranded.Summary);
                }

                await runtime.Dispatcher.RunAsync(cancellationToken);
                return 0;
            }

            var result = await runtime.DrainAsync(TimeSpan.FromSeconds(parseResult.GetValue(timeout)), cancellationToken);
            foreach (var stranded in result.Stranded)
            {
                Console.Error.WriteLine($"warning: {stranded.Summary}");
            }

            if (result.Flushed)
            {
                Console.WriteLine(result.Stranded.Count == 0 ? "Outbox empty." : "Nothing left that the channels configured here can send.");
                return 0;
            }

            throw new TradeguardException(ExitCode.ExternalService,
                $"{result.Deliverable} alerts still pending after {parseResult.GetValue(timeout)} s; 'tradeguard alerts list' shows why.");
        });
        return command;
    }

    private static OutboxState? ParseState(string? text) =>
        text is null ? null
            : Enum.GetNames<OutboxState>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } name ? Enum.Parse<OutboxState>(name)
            : throw new TradeguardException(ExitCode.Usage,
                $"'{text}' is not a state: use {string.Join(", ", Enum.GetNames<OutboxState>().Select(n => n.ToLowerInvariant()))}.");

    private static TimeSpan ParseAge(string text)
    {
        if (text.Length >= 2 && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            switch (text[^1])
            {
                case 'd': return TimeSpan.FromDays(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'm': return TimeSpan.FromMinutes(n);
            }
        }

        throw new TradeguardException(ExitCode.Usage, $"'{text}' is not an age: use a number and d, h or m, e.g. 7d.");
    }

    private static string Shorten(string text, int max)
    {
        var oneLine = text.Replace('\n', ' ');
        return oneLine.Length <= max ? oneLine : oneLine[..(max - 1)] + "…";
    }
}
