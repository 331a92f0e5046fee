using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Tradeguard.Alerts;
using Tradeguard.Core.Audit;
using Tradeguard.Telegram.Linking;
using Tradeguard.Telegram.Ports;

namespace Tradeguard.Telegram.Bot;

/// <summary>
/// The command bot: decides for each update whether its sender may do what it asks, does it, and audits both
/// outcomes (issue 5, "Telegram"; DESIGN.md "Telegram").
/// </summary>
/// <remarks>
/// <para>Authorisation is by the sender's Telegram <b>user id</b>, linked to an operator account with <c>/link CODE</c>
/// in a private chat, and by that operator's role; a chat id alone never authorises. Refused and audited: senders not
/// linked, linked users without the role or with an inactive account, messages from bots, forwarded and edited
/// messages, updates older than <see cref="TelegramOptions.MaxUpdateAge"/>, commands in groups not allowed. Those
/// refusals get no reply, so they reveal nothing about the bot; only a linked operator whose role is too low is told
/// "Not permitted for your role."</para>
/// <para><c>/stop</c> and <c>/closeall</c> (admin) only record a request; <c>/confirm &lt;TOTP&gt;</c> within
/// <see cref="TelegramOptions.ConfirmWindow"/> carries it out, once. Replies go through the outbox like alerts, so
/// they are redacted, split, rate-limited and never lost.</para>
/// </remarks>
public sealed class CommandBot
{
    private const string ReplyKind = "telegram.reply";

    private readonly TelegramOptions _options;
    private readonly TelegramStore _store;
    private readonly IOperatorDirectory _operators;
    private readonly ITotpVerifier _totp;
    private readonly IEngineControl _engine;
    private readonly AlertPublisher _replies;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly ITelegramBotClient? _client;
    private readonly ILogger _logger;
    private readonly ConfirmationBook _confirmations;

    /// <summary>Creates the bot.</summary>
    /// <param name="options">Validated settings.</param>
    /// <param name="store">Links and update offset.</param>
    /// <param name="operators">The Identity port: accounts and roles.</param>
    /// <param name="totp">The Identity port: TOTP check with replay rejection.</param>
    /// <param name="engine">The engine port.</param>
    /// <param name="replies">Where replies are committed (the alert outbox).</param>
    /// <param name="audit">Where every accepted and refused command is recorded.</param>
    /// <param name="time">The clock (update age, confirm window).</param>
    /// <param name="client">Used only to answer callback queries; null to skip that.</param>
    /// <param name="logger">Diagnostics (never message texts or codes).</param>
    public CommandBot(TelegramOptions options, TelegramStore store, IOperatorDirectory operators, ITotpVerifier totp,
        IEngineControl engine, AlertPublisher replies, IAuditLog audit, TimeProvider? time = null,
        ITelegramBotClient? client = null, ILogger? logger = null)
    {
        _options = options.Validate();
        _store = store;
        _operators = operators;
        _totp = totp;
        _engine = engine;
        _replies = replies;
        _audit = audit;
        _time = time ?? TimeProvider.System;
        _client = client;
        _logger = logger ?? NullLogger.Instance;
        _confirmations = new ConfirmationBook(_time, options.ConfirmWindow);
    }

    /// <summary>Handles one update (from long polling or the webhook) and returns the verdict.</summary>
    public async Task<UpdateDecision> HandleAsync(Update update, CancellationToken cancellationToken = default)
    {
        if (!_store.TryBeginUpdate(update.Id))
        {
            return new UpdateDecision(UpdateVerdict.Ignored, "update already handled");
        }

        if (update.CallbackQuery is { } callback)
        {
            await AnswerCallbackAsync(callback, cancellationToken).ConfigureAwait(false);
            var chat = callback.Message?.Chat ?? new Chat { Id = callback.From.Id, Type = ChatType.Private };
            return Decide(update.Id, callback.From, chat, callback.Data, sentAt: null, isForwarded: false);
        }

        if (update.EditedMessage is { } edited)
        {
            return Reject(update.Id, edited.From, edited.Chat, BotCommand.TryParse(edited.Text), "edited message");
        }

        if (update.Message is not { } message)
        {
            // Channel posts, reactions, member updates: not commands from a person.
            return Reject(update.Id, null, update.ChannelPost?.Chat, null, $"{update.Type} update");
        }

        return Decide(update.Id, message.From, message.Chat, message.Text, message.Date,
            message.ForwardOrigin is not null || message.IsAutomaticForward);
    }

