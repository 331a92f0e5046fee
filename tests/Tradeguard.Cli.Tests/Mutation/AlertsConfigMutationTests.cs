using Tradeguard.Cli.Commands.Alerts;
using Tradeguard.Core.Errors;
using Tradeguard.TestSupport;
using Tradeguard.TestSupport.Mutation;

namespace Tradeguard.Cli.Tests.Mutation;

/// <summary>
/// alerts.json mutated 10,000 ways, read and checked as every command does (exposure policy, rate limits, Telegram
/// options): only the documented error, quickly, and a secret pasted into any setting is never echoed.
/// </summary>
public sealed class AlertsConfigMutationTests : IDisposable
{
    private const string Canary = "CANARYSECRETabcdef0123456789";
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void MutatedAlertSettings_FailOnlyWithTheDocumentedError_Quickly()
    {
        string[] examples =
        [
            """
            {
              // alerts
              "console": true,
              "exposure": { "default": "minimal", "order.filled": "silent", "risk.*": "detailed" },
              "age_recipient": "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p",
              "rate_limits": { "per_chat_per_second": 1, "per_group_per_minute": 20, "overall_per_second": 25 },
              "fold_repeats_seconds": 300,
              "telegram": {
                "api_base_url": "https://api.telegram.org",
                "bot_token": "vault://telegram/bot_token",
                "alert_chat_ids": [100000001, -100123],
                "allowed_group_chat_ids": [-100123],
                "max_update_age_seconds": 120,
                "webhook_listen": "http://127.0.0.1:8443",
                "webhook_path": "/telegram/webhook",
                "webhook_public_url": "https://bot.example.org/telegram/webhook"
              }
            }
            """,
            $$"""{ "telegram": { "bot_token": "7000000001:{{Canary}}", "api_base_url": "http://{{Canary}}.example/bot" }, "exposure": { "default": "{{Canary}}" } }""",
        ];
        string[] tokens = ["\"exposure\":", "\"default\":", "\"detailed\"", "\"off\"", "\"telegram\":", "\"bot_token\":", "\"api_base_url\":",
            "\"alert_chat_ids\":", "\"rate_limits\":", "\"fold_repeats_seconds\":", "-1", "86401", "\"per_chat_per_second\":", "\"age_recipient\":", "\"vault://a/b\"", "\"http://127.0.0.1:1\"",
            "null", "[", "{", $"\"{Canary}\"", $"\"AGE-SECRET-KEY-1{Canary}\""];
        var path = temp.Combine("alerts.json");
        var outcome = MutationRun.Run(Mutator.ForText(1307, examples, tokens), 10_000, input =>
        {
            File.WriteAllBytes(path, input);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var settings = AlertsConfig.Load(path);
            settings.Policy();
            settings.DispatchOptions();
            settings.RepeatFolder();
            settings.TelegramOptions()?.ValidatedBaseUrl();
        }, e => e is TradeguardException, TimeSpan.FromSeconds(1), Canary);

        Assert.True(outcome.Problems.Count == 0, MutationRun.Describe(outcome));
        Assert.InRange(outcome.Accepted, 1, outcome.Inputs - 1);
    }
}
