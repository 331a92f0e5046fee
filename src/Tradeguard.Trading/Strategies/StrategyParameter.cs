namespace Tradeguard.Trading.Strategies;

/// <summary>One tunable parameter of a built-in strategy.</summary>
/// <param name="Name">The key in the config's <c>strategy.parameters</c> and in <c>--sweep</c>.</param>
/// <param name="Default">Used when the config does not set it.</param>
/// <param name="Minimum">Smallest accepted value.</param>
/// <param name="Maximum">Largest accepted value.</param>
/// <param name="Whole">True when only whole numbers are accepted (periods, bar counts).</param>
/// <param name="Description">What it means, with its unit.</param>
public sealed record StrategyParameter(string Name, double Default, double Minimum, double Maximum, bool Whole, string Description)
{
    /// <summary>Null when <paramref name="value"/> is acceptable, else what is wrong in words.</summary>
    public string? Problem(double value) =>
        double.IsFinite(value) && value >= Minimum && value <= Maximum && (!Whole || value == Math.Floor(value))
            ? null
            : $"must be {(Whole ? "a whole number" : "a number")} from {Minimum} to {Maximum}";
}
