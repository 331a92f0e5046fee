namespace Tradeguard.Scanner.Walking;

/// <summary>A regular file inside the scanned tree.</summary>
/// <param name="FullPath">Absolute path.</param>
/// <param name="RelativePath">Path relative to the scan root, forward slashes.</param>
/// <param name="Length">Size in bytes when listed.</param>
internal sealed record WalkedFile(string FullPath, string RelativePath, long Length);