    private UpdateDecision Decide(int updateId, User? from, Chat chat, string? text, DateTime? sentAt, bool isForwarded)
    {
        var command = BotCommand.TryParse(text);
        if (command?.BotName is { } botName && _options.BotUsername is { } me
            && !string.Equals(botName, me, StringComparison.OrdinalIgnoreCase))
        {
            return new UpdateDecision(UpdateVerdict.Ignored, "command for another bot");
        }

        if (from is null)
        {
            return Reject(updateId, null, chat, command, "no sender (anonymous or channel)");
        }

        if (from.IsBot)
        {
            return Reject(updateId, from, chat, command, "sent by a bot");
        }

        if (isForwarded)
        {
            return Reject(updateId, from, chat, command, "forwarded message");
        }

        if (sentAt is { } date && _time.GetUtcNow() - new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)) > _options.MaxUpdateAge)
        {
            return Reject(updateId, from, chat, command, $"older than {_options.MaxUpdateAge.TotalSeconds:0} s");
        }

        var isPrivate = chat.Type == ChatType.Private;
        if (command is { Name: "link" })
        {
            return isPrivate ? Link(updateId, from, chat, command) : Reject(updateId, from, chat, command, "/link outside a private chat");
        }

        var operatorName = _store.OperatorFor(from.Id);
        if (operatorName is null)
        {
            return Reject(updateId, from, chat, command, "sender not linked");
        }

        if (!isPrivate && !_options.AllowedGroupChatIds.Contains(chat.Id))
        {
            return Reject(updateId, from, chat, command, "group not allowed");
        }

        var account = _operators.Find(operatorName);
        if (account is not { IsActive: true })
        {
            return Reject(updateId, from, chat, command, $"operator {operatorName} missing or inactive");
        }

        if (command is null)
        {
            return new UpdateDecision(UpdateVerdict.Ignored, "not a command");
        }

        var required = RequiredRole(command.Name);
        if (account.Role < required)
        {
            Reply(updateId, chat, "Not permitted for your role.");
            return Reject(updateId, from, chat, command, $"role {account.Role} lacks {required}", account.Name);
        }

        return Execute(updateId, from, chat, command, account);
    }

    private UpdateDecision Execute(int updateId, User from, Chat chat, BotCommand command, OperatorInfo account)
    {
        switch (command.Name)
        {
            case "status":
                return Report(updateId, from, chat, command, account, _engine.Status());
            case "positions":
                return Report(updateId, from, chat, command, account, _engine.Positions());
            case "pnl":
                return Report(updateId, from, chat, command, account, _engine.Pnl());
            case "pause":
                return Done(updateId, from, chat, command, account, _engine.Pause(Target(command)));
            case "resume":
                return Done(updateId, from, chat, command, account, _engine.Resume(Target(command)));
            case "stop" or "closeall":
                // The target (/stop momentum) is confirmed with the command: /confirm carries only the code.
                _confirmations.Request(from.Id, Target(command) is { } target ? $"{command.Name} {target}" : command.Name);
                Reply(updateId, chat, $"Send /confirm <code from your authenticator> within {_options.ConfirmWindow.TotalSeconds:0} s to " +
                    $"{(command.Name == "stop" ? "stop trading" : "close all positions")}{(Target(command) is { } named ? " of " + named : string.Empty)}.");
                Audit(from, chat, "telegram.command", command, AuditOutcome.Success, "awaiting /confirm", account.Name);
                return new UpdateDecision(UpdateVerdict.Accepted, "awaiting /confirm");
            case "confirm":
                return Confirm(updateId, from, chat, command, account);
            default:
                Reply(updateId, chat, Help(account.Role));
                Audit(from, chat, "telegram.command", command, AuditOutcome.Success, "help", account.Name);
                return new UpdateDecision(UpdateVerdict.Accepted, "help");
        }
    }

    private UpdateDecision Confirm(int updateId, User from, Chat chat, BotCommand command, OperatorInfo account)
    {
        var taken = _confirmations.Take(from.Id);
        var pending = taken?.Split(' ')[0];
        var pendingTarget = taken?.Split(' ') is [_, var named] ? named : null;
        var code = command.Arguments.Count == 1 ? command.Arguments[0] : string.Empty;
        if (pending is null)
        {
            Audit(from, chat, "telegram.confirm", command, AuditOutcome.Denied, "nothing to confirm (none pending or window passed)", account.Name);
            Reply(updateId, chat, "Nothing to confirm.");
            return new UpdateDecision(UpdateVerdict.Rejected, "nothing to confirm");
        }

        if (!_totp.Verify(account.Name, code))
        {
            Audit(from, chat, "telegram.confirm", new BotCommand(pending, null, []), AuditOutcome.Denied, "invalid or reused TOTP code", account.Name);
            Reply(updateId, chat, "Code refused. Send the command again to retry.");
            return new UpdateDecision(UpdateVerdict.Rejected, "invalid or reused TOTP code");
        }

        var result = pending == "stop" ? _engine.Stop(pendingTarget) : _engine.CloseAll(pendingTarget);
        Audit(from, chat, "telegram.confirm", new BotCommand(pending, null, []), AuditOutcome.Success, "", account.Name);
        return Done(updateId, from, chat, new BotCommand(pending, null, []), account, result);
    }

    private UpdateDecision Link(int updateId, User from, Chat chat, BotCommand command)
    {
        var code = command.Arguments.Count == 1 ? command.Arguments[0] : string.Empty;
        var operatorName = code.Length == 0 ? null : _store.RedeemLinkCode(code, from.Id);
        if (operatorName is null)
        {
            return Reject(updateId, from, chat, command, "link code unknown, expired or used");
        }

        Audit(from, chat, "telegram.link", new BotCommand(operatorName, null, []), AuditOutcome.Success, "", operatorName);
        var role = _operators.Find(operatorName)?.Role ?? OperatorRole.Viewer;
        Reply(updateId, chat, $"Linked to operator {operatorName}. {Help(role)}");
        return new UpdateDecision(UpdateVerdict.Accepted, $"linked to {operatorName}");
    }

    private UpdateDecision Report(int updateId, User from, Chat chat, BotCommand command, OperatorInfo account, EngineReport report)
    {
        var details = report.Lines
            .SelectMany((line, i) => line.Details.Select(d => ($"{i + 1}. {line.Text} · {d.Key}", d.Value)))
            .ToArray();
        var body = string.Join('\n', new[] { report.Title }.Concat(report.Lines.Select(l => l.Text)));
        var alert = new Alert("command." + command.Name, body, _time.GetUtcNow())
        {
            Mode = report.Mode,
            Details = AlertDetails.From(details),
            // Line 0 is the title.
            Proportions = report.Lines.Select((line, i) => (Line: i + 1, line.Proportions)).Where(p => p.Proportions is not null)
                .ToDictionary(p => p.Line, p => p.Proportions!),
            DedupeKey = Key(updateId),
        };
        if (_replies.Publish(alert, [Recipient(chat)]) == 0)
        {
            Reply(updateId, chat, $"{command} is turned off by the exposure policy.");
        }

        Audit(from, chat, "telegram.command", command, AuditOutcome.Success, "", account.Name);
        return new UpdateDecision(UpdateVerdict.Accepted, command.ToString());
    }

    private UpdateDecision Done(int updateId, User from, Chat chat, BotCommand command, OperatorInfo account, string result)
    {
        Reply(updateId, chat, result);
        Audit(from, chat, "telegram.command", command, AuditOutcome.Success, "", account.Name);
        return new UpdateDecision(UpdateVerdict.Accepted, command.ToString());
    }

    private UpdateDecision Reject(int updateId, User? from, Chat? chat, BotCommand? command, string reason, string? operatorName = null)
    {
        Audit(from, chat, "telegram.rejected", command, AuditOutcome.Denied, reason, operatorName);
        _logger.LogInformation("Telegram update {UpdateId} refused: {Reason}", updateId, reason);
        return new UpdateDecision(UpdateVerdict.Rejected, reason);
    }

    private void Audit(User? from, Chat? chat, string action, BotCommand? command, AuditOutcome outcome, string reason, string? operatorName)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["chat"] = chat?.Id.ToString(CultureInfo.InvariantCulture) ?? "",
            ["chat_type"] = chat?.Type.ToString().ToLowerInvariant() ?? "",
        };
        if (operatorName is not null)
        {
            details["operator"] = operatorName;
        }

        var actor = from is null ? "telegram:unknown" : $"telegram:{from.Id.ToString(CultureInfo.InvariantCulture)}";
        var target = action == "telegram.link" && outcome == AuditOutcome.Success ? command!.Name : command?.ToString() ?? "(no command)";
        _audit.Record(new AuditEvent(actor, action, target, outcome, reason, details));
    }

    // Keyed by update and text, so a reply is committed once however often its update is seen.
    private void Reply(int updateId, Chat chat, string text) =>
        _replies.PublishText(Recipient(chat), ReplyKind,
            Key(updateId) + "-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..12],
            text);

    private static AlertRecipient Recipient(Chat chat) =>
        new(TelegramChannel.ChannelName, chat.Id.ToString(CultureInfo.InvariantCulture));

    private static string Key(int updateId) => "update-" + updateId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The command's target (<c>/stop momentum</c>: a bot behind the gateway), or null for all; the engine judges the name.</summary>
    private static string? Target(BotCommand command) => command.Arguments.Count == 0 ? null : command.Arguments[0][..Math.Min(command.Arguments[0].Length, 40)];

    // The one table of commands and the least role each needs: what is obeyed and what /help lists come from it.
    private static readonly (string Usage, OperatorRole Role)[] Commands =
    [
        ("/status", OperatorRole.Viewer), ("/positions", OperatorRole.Viewer), ("/pnl", OperatorRole.Viewer),
        ("/pause", OperatorRole.Trader), ("/resume", OperatorRole.Trader),
        ("/stop", OperatorRole.Admin), ("/closeall", OperatorRole.Admin), ("/confirm CODE", OperatorRole.Admin),
    ];

    private static OperatorRole RequiredRole(string command) =>
        Commands.FirstOrDefault(c => c.Usage.Split(' ')[0] == "/" + command) is { Usage: not null } known ? known.Role : OperatorRole.Viewer;

    /// <summary>Only the commands <paramref name="role"/> may use.</summary>
    private static string Help(OperatorRole role) =>
        "Commands: " + string.Join(' ', Commands.Where(c => role >= c.Role).Select(c => c.Usage));

    private async Task AnswerCallbackAsync(CallbackQuery callback, CancellationToken cancellationToken)
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            await _client.AnswerCallbackQuery(callback.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is global::Telegram.Bot.Exceptions.RequestException or HttpRequestException)
        {
            // Only the spinner on the button stays a little longer; the command itself is still judged.
            _logger.LogDebug("answerCallbackQuery failed: Telegram could not be reached");
        }
    }
}
