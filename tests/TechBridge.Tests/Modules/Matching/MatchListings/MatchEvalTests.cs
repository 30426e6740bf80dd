using TechBridge.Modules.Listings.Seed;
using TechBridge.Modules.Matching.MatchListings;

namespace TechBridge.Tests.Modules.Matching.MatchListings;

public sealed class MatchEvalTests
{
    private const double Precision = 1e-4;

    private static string JudgementsPath => Path.Combine(AppContext.BaseDirectory, MatchEval.DefaultJudgements);

    [Fact]
    public void Judgements_ShippedFile_ParsesAndNamesOnlyDemoTitles()
    {
        var judgements = MatchEval.ReadJudgements(File.ReadLines(JudgementsPath));
        var demands = DemoListingsSeeder.DemandTitles.ToHashSet(StringComparer.Ordinal);
        var offerings = DemoListingsSeeder.OfferingTitles.ToHashSet(StringComparer.Ordinal);

        Assert.True(judgements.Values.Sum(j => j.Count) >= 40);
        var unknown = judgements.Keys.Where(d => !demands.Contains(d))
            .Concat(judgements.Values.SelectMany(j => j.Keys).Where(o => !offerings.Contains(o))).Distinct().ToList();
        Assert.True(unknown.Count == 0, "not in the demo texts: " + string.Join("; ", unknown));
        Assert.All(judgements.Values, j => Assert.Contains(j.Values, g => g > 0));
    }

    [Fact]
    public void DemoOfferingTitles_AreDistinct()
    {
        var titles = DemoListingsSeeder.OfferingTitles.ToList();

        Assert.Equal(titles.Count, titles.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ReadJudgements_BadGradeOrRepeatedPair_Throws()
    {
        Assert.Throws<FormatException>(() => MatchEval.ReadJudgements(["需求\t服务\t4"]));
        Assert.Throws<FormatException>(() => MatchEval.ReadJudgements(["需求\t服务"]));
        Assert.Throws<FormatException>(() => MatchEval.ReadJudgements(["需求\t服务\t1", "需求\t服务\t2"]));
    }

    [Fact]
    public void MeanNdcg_HandMadeCase_MatchesHandComputedValues()
    {
        var judgements = MatchEval.ReadJudgements(
        [
            "# comment",
            "甲\ta\t3",
            "甲\tb\t0",
            "甲\tc\t1",
            "乙\tx\t2",
            "丙\ty\t0",
        ]);
        var rankings = new Dictionary<string, IReadOnlyList<string>>
        {
            // c first, a repeated (its second occurrence takes no gain), b unjudged-as-relevant, a at rank 3.
            ["甲"] = ["c", "b", "a", "a"],
            ["乙"] = ["x"],
            ["丙"] = ["y"],
        };

        // 甲: DCG = 1/log2(2) + 0 + 3/log2(4) = 2.5; ideal = 3 + 1/log2(3) = 3.63093 → 0.68853. 乙: 1.
        // 丙 has no relevant judgement and does not count.
        Assert.Equal(2.5 / 3.63093, MatchEval.Ndcg(rankings["甲"], judgements["甲"]), Precision);
        var (ndcg, demands) = MatchEval.MeanNdcg(rankings, judgements);
        Assert.Equal(2, demands);
        Assert.Equal(((2.5 / 3.63093) + 1) / 2, ndcg, Precision);
    }

    [Fact]
    public void MeanNdcg_JudgedDemandWithoutRanking_CountsAsZero()
    {
        var judgements = MatchEval.ReadJudgements(["甲\ta\t3", "乙\tb\t2"]);
        var rankings = new Dictionary<string, IReadOnlyList<string>> { ["甲"] = ["a"] };

        Assert.Equal((0.5, 2), MatchEval.MeanNdcg(rankings, judgements));
    }
}
