namespace Tradeguard.Core.Storage;

/// <summary>
/// The folder that holds an installation's state (vault, identity, audit and outbox databases):
/// <c>$TRADEGUARD_HOME</c> when set, else <c>~/.tradeguard</c>. Created on first use with mode 0700.
/// </summary>
public static class TradeguardHome
{
    /// <summary>The environment variable that overrides the folder.</summary>
    public const string EnvironmentVariable = "TRADEGUARD_HOME";

    /// <summary>The folder, created (mode 0700) if missing.</summary>
    public static string Path
    {
        get
        {
            var path = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env
                ? System.IO.Path.GetFullPath(env)
                : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".tradeguard");
            if (!Directory.Exists(path))
            {
                Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            return path;
        }
    }

    /// <summary>A file inside the folder, e.g. <c>File("vault.tgv")</c>.</summary>
    public static string File(string name) => System.IO.Path.Combine(Path, name);
}
