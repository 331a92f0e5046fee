using MAB.DotIgnore;

namespace Tradeguard.Scanner.Walking;

/// <summary>
/// The .gitignore files from the scan root down to one folder, each applied to paths relative to its own folder as git
/// does (pattern matching by MAB.DotIgnore). Used only with <c>--respect-gitignore</c>.
/// </summary>
internal sealed class GitIgnoreChain
{
    public static readonly GitIgnoreChain Empty = new([]);

    private readonly IReadOnlyList<(string Folder, IgnoreList List)> _lists;

    private GitIgnoreChain(IReadOnlyList<(string Folder, IgnoreList List)> lists) => _lists = lists;

    /// <summary>This chain plus <c>folder/.gitignore</c> when that file exists.</summary>
    public GitIgnoreChain Enter(string folder)
    {
        var file = Path.Combine(folder, ".gitignore");
        return File.Exists(file) ? new GitIgnoreChain([.. _lists, (folder, new IgnoreList(file))]) : this;
    }

    public bool IsIgnored(string fullPath, bool isDirectory)
    {
        foreach (var (folder, list) in _lists)
        {
            var relative = Path.GetRelativePath(folder, fullPath).Replace('\\', '/');
            if (list.IsIgnored(relative, isDirectory))
            {
                return true;
            }
        }

        return false;
    }
}
