using System.Security.Cryptography;
using System.Text;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Identity.Hashing;

/// <summary>Turns a password into the bytes a hash is computed over, per <see cref="PasswordNormalization"/>.</summary>
internal static class PasswordBytes
{
    /// <summary>
    /// Runs <paramref name="use"/> over the password's bytes after <paramref name="normalization"/>; the buffer is
    /// zeroed afterwards. Strings made on the way cannot be zeroed; they live only for this call.
    /// </summary>
    /// <exception cref="PasswordRejectedException">The password is not valid UTF-8 or Unicode.</exception>
    public static T With<T>(Secret password, PasswordNormalization normalization, Func<byte[], T> use)
    {
        if (normalization == PasswordNormalization.None)
        {
            var raw = password.Use(b => b.ToArray());
            try
            {
                return use(raw);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(raw);
            }
        }

        string text;
        try
        {
            text = password.Reveal().Normalize(NormalizationForm.FormC);
        }
        catch (Exception e) when (e is DecoderFallbackException or ArgumentException)
        {
            throw new PasswordRejectedException("The password is not valid Unicode text (bad UTF-8 or a lone surrogate).");
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        try
        {
            return use(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
