using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Tradeguard.Telegram.Tests;

/// <summary>One request the fake received.</summary>
internal sealed record ApiCall(string Method, string Token, IReadOnlyDictionary<string, string> Parameters, byte[]? File,
    DateTimeOffset At, int Status)
{
    public string? Text => Parameters.GetValueOrDefault("text");

    public string? ParseMode => Parameters.GetValueOrDefault("parse_mode");

    public string? ChatId => Parameters.GetValueOrDefault("chat_id");
}

/// <summary>
/// A fake Telegram Bot API server on 127.0.0.1 (Kestrel): getMe, sendMessage, sendDocument, getUpdates, setWebhook,
/// deleteWebhook, answerCallbackQuery, with scripted faults (an error body, a hang until the client gives up). It checks
/// what the real API checks that matters here: text length ≤ 4096 after entity parsing and well-formed HTML or
/// MarkdownV2, answering with the fixture bodies Telegram sends.
/// </summary>
/// <remarks>
/// <para>For throughput runs (on real time): <see cref="Latency"/> delays every send's answer, and
/// <see cref="EnforceLimits"/> refuses with 429 and <c>retry_after</c> any sendMessage that would make more than 30
/// accepted in any sliding second, or two to one chat less than 1 s apart, counted at arrival.</para>
/// <para>Kestrel's sockets are set to TCP_NODELAY and each answer is written with its Content-Length in one write, so
/// the fake adds no Nagle/delayed-ACK stall (which alone caps a client at about 21 requests/s).</para>
/// </remarks>
internal sealed partial class FakeBotApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _updates = [];
    private readonly List<ApiCall> _calls = [];
    private readonly ConcurrentDictionary<string, Fault> _targeted = new(StringComparer.Ordinal);
    private readonly List<DateTimeOffset> _acceptedTimes = [];
    private readonly Dictionary<string, DateTimeOffset> _lastAcceptedPerChat = new(StringComparer.Ordinal);
    private int _messageId = 1000;
    private int _concurrent;
    private int _maxConcurrent;
    private int _hangsStarted;
    private int _hanging;

    private FakeBotApi(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>While fake time is before this, every send hangs until the client gives up (an outage).</summary>
    public DateTimeOffset OutageUntil { get; set; } = DateTimeOffset.MinValue;

    /// <summary>When this many messages were accepted, the next sendMessage hangs (to kill the client mid-batch).</summary>
    public int? HangWhenDelivered { get; set; }

    /// <summary>How long every sendMessage/sendDocument answer is held back (simulated round trip). Real time.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Refuse (429) any sendMessage beyond 30 in a sliding second or 1 per second per chat, as Telegram may.</summary>
    public bool EnforceLimits { get; set; }

    /// <summary>Overall messages per sliding second under <see cref="EnforceLimits"/>.</summary>
    public int OverallLimit { get; set; } = 30;

    public int HangsStarted => Volatile.Read(ref _hangsStarted);

    /// <summary>The most sendMessage requests the fake held at once.</summary>
    public int MaxConcurrentSends => Volatile.Read(ref _maxConcurrent);

    public int Hanging => Volatile.Read(ref _hanging);

    public IReadOnlyList<ApiCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToList();
            }
        }
    }

    /// <summary>Accepted sendMessage calls, in arrival order.</summary>
    public IReadOnlyList<ApiCall> Delivered => Calls.Where(c => c.Method == "sendmessage" && c.Status == 200).ToList();

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static async Task<FakeBotApi> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.UseSockets(o => o.NoDelay = true);
        var app = builder.Build();
        var fake = new FakeBotApi(app, time);
        app.Map("/bot{token}/{method}", (HttpContext context, string token, string method) => fake.HandleAsync(context, token, method));
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.First());
        return fake;
    }

    /// <summary>The next call of <paramref name="method"/> answers with <paramref name="status"/> and <paramref name="body"/>.</summary>
    public void FailNext(string method, int status, string body) => Queue(method).Enqueue(new Fault(status, body, Hang: false));

    /// <summary>The next call of <paramref name="method"/> hangs until the client cancels.</summary>
    public void HangNext(string method) => Queue(method).Enqueue(new Fault(0, "", Hang: true));

    /// <summary>The next sendMessage (or the first one whose headline is <paramref name="headline"/>) drops its connection
    /// without taking the message (a reset before processing).</summary>
    public void DropNextBeforeAccepting(string? headline = null) => Add(headline, new Fault(0, "", Hang: false, Kind: FaultKind.DropBefore));

    /// <summary>The next sendMessage (or the first with <paramref name="headline"/>) takes the message, then drops the
    /// connection instead of answering.</summary>
    public void DropNextAfterAccepting(string? headline = null) => Add(headline, new Fault(0, "", Hang: false, Kind: FaultKind.DropAfter));

    /// <summary>The next sendMessage (or the first with <paramref name="headline"/>) takes the message and answers only
    /// after <paramref name="delay"/> (real time).</summary>
    public void AnswerNextLate(TimeSpan delay, string? headline = null) =>
        Add(headline, new Fault(0, "", Hang: false, Kind: FaultKind.Late, Delay: delay));

    /// <summary>The first sendMessage with <paramref name="headline"/> answers <paramref name="status"/> and <paramref name="body"/>.</summary>
    public void FailFirst(string headline, int status, string body) => Add(headline, new Fault(status, body, Hang: false));

    /// <summary>
    /// Accepted sendMessage calls per (chat, first line of the visible text): more than one means a duplicate (a
    /// resend differs only by the note on its second line).
    /// </summary>
    public IReadOnlyDictionary<(string? Chat, string Headline), int> DeliveredCounts() =>
        Delivered.GroupBy(c => (c.ChatId, Headline(c.Text))).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The first line of a sent text without its HTML tags.</summary>
    public static string Headline(string? text) => (text ?? "").Split('\n')[0].Replace("<b>", "", StringComparison.Ordinal).Replace("</b>", "", StringComparison.Ordinal);

    public void AddUpdate(string updateJson)
    {
        lock (_updates)
        {
            _updates.Add(updateJson);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Add(string? headline, Fault fault)
    {
        if (headline is null)
        {
            Queue("sendmessage").Enqueue(fault);
        }
        else
        {
            _targeted[headline] = fault;
        }
    }

    private ConcurrentQueue<Fault> Queue(string method) => _faults.GetOrAdd(method, _ => new ConcurrentQueue<Fault>());

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        method = method.ToLowerInvariant();
        if (method != "sendmessage")
        {
            await HandleCoreAsync(context, token, method);
            return;
        }

        var now = Interlocked.Increment(ref _concurrent);
        for (var max = Volatile.Read(ref _maxConcurrent); now > max; max = Volatile.Read(ref _maxConcurrent))
        {
            Interlocked.CompareExchange(ref _maxConcurrent, now, max);
        }

        try
        {
            await HandleCoreAsync(context, token, method);
        }
        finally
        {
            Interlocked.Decrement(ref _concurrent);
        }
    }

    private async Task HandleCoreAsync(HttpContext context, string token, string method)
    {
        var now = _time.GetUtcNow(); // arrival: what the limits count
        var (parameters, file) = await ReadParametersAsync(context.Request);

        var hang = (method is "sendmessage" or "senddocument" && now < OutageUntil)
            || (method == "sendmessage" && HangWhenDelivered is { } n && Delivered.Count >= n);
        if (!hang && ((method == "sendmessage" && _targeted.TryRemove(Headline(parameters.GetValueOrDefault("text")), out var fault)) ||
                      (_faults.TryGetValue(method, out var queue) && queue.TryDequeue(out fault))))
        {
            if (fault.Kind != FaultKind.Answer)
            {
                await MisbehaveAsync(context, token, parameters, now, fault);
                return;
            }

            if (!fault.Hang)
            {
                await RespondAsync(context, token, method, parameters, file, now, fault.Status, fault.Body);
                return;
            }

            hang = true;
        }

        if (hang)
        {
            Record(new ApiCall(method, token, parameters, file, now, 0));
            Interlocked.Increment(ref _hanging);
            Interlocked.Increment(ref _hangsStarted);
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                Interlocked.Decrement(ref _hanging);
            }

            return;
        }

        switch (method)
        {
            case "getme":
                await RespondAsync(context, token, method, parameters, file, now, 200,
                    """{"ok":true,"result":{"id":7000000001,"is_bot":true,"first_name":"Example Trading Bot","username":"ExampleTradingBot"}}""");
                return;
            case "sendmessage":
                if (RefusedByLimits(parameters.GetValueOrDefault("chat_id") ?? "", now) is { } retryAfter)
                {
                    await RespondAsync(context, token, method, parameters, file, now, 429,
                        $$$"""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after {{{retryAfter}}}","parameters":{"retry_after":{{{retryAfter}}}}}""");
                    return;
                }

                await DelayAsync(context);
                await SendMessageAsync(context, token, parameters, now);
                return;
            case "senddocument":
                await DelayAsync(context);
                var document = new JsonObject
                {
                    ["ok"] = true,
                    ["result"] = Message(parameters, now, new JsonObject
                    {
                        ["document"] = new JsonObject { ["file_id"] = "f1", ["file_unique_id"] = "u1", ["file_name"] = "details.age" },
                    }),
                };
                await RespondAsync(context, token, method, parameters, file, now, 200, document.ToJsonString());
                return;
            case "getupdates":
                await RespondAsync(context, token, method, parameters, file, now, 200, UpdatesAfter(parameters));
                return;
            case "setwebhook" or "deletewebhook" or "answercallbackquery":
                await RespondAsync(context, token, method, parameters, file, now, 200, """{"ok":true,"result":true}""");
                return;
            default:
                await RespondAsync(context, token, method, parameters, file, now, 404, """{"ok":false,"error_code":404,"description":"Not Found"}""");
                return;
        }
    }

    private async Task MisbehaveAsync(HttpContext context, string token, Dictionary<string, string> parameters, DateTimeOffset now, Fault fault)
    {
        if (fault.Kind == FaultKind.DropBefore)
        {
            Record(new ApiCall("sendmessage", token, parameters, null, now, 0));
            context.Abort();
            return;
        }

        // Taken: it counts as delivered whatever the client hears.
        Record(new ApiCall("sendmessage", token, parameters, null, now, 200));
        if (fault.Kind == FaultKind.DropAfter)
        {
            context.Abort();
            return;
        }

        try
        {
            await Task.Delay(fault.Delay, context.RequestAborted);
            var body = new JsonObject { ["ok"] = true, ["result"] = Message(parameters, now, new JsonObject { ["text"] = parameters.GetValueOrDefault("text") }) };
            await WriteAsync(context, 200, body.ToJsonString());
        }
        catch (OperationCanceledException)
        {
            // The client gave up first: the message stays delivered.
        }
    }

    /// <summary>Under <see cref="EnforceLimits"/>: the retry_after (whole seconds) when this arrival breaks a limit, else null (and counts it).</summary>
    private int? RefusedByLimits(string chat, DateTimeOffset now)
    {
        if (!EnforceLimits)
        {
            return null;
        }

        lock (_acceptedTimes)
        {
            // Arrival times are taken before the body is read, so they reach this lock out of order: the window test
            // must not assume a sorted log (a queue popped from its head kept expired times and refused too much).
            _acceptedTimes.RemoveAll(t => t < now - TimeSpan.FromSeconds(10));
            var near = _acceptedTimes.Where(t => (t - now).Duration() < TimeSpan.FromSeconds(1)).Append(now).Order().ToList();
            var overall = false;
            for (int i = 0, j = 0; i < near.Count && !overall; i++)
            {
                while (near[i] - near[j] >= TimeSpan.FromSeconds(1))
                {
                    j++;
                }

                overall = i - j + 1 > OverallLimit;
            }

            if (overall ||
                (_lastAcceptedPerChat.TryGetValue(chat, out var last) && (now - last).Duration() < TimeSpan.FromSeconds(1)))
            {
                return 1;
            }

            _acceptedTimes.Add(now);
            _lastAcceptedPerChat[chat] = now;
            return null;
        }
    }

    private async Task DelayAsync(HttpContext context)
    {
        if (Latency > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Latency, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task SendMessageAsync(HttpContext context, string token, Dictionary<string, string> parameters, DateTimeOffset now)
    {
        var text = parameters.GetValueOrDefault("text") ?? "";
        // Telegram takes parse_mode in any case; Telegram.Bot sends "Html".
        var visible = parameters.GetValueOrDefault("parse_mode")?.ToUpperInvariant() switch
        {
            "HTML" => ParseHtml(text),
            "MARKDOWNV2" => ParseMarkdownV2(text),
            _ => text,
        };
        if (visible is null)
        {
            await RespondAsync(context, token, "sendmessage", parameters, null, now, 400, Fixture("error-400-cant-parse-entities.json"));
            return;
        }

        // Telegram counts the limit after entity parsing, in UTF-16 code units (as its entity offsets are).
        if (visible.Length is 0 or > 4096)
        {
            await RespondAsync(context, token, "sendmessage", parameters, null, now, 400, Fixture("error-400-message-too-long.json"));
            return;
        }

        var body = new JsonObject { ["ok"] = true, ["result"] = Message(parameters, now, new JsonObject { ["text"] = visible }) };
        await RespondAsync(context, token, "sendmessage", parameters, null, now, 200, body.ToJsonString());
    }

    private JsonObject Message(Dictionary<string, string> parameters, DateTimeOffset now, JsonObject extra)
    {
        var chatId = long.Parse(parameters.GetValueOrDefault("chat_id") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["from"] = new JsonObject { ["id"] = 7000000001, ["is_bot"] = true, ["first_name"] = "Example Trading Bot", ["username"] = "ExampleTradingBot" },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId < 0 ? "supergroup" : "private" },
            ["date"] = now.ToUnixTimeSeconds(),
        };
        foreach (var (key, value) in extra)
        {
            message[key] = value?.DeepClone();
        }

        return message;
    }

    private string UpdatesAfter(Dictionary<string, string> parameters)
    {
        var offset = long.TryParse(parameters.GetValueOrDefault("offset"), out var o) ? o : 0;
        lock (_updates)
        {
            var result = new JsonArray();
            foreach (var json in _updates)
            {
                var node = JsonNode.Parse(json)!;
                if ((long)node["update_id"]! >= offset)
                {
                    result.Add(node);
                }
            }

            return new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString();
        }
    }

    private async Task RespondAsync(HttpContext context, string token, string method, Dictionary<string, string> parameters,
        byte[]? file, DateTimeOffset now, int status, string body)
    {
        Record(new ApiCall(method, token, parameters, file, now, status));
        await WriteAsync(context, status, body);
    }

    // Headers and body in one write (Content-Length known), so the answer leaves in one segment.
    private static async Task WriteAsync(HttpContext context, int status, string body)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    private void Record(ApiCall call)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }
    }

    private static async Task<(Dictionary<string, string>, byte[]?)> ReadParametersAsync(HttpRequest request)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        byte[]? file = null;
        foreach (var (key, value) in request.Query)
        {
            result[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form)
            {
                result[key] = value.ToString();
            }

            if (form.Files.Count > 0)
            {
                using var buffer = new MemoryStream();
                await form.Files[0].CopyToAsync(buffer);
                file = buffer.ToArray();
                result["file_name"] = form.Files[0].FileName;
            }
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                result[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return (result, file);
    }

    /// <summary>Telegram's HTML style: known tags, balanced; entities &amp;lt; &amp;gt; &amp;amp; &amp;quot;. Null when malformed.</summary>
    private static string? ParseHtml(string html)
    {
        var visible = new StringBuilder();
        var open = new Stack<string>();
        for (var i = 0; i < html.Length; i++)
        {
            switch (html[i])
            {
                case '<':
                    var end = html.IndexOf('>', i);
                    if (end < 0)
                    {
                        return null;
                    }

                    var tag = html[(i + 1)..end];
                    if (tag.StartsWith('/'))
                    {
                        if (open.Count == 0 || open.Pop() != tag[1..])
                        {
                            return null;
                        }
                    }
                    else if (tag is "b" or "i" or "u" or "s" or "code" or "pre" or "tg-spoiler")
                    {
                        open.Push(tag);
                    }
                    else
                    {
                        return null;
                    }

                    i = end;
                    break;
                case '&':
                    var semi = html.IndexOf(';', i);
                    var entity = semi < 0 ? "" : html[i..(semi + 1)];
                    var decoded = entity switch { "&lt;" => "<", "&gt;" => ">", "&amp;" => "&", "&quot;" => "\"", _ => null };
                    if (decoded is null)
                    {
                        return null;
                    }

                    visible.Append(decoded);
                    i = semi;
                    break;
                default:
                    visible.Append(html[i]);
                    break;
            }
        }

        return open.Count == 0 ? visible.ToString() : null;
    }

    /// <summary>MarkdownV2 without entities: every reserved character must be escaped. Null when one is not.</summary>
    private static string? ParseMarkdownV2(string text) =>
        UnescapedReserved().IsMatch(text) ? null : EscapedReserved().Replace(text, "$1");

    [GeneratedRegex(@"(?<!\\)[_*\[\]()~`>#+\-=|{}.!]")]
    private static partial Regex UnescapedReserved();

    [GeneratedRegex(@"\\([_*\[\]()~`>#+\-=|{}.!\\])")]
    private static partial Regex EscapedReserved();

    private enum FaultKind
    {
        Answer,
        DropBefore,
        DropAfter,
        Late,
    }

    private sealed record Fault(int Status, string Body, bool Hang, FaultKind Kind = FaultKind.Answer, TimeSpan Delay = default);
}
