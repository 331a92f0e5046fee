using Tradeguard.Scanner.Findings;
using Tradeguard.Scanner.Rules;

namespace Tradeguard.Scanner.Output;

/// <summary>Everything a report prints: the scan, the findings left after the baseline, and the rules that ran.</summary>
/// <param name="Result">The scan.</param>
/// <param name="Findings">Findings after baseline suppression.</param>
/// <param name="SuppressedByBaseline">How many findings the baseline suppressed.</param>
/// <param name="Rules">The rules that ran (listed in SARIF's tool.driver.rules).</param>
public sealed record ScanReport(ScanResult Result, IReadOnlyList<Finding> Findings, int SuppressedByBaseline, RuleSet Rules);
