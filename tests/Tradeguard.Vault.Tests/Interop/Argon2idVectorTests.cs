using System.Text;
using Tradeguard.Vault.Crypto;

namespace Tradeguard.Vault.Tests.Interop;

public sealed class Argon2idVectorTests
{
    // Vector from issue 3 (computed with the Argon2 reference implementation): password "correct horse battery staple",
    // salt 0x01..0x10, m = 65536 KiB, t = 3, p = 1, 32 bytes.
    [Fact]
    public void DefaultParameters_MatchThePublishedVector()
    {
        var salt = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        var output = new byte[32];
        Argon2id.DeriveBytes(Encoding.UTF8.GetBytes("correct horse battery staple"), salt, KdfParameters.Default, output);
        Assert.Equal("d8ebeb50632cc1993711eda85db155a107f0fb1cafab88a3a79f3d4661ac7a0c", Convert.ToHexStringLower(output));
        Assert.Equal(new KdfParameters(65536, 3, 1), KdfParameters.Default);
    }
}
