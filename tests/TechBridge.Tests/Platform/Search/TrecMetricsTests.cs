using TechBridge.Platform.Search.Evaluation;

namespace TechBridge.Tests.Platform.Search;

public sealed class TrecMetricsTests
{
    private const double Precision = 1e-4;

    [Fact]
    public void Metrics_SingleRelevantAtRankTwo_MatchHandComputedValues()
    {
        var judged = new Dictionary<string, int> { ["b"] = 1 };
        string[] ranked = ["a", "b", "c"];

        // DCG = 1 / log2(3) = 0.63093; ideal DCG = 1.
        Assert.Equal(0.63093, TrecMetrics.NdcgAt(10, ranked, judged), Precision);
        Assert.Equal(0.5, TrecMetrics.ReciprocalRankAt(10, ranked, judged), Precision);
        Assert.Equal(1.0, TrecMetrics.RecallAt(100, ranked, judged), Precision);
    }

    [Fact]
    public void Metrics_GradedJudgements_UseGradeAsGainAndIdealFromQrels()
    {
        // d (grade 3) is judged but not retrieved; b is not judged.
        var judged = new Dictionary<string, int> { ["a"] = 2, ["c"] = 1, ["d"] = 3, ["e"] = 0 };
        string[] ranked = ["a", "b", "c"];

        // DCG = 2/log2(2) + 0 + 1/log2(4) = 2.5; ideal = 3/1 + 2/log2(3) + 1/log2(4) = 4.76186.
        Assert.Equal(2.5 / 4.76186, TrecMetrics.NdcgAt(10, ranked, judged), Precision);
        Assert.Equal(1.0, TrecMetrics.ReciprocalRankAt(10, ranked, judged), Precision);
        Assert.Equal(2.0 / 3.0, TrecMetrics.RecallAt(100, ranked, judged), Precision);
    }

    [Fact]
    public void Metrics_RelevantBelowCutoff_CountOnlyForRecall()
    {
        var judged = new Dictionary<string, int> { ["x"] = 1 };
        var ranked = Enumerable.Range(0, 20).Select(i => $"n{i}").Append("x").ToArray();

        Assert.Equal(0, TrecMetrics.NdcgAt(10, ranked, judged), Precision);
        Assert.Equal(0, TrecMetrics.ReciprocalRankAt(10, ranked, judged), Precision);
        Assert.Equal(1.0, TrecMetrics.RecallAt(100, ranked, judged), Precision);
        Assert.Equal(0, TrecMetrics.RecallAt(20, ranked, judged), Precision);
    }

    [Fact]
    public void Summarize_JudgedQueryWithoutRun_ScoresZero_AndUnjudgedQueriesAreSkipped()
    {
        var qrels = new Dictionary<string, Dictionary<string, int>>
        {
            ["q1"] = new() { ["a"] = 1 },
            ["q2"] = new() { ["b"] = 1 },
            ["q3"] = new() { ["c"] = 0 },
        };
        var run = new Dictionary<string, IReadOnlyList<string>> { ["q1"] = ["a"] };

        var summary = TrecMetrics.Summarize(run, qrels);

        Assert.Equal(2, summary.Queries);
        Assert.Equal(0.5, summary.NdcgAt10, Precision);
        Assert.Equal(0.5, summary.MrrAt10, Precision);
        Assert.Equal(0.5, summary.RecallAt100, Precision);
    }

    [Theory]
    [InlineData("t1", true)]
    [InlineData("k10", false)]
    [InlineData("q27", true)]
    public void IsOdd_QueryIdsEndingInNumbers_SplitByLastDigit(string qid, bool odd) =>
        Assert.Equal(odd, TrecMetrics.IsOdd(qid));
}
