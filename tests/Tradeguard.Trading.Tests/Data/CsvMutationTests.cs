using Tradeguard.TestSupport;
using Tradeguard.TestSupport.Mutation;
using Tradeguard.Trading.Data;

namespace Tradeguard.Trading.Tests.Data;

/// <summary>Bar files mutated 10,000 ways from the real ORCL file and the other layouts: only <see cref="DataFileException"/>.</summary>
public sealed class CsvMutationTests
{
    [Fact]
    public void MutatedBarFiles_FailOnlyWithDataFileException_Quickly()
    {
        var orcl = string.Join('\n', File.ReadLines(RepoPaths.Samples("data/orcl-1995-2014.txt")).Take(12));
        string[] examples =
        [
            orcl,
            "Date,Time,Open,High,Low,Close,Volume,OpenInterest\n2006-01-02,23:59:59,3578.73,3605.95,3578.73,3604.33,0,0\n2006-01-03,23:59:59,3604.08,3638.42,3601.84,3614.34,0,0\n",
            "date,open,high,low,close,volume\n2020-01-02,100,101,99,100.5,1000\n2020-01-03,100.5,102,100,101,900\n",
        ];
        string[] tokens = [",", "\n", "\"", "Adj Close", "Date", "1e308", "-0", "2000-02-30", "2000-01-03T10:00", "20000103", "\r\n", "\uFEFF"];
        var adjusted = false;
        var outcome = MutationRun.Run(Mutator.ForText(1302, examples, tokens), 10_000, input =>
        {
            adjusted = !adjusted;
            using var stream = new MemoryStream(input);
            CsvBarLoader.Load(stream, "bars.csv", new BarLoadOptions { UseAdjustedClose = adjusted, From = new DateTime(1995, 1, 1), To = DateTime.MaxValue.Date });
        }, e => e is DataFileException, TimeSpan.FromSeconds(1));

        Assert.True(outcome.Problems.Count == 0, MutationRun.Describe(outcome));
        Assert.InRange(outcome.Accepted, 1, outcome.Inputs - 1);
    }
}
