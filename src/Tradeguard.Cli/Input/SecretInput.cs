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
    /// asked twice when <paramref name="confirm"/>.
    /// </summary>
    /// <exception cref="TradeguardException">Exit 2 when nothing could be read or the two entries differ.</exception>
    public static Secret Read(string prompt, string? environmentVariable = null, bool fromStdin = false,
        bool confirm = false, bool multiLine = false)
    {
        if (environmentVariable is not null && Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } env)
        {
            return Secret.FromString(env);
        }

        if (fromStdin || Console.IsInputRedirected)
        {
            var text = multiLine ? Console.In.ReadToEnd() : Console.In.ReadLine();
            if (text is null)
            {
                throw new TradeguardException(ExitCode.Usage, $"{prompt}: nothing on standard input.");
            }

            return Secret.FromString(multiLine ? text : text.TrimEnd('\r'));
        }

        var first = Prompt(prompt + ": ");
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
