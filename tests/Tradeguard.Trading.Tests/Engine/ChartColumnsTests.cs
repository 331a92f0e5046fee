using Tradeguard.Trading.Reports.Html;

namespace Tradeguard.Trading.Tests.Engine;

public sealed class ChartColumnsTests
{
    [Fact]
    public void Line_KeepsFirstLowHighLast_PerColumn_SkippingNaN()
    {
        var columns = new ChartColumns(10, 3); // columns of bars 0-2, 3-5, 6-9

        var m4 = columns.Line([5, 1, 9, double.NaN, 4, 2, double.NaN, double.NaN, double.NaN, double.NaN]);

        Assert.Equal([0, 3, 6], columns.Starts);
        Assert.Equal([5f, 1, 9, 9, 4, 2, 4, 2], m4[..8]);
        Assert.All(m4[8..], v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void ColumnOf_IsTheColumnWhoseRangeHoldsTheBar()
    {
        var columns = new ChartColumns(10, 3);
        Assert.Equal([0, 0, 0, 1, 1, 1, 2, 2, 2, 2], Enumerable.Range(0, 10).Select(columns.ColumnOf));
        var identity = new ChartColumns(5, 100);
        Assert.Equal([0, 1, 2, 3, 4], Enumerable.Range(0, 5).Select(identity.ColumnOf));
    }
}
