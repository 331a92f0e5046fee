using System.Diagnostics;
using Tradeguard.Core.Secrets;
using Tradeguard.TestSupport;

namespace Tradeguard.Vault.Tests;

/// <summary>Writers in child processes: killed with SIGKILL mid-save, and two at once.</summary>
public sealed class VaultCrashAndConcurrencyTests
{
    private static readonly string WriterDll = Path.Combine(AppContext.BaseDirectory, "Tradeguard.Vault.Writer.dll");

    private static string CreateKeyedVault(string path)
    {
        using var key = Secret.Random(32);
        var keyText = key.Use(b => Convert.ToBase64String(b));
        using var keyCredential = VaultCredential.Key(key);
        using var pass = TestVaults.Pass();
        Vault.Create(path, [pass, keyCredential], TestVaults.Options).Dispose();
        return keyText;
    }

    private static Process StartWriter(string path, string keyText, string item, int first, int count)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { WriterDll, path, item, first.ToString(), count.ToString() })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["TRADEGUARD_VAULT_KEY"] = keyText;
        return Process.Start(info)!;
    }

    [Fact]
    public async Task KillingAWriterAtRandomMoments_During200Saves_LeavesTheOldOrTheNewVault()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("v.tgv");
        var keyText = CreateKeyedVault(path);
        var random = new Random(20261129);
        var acknowledged = 0; // saves the writer reported done, over all rounds
        var attempted = 0;    // saves started (acknowledged + at most one in flight per kill)
        var next = 0;
        var rounds = 0;
        for (; rounds < 80 && attempted < 200; rounds++)
        {
            using var writer = StartWriter(path, keyText, "w", next, 200 - attempted);
            Assert.Equal("ready", writer.StandardOutput.ReadLine());
            var lastSaved = -1;
            var reader = Task.Run(() =>
            {
                while (writer.StandardOutput.ReadLine() is { } line)
                {
                    lastSaved = int.Parse(line["saved ".Length..]);
                }
            });
            await Task.Delay(random.Next(10, 500));
            writer.Kill();
            await writer.WaitForExitAsync();
            await reader;

            // The vault must hold exactly f0..fK with K the last acknowledged save, or one more (saved, not yet reported).
            using var vault = TestVaults.Open(path);
            var fields = vault.List().Select(r => int.Parse(r.Field[1..])).Order().ToList();
            var expectedAtLeast = lastSaved >= 0 ? lastSaved + 1 : next;
            Assert.True(fields.Count == expectedAtLeast || fields.Count == expectedAtLeast + 1,
                $"round {rounds}: {fields.Count} fields after acknowledged save {lastSaved} (next was {next})");
            Assert.Equal(Enumerable.Range(0, fields.Count), fields);
            foreach (var n in fields)
            {
                Assert.Equal($"value-{n}", vault.Get("w", $"f{n}"));
            }

            Assert.True(vault.Check().IsIntact);
            acknowledged += Math.Max(0, lastSaved + 1 - next);
            attempted = fields.Count;
            next = fields.Count;
        }

        Assert.True(attempted == 200, $"{attempted} saves in {rounds} rounds ({acknowledged} acknowledged)");
    }

    [Fact]
    public async Task TwoWritersAtOnce_NeverLoseAnUpdate()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("v.tgv");
        var keyText = CreateKeyedVault(path);
        using var a = StartWriter(path, keyText, "a", 0, 40);
        using var b = StartWriter(path, keyText, "b", 0, 40);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var outputs = await Task.WhenAll(a.StandardOutput.ReadToEndAsync(timeout.Token), b.StandardOutput.ReadToEndAsync(timeout.Token));
        await a.WaitForExitAsync(timeout.Token);
        await b.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(0, b.ExitCode);

        using var vault = TestVaults.Open(path);
        var names = vault.List().Select(r => r.ToString()).ToHashSet();
        Assert.Equal(80, names.Count);
        for (var n = 0; n < 40; n++)
        {
            Assert.Equal($"value-{n}", vault.Get("a", $"f{n}"));
            Assert.Equal($"value-{n}", vault.Get("b", $"f{n}"));
        }

        Assert.All(outputs, o => Assert.Contains("saved 39", o, StringComparison.Ordinal));
    }
}
