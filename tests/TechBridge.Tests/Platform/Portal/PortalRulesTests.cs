using TechBridge.Modules.Matching.MatchListings;
using TechBridge.Modules.Matching.SearchListings;
using TechBridge.Pages.Shared;
using TechBridge.Platform.Portal;

namespace TechBridge.Tests.Platform.Portal;

public sealed class PortalRulesTests
{
    [Fact]
    public void Months_FollowBeijingCalendar_CurrentMonthLast()
    {
        // 2026-11-30 16:30 UTC is already 1 December in Beijing.
        var months = HomeHandler.MonthsEndingAt(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero), 12);

        Assert.Equal(12, months.Starts.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), months.Starts[^1]);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero), months.Starts[0]);
        var counts = months.Count([new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero), new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)]);
        Assert.Equal(1, counts[^1]);
        Assert.Equal(1, counts[^2]);
        Assert.Equal(2, counts.Sum());
    }

    [Theory]
    [InlineData("存在", true)]
    [InlineData("存在的", true)]
    [InlineData("进行 研究 的 存在", false)]
    [InlineData("锂电池", false)]
    [InlineData("存在 锂电池", false)]
    [InlineData("   ", false)]
    public void Search_QueryOfFunctionWordsOnly_IsRecognised(string text, bool empty) =>
        Assert.Equal(empty, SearchListingsHandler.OnlyEmptyWords(text));

    [Theory]
    [InlineData("130102", "Chang'an District, Shijiazhuang")]
    [InlineData("110108", "Haidian District, Beijing")]
    [InlineData("130181", "Xinji City, Shijiazhuang")]
    [InlineData("1301", "Shijiazhuang, Hebei")]
    [InlineData("13", "Hebei")]
    [InlineData("XIONGAN", "Xiong'an New Area")]
    public void Regions_HaveEnglishNames(string code, string name) =>
        Assert.Equal(name, RegionText.EnglishName(code));

    [Fact]
    public void Matches_SameTitleAndOwner_CollapseIntoOneCard_KeepingTheBest()
    {
        var owner = Guid.NewGuid();
        MatchItem Item(string title, decimal score, Guid? by) => new(Guid.NewGuid(), "offering", title, score, [], [], by, "/x");
        var best = Item("锂电池<mark>检测</mark>", 2m, owner);

        var cards = MatchExplainer.Collapse([Item("锂电池检测", 1m, owner), best, Item("锂电池检测", 1.5m, Guid.NewGuid()), Item("匿名需求", 1m, null), Item("匿名需求", 0.9m, null)]);

        Assert.Equal(4, cards.Count);
        Assert.Equal(best, cards[0].Match);
        Assert.Equal(1, cards[0].Duplicates);
    }

    [Fact]
    public void Shares_AreEachSignalsPartOfTheScore()
    {
        var match = new MatchItem(Guid.NewGuid(), "offering", "t", 2m, [],
            [new SignalContribution("text", 1m, 1m, 1m, ""), new SignalContribution("region", 0.5m, 1m, 0.5m, "same county"), new SignalContribution("voucher", 0.5m, 1m, 0.5m, ""), new SignalContribution("rating", 0.5m, 0m, 0m, "")],
            Guid.NewGuid(), "/x");

        var shares = MatchExplainer.Shares(match);

        Assert.Equal(["text", "region", "voucher"], shares.Select(s => s.Signal));
        Assert.Equal([50, 25, 25], shares.Select(s => s.Percent));
    }
}
