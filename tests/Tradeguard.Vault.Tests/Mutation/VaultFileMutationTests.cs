using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;
using Tradeguard.TestSupport;
using Tradeguard.TestSupport.Mutation;

namespace Tradeguard.Vault.Tests.Mutation;

/// <summary>
/// Vault files mutated 10,000 ways (bytes, and splices between two vaults of the same layout), opened with the key-file
/// slot so no Argon2id runs: only a <see cref="TradeguardException"/>, quickly, and never a wrong value.
/// </summary>
public sealed class VaultFileMutationTests : IDisposable
{
    private const string Value = "secret-fedcba9876543210";
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private byte[] MakeVault(string name, Secret key, int entries)
    {
        var path = temp.Combine(name);
        using var pass = TestVaults.Pass();
        using var keyCredential = VaultCredential.Key(key);
        using (var vault = VaultStore.Create(path, [pass, keyCredential], TestVaults.Options))
        {
            for (var i = 0; i < entries; i++)
            {
                vault.Set("binance", $"field{i}", Value);
            }
        }

        return File.ReadAllBytes(path);
    }

    [Fact]
    public void MutatedVaultFiles_FailOnlyWithTheDocumentedError_Quickly_NeverWrongData()
    {
        using var key = VaultKeyFile.Create(temp.Combine("k.key"));
        byte[][] examples = [MakeVault("a.tgv", key, 2), MakeVault("b.tgv", key, 3)];
        byte[][] tokens = [[0xFF, 0xFF, 0xFF, 0xFF], [0x00, 0x00, 0x00, 0x00], [0xFF, 0xFF, 0xFF, 0x7F], [0x01], [0x02], [0x80, 0x00, 0x00, 0x00]];
        var path = temp.Combine("mutated.tgv");
        var outcome = MutationRun.Run(new Mutator(1305, examples, tokens), 10_000, input =>
        {
            foreach (var leftover in Directory.GetFiles(temp.Path, "*mutated.tgv*"))
            {
                File.Delete(leftover);
            }

            File.WriteAllBytes(path, input);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            using var credential = VaultCredential.Key(key);
            using var vault = VaultStore.Open(path, credential, TestVaults.Options);
            foreach (var reference in vault.List())
            {
                using var value = vault.TryGet(reference);
                Assert.True(value is null || value.Reveal() == Value, $"wrong value for {reference}");
            }
        }, e => e is TradeguardException, TimeSpan.FromSeconds(1));

        Assert.True(outcome.Problems.Count == 0, MutationRun.Describe(outcome));
        Assert.InRange(outcome.Accepted, 1, outcome.Inputs - 1);
    }
}
