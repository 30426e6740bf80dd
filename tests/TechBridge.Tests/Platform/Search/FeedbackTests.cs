using TechBridge.Platform.Search;

namespace TechBridge.Tests.Platform.Search;

// Pseudo-relevance feedback: a demand's words seldom repeat those of the field's other documents; the words of its
// best matches bring them in. Off (the default), the ranking is what it was.
public sealed class FeedbackTests
{
    private static readonly SearchDocument[] Documents =
    [
        new("a", "achievement", "锂离子电池正极材料的高镍三元前驱体合成工艺，提高电池能量密度。", "高镍三元正极材料"),
        new("b", "achievement", "锂离子电池正极材料包覆改性技术，改善循环寿命与能量密度。", "正极材料包覆改性"),
        new("c", "achievement", "固态电解质与三元前驱体界面稳定性研究，提升循环寿命。", "固态电解质界面研究"),
        new("d", "achievement", "小麦抗旱品种选育与节水灌溉技术。", "小麦抗旱育种"),
        new("e", "achievement", "城市污水处理厂污泥减量化技术。", "污泥减量化"),
    ];

    private static async Task<LuceneSearchIndex> IndexAsync(int feedbackTerms)
    {
        var ranking = new SearchRankingOptions { FeedbackTerms = feedbackTerms, FeedbackDocs = 2 };
        var index = LuceneSearchIndex.CreateTemporary(ranking, new SearchVocabulary(ChineseSegmenter.Instance), inMemory: true);
        await index.IndexAsync(Documents);
        return index;
    }

    [Fact]
    public async Task WithFeedback_ADocumentSharingOnlyTheTopMatchesWords_IsFound()
    {
        using var plain = await IndexAsync(feedbackTerms: 0);
        using var expanded = await IndexAsync(feedbackTerms: 10);

        var without = (await plain.SearchAsync(new SearchRequest("正极材料"))).Hits.Select(h => h.Id).ToList();
        var with = (await expanded.SearchAsync(new SearchRequest("正极材料"))).Hits.Select(h => h.Id).ToList();

        Assert.DoesNotContain("c", without);
        Assert.Equal(["a", "b"], with.Take(2).Order());
        Assert.Contains("c", with);
        Assert.DoesNotContain("d", with);
        Assert.DoesNotContain("e", with);
    }

    [Fact]
    public async Task WithoutFeedback_TheQueryIsOnlyItsOwnWords()
    {
        using var plain = await IndexAsync(feedbackTerms: 0);

        var hits = (await plain.SearchAsync(new SearchRequest("正极材料"))).Hits.Select(h => h.Id).Order().ToList();

        Assert.Equal(["a", "b"], hits);
    }
}
