namespace Tradeguard.Scanner.Walking;

/// <summary>
/// Lists the regular files under a root without following symbolic links (so a scan never leaves the tree), skipping
/// <c>.git</c> folders, files over the size limit, and with <c>--respect-gitignore</c> what .gitignore files exclude.
/// </summary>
internal static class FileWalker
{
    private static readonly EnumerationOptions Shallow = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    public static (List<WalkedFile> Files, List<SkippedFile> Skipped) Walk(string root, bool respectGitignore, long maxFileBytes)
    {
        var files = new List<WalkedFile>();
        var skipped = new List<SkippedFile>();
        if (File.Exists(root))
        {
            var info = new FileInfo(root);
            Add(info, info.Name);
            return (files, skipped);
        }

        var pending = new Stack<(DirectoryInfo Folder, GitIgnoreChain Ignores)>();
        var rootInfo = new DirectoryInfo(root);
        pending.Push((rootInfo, respectGitignore ? GitIgnoreChain.Empty.Enter(rootInfo.FullName) : GitIgnoreChain.Empty));
        while (pending.Count > 0)
        {
            var (folder, ignores) = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = folder.EnumerateFileSystemInfos("*", Shallow).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                skipped.Add(new SkippedFile(Relative(rootInfo, folder.FullName), SkipReason.Unreadable));
                continue;
            }

            foreach (var entry in entries)
            {
                var relative = Relative(rootInfo, entry.FullName);
                if (entry.LinkTarget is not null)
                {
                    skipped.Add(new SkippedFile(relative, SkipReason.Symlink));
                    continue;
                }

                if (entry is DirectoryInfo sub)
                {
                    if (sub.Name == ".git" || ignores.IsIgnored(sub.FullName, isDirectory: true))
                    {
                        continue;
                    }

                    pending.Push((sub, respectGitignore ? ignores.Enter(sub.FullName) : ignores));
                }
                else if (entry is FileInfo file && (file.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) == 0
                         && !ignores.IsIgnored(file.FullName, isDirectory: false))
                {
                    Add(file, relative);
                }
            }
        }

        return (files, skipped);

        void Add(FileInfo file, string relative)
        {
            if (file.Length > maxFileBytes)
            {
                skipped.Add(new SkippedFile(relative, SkipReason.Oversized));
            }
            else
            {
                files.Add(new WalkedFile(file.FullName, relative, file.Length));
            }
        }
    }

    private static string Relative(DirectoryInfo root, string fullPath) =>
        Path.GetRelativePath(root.FullName, fullPath).Replace('\\', '/');
}
