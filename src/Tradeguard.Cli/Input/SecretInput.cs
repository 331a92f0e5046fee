using System.Text;
using Tradeguard.Core.Errors;
using Tradeguard.Core.Secrets;

namespace Tradeguard.Cli.Input;

/// <summary>
/// Reads a secret the only ways Tradeguard allows: an environment variable, standard input, or a hidden prompt —
/// never a command-line argument (argv is visible to every user through <c>/proc</c> and <c>ps</c>).
/// </summary>
internal static class SecretInput
{
    /// <summary>
    /// Reads one secret. Order: <paramref name="environmentVariable"/> if set; stdin when <paramref name="fromStdin"/>
    /// or when stdin is not a terminal (one line, or all of it when <paramref name="multiLine"/>); else a hidden prompt,
    /// asked twice when <paramref name="confirm"/>. <paramref name="rule"/> (a policy that throws) is checked on the
    /// first entry, so a user is never asked to repeat a secret that will be refused.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 2 when nothing could be read or the two entries differ; exit 4 when
    /// stdin is not UTF-8 text (the CLI decodes it strictly); whatever
    /// <paramref name="rule"/> throws.</exception>
    public static Secret Read(string prompt, string? environmentVariable = null, bool fromStdin = false,
        bool confirm = false, bool multiLine = false, Action<Secret>? rule = null)
    {
        if (environmentVariable is not null && Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } env)
        {
            return Checked(Secret.FromString(env), rule);
        }

        if (fromStdin || Console.IsInputRedirected)
        {
            string? text;
            try
            {
                text = multiLine ? Console.In.ReadToEnd() : Console.In.ReadLine();
            }
            catch (DecoderFallbackException)
            {
                throw new TradeguardException(ExitCode.IntegrityFailure,
                    $"{prompt}: standard input is not UTF-8 text; nothing was changed (store a binary key base64- or hex-encoded).");
            }

            if (text is null)
            {
                throw new TradeguardException(ExitCode.Usage, $"{prompt}: nothing on standard input.");
            }

            return Checked(Secret.FromString(multiLine ? text : text.TrimEnd('\r')), rule);
        }

        var first = Checked(Prompt(prompt + ": "), rule);
        if (!confirm)
        {
            return first;
        }

        using var second = Prompt("Repeat " + char.ToLowerInvariant(prompt[0]) + prompt[1..] + ": ");
        if (!first.Equals(second))
        {
            first.Dispose();
            throw new TradeguardException(ExitCode.Usage, "The two entries differ; nothing was changed.");
        }

        return first;
    }

    private static Secret Checked(Secret secret, Action<Secret>? rule)
    {
        try
        {
            rule?.Invoke(secret);
            return secret;
        }
        catch
        {
            secret.Dispose();
            throw;
        }
    }

    private static Secret Prompt(string prompt)
    {
        Console.Error.Write(prompt);
        var buffer = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (buffer.Length > 0)
                {
                    buffer.Length--;
                }

                continue;
            }

            buffer.Append(key.KeyChar);
        }

        Console.Error.WriteLine();
        var chars = new char[buffer.Length];
        buffer.CopyTo(0, chars, 0, buffer.Length);
        buffer.Clear();
        try
        {
            return Secret.FromChars(chars);
        }
        finally
        {
            Array.Clear(chars);
        }
    }
}
