namespace Tradeguard.Scanner.Rules;

/// <summary>
/// What <see cref="LineAnchors"/> proved of a pattern: every match lies on one line. <paramref name="Anchors"/>: the
/// literals of the top-level branches that have them (null: no branch has anchors worth a window);
/// <paramref name="Probes"/>: the other branches, each a regex of its own with the options in force where it stood,
/// whose matches mark the remaining lines that can hold a match.
/// </summary>
internal sealed record OneLinePattern(IReadOnlyList<string>? Anchors, IReadOnlyList<string> Probes);
