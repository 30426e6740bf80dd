using TechBridge.Platform.Errors;
using TechBridge.Platform.Search;

namespace TechBridge.Tests.Platform.Search;

public sealed class SearchIndexTests
{
    private static LuceneSearchIndex NewIndex(SearchVocabulary? vocabulary = null) =>
        LuceneSearchIndex.CreateTemporary(new SearchRankingOptions(), vocabulary ?? new SearchVocabulary(ChineseSegmenter.Instance), inMemory: true);

    private static async Task<LuceneSearchIndex> SeededAsync(SearchVocabulary? vocabulary = null)
    {
        var index = NewIndex(vocabulary);
        await index.IndexAsync(
        [
            new SearchDocument("d1", "achievement", "本成果采用计算机视觉实现钢材表面缺陷的自动检测，准确率达到98%。", "基于机器视觉的缺陷检测系统", "缺陷检测 机器视觉",
                new Dictionary<string, IReadOnlyList<string>> { ["region"] = ["130100"] }, new Dictionary<string, long> { ["trl"] = 6 }),
            new SearchDocument("d2", "demand", "需要一种高能量密度锂离子电池正极材料的制备工艺。", "高镍正极材料制备", null,
                new Dictionary<string, IReadOnlyList<string>> { ["region"] = ["120000"] }, new Dictionary<string, long> { ["trl"] = 3 }),
            new SearchDocument("d3", "offering", "提供Rodrigues参数姿态控制仿真服务、Lyapunov稳定性分析。", "飞行器姿态控制仿真", null),
        ]);
        return index;
    }

    [Fact]
    public async Task Search_ChineseQuery_RanksMatchingDocumentFirst_WithHighlights()
    {
        using var index = await SeededAsync();

        var results = await index.SearchAsync(new SearchRequest("缺陷检测", Highlight: true));

        Assert.Equal("d1", results.Hits[0].Id);
        Assert.Contains("<mark>", results.Hits[0].TitleHighlight ?? results.Hits[0].TextHighlight, StringComparison.Ordinal);
        Assert.Contains("缺陷", results.Hits[0].MatchedTerms);
        Assert.Equal("130100", results.Hits[0].Filters["region"][0]);
    }

    [Fact]
    public async Task Search_Filters_RestrictByKindValueAndRange()
    {
        using var index = await SeededAsync();

        var byKind = await index.SearchAsync(new SearchRequest("材料 检测 控制", Kinds: ["demand"]));
        var byRange = await index.SearchAsync(new SearchRequest("", Ranges: new Dictionary<string, NumberRange> { ["trl"] = new(5, 9) }));
        var byValue = await index.SearchAsync(new SearchRequest("", Filters: new Dictionary<string, IReadOnlyList<string>> { ["region"] = ["120000", "999999"] }));

        Assert.Equal(["d2"], byKind.Hits.Select(h => h.Id));
        Assert.Equal(["d1"], byRange.Hits.Select(h => h.Id));
        Assert.Equal(["d2"], byValue.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task Delete_RemovesDocument()
    {
        using var index = await SeededAsync();

        await index.DeleteAsync(["d3"]);

        Assert.DoesNotContain((await index.SearchAsync(new SearchRequest("姿态控制"))).Hits, h => h.Id == "d3");
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public async Task Synonym_AddedAtRunTime_MakesDocumentFindable_WithoutReindexing()
    {
        var vocabulary = new SearchVocabulary(ChineseSegmenter.Instance);
        using var index = await SeededAsync(vocabulary);
        Assert.Empty((await index.SearchAsync(new SearchRequest("电脑"))).Hits);

        vocabulary.AddSynonyms(["电脑", "计算机"]);

        Assert.Equal("d1", (await index.SearchAsync(new SearchRequest("电脑"))).Hits.Single().Id);
    }

    [Fact]
    public async Task Search_OnDisk_SurvivesReopening()
    {
        var path = Directory.CreateTempSubdirectory("techbridge-index-test-").FullName;
        var vocabulary = new SearchVocabulary(ChineseSegmenter.Instance);
        using (var index = LuceneSearchIndex.OpenOnDisk(path, new SearchRankingOptions(), vocabulary))
        {
            await index.IndexAsync([new SearchDocument("p1", "offering", "检验检测认证服务")]);
        }

        using var reopened = LuceneSearchIndex.OpenOnDisk(path, new SearchRankingOptions(), vocabulary);
        Assert.Equal("p1", (await reopened.SearchAsync(new SearchRequest("检测认证"))).Hits.Single().Id);
    }

    [Fact]
    public async Task Search_OnDisk_IndexOfAnotherLayoutIsEmptiedForARebuild()
    {
        var path = Directory.CreateTempSubdirectory("techbridge-index-test-").FullName;
        var vocabulary = new SearchVocabulary(ChineseSegmenter.Instance);
        using (var index = LuceneSearchIndex.OpenOnDisk(path, new SearchRankingOptions(), vocabulary))
        {
            await index.IndexAsync([new SearchDocument("p1", "offering", "检验检测认证服务", "检测")]);
        }

        using var reopened = LuceneSearchIndex.OpenOnDisk(path, new SearchRankingOptions { TitleRepeat = 3 }, vocabulary);
        Assert.Equal(0, reopened.Count);
    }

    public static TheoryData<string> HostileQueries => new()
    {
        new string('好', SearchLimits.MaxQueryChars),
        "AND ( \" * ~ : OR NOT [ ] { } ^ \\ / !",
        "缺陷\u0000检测\u0007\u001b[31m\u200b\uFEFF",
        "Rodrigues参数 ДНК ανάλυση العربية 😀 ①②③ ｆｕｌｌ",
        "\"缺陷检测",
        "*:*",
        "",
        "   \t\r\n",
        "\uD800 lone surrogate",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Search_HostileInput_AnswersWithinCaps(string text)
    {
        using var index = await SeededAsync();

        var results = await index.SearchAsync(new SearchRequest(text, Top: 5, Highlight: true));

        Assert.InRange(results.Hits.Count, 0, 5);
        Assert.InRange(results.QueryTerms.Count, 0, SearchLimits.MaxQueryTerms);
    }

    [Fact]
    public async Task Index_OneMegabyteText_IsAcceptedAndFindable()
    {
        using var index = NewIndex();
        var filler = string.Concat(Enumerable.Repeat("科技服务平台提供检验检测与技术转移服务。Mixed text 123; ", 30_000));
        var text = (filler + "独特标记词汇量子纠缠")[^SearchLimits.MaxDocumentTextChars..];

        await index.IndexAsync([new SearchDocument("big", "achievement", text)]);

        var results = await index.SearchAsync(new SearchRequest("量子纠缠", Highlight: true));
        Assert.Equal("big", results.Hits.Single().Id);
    }

    [Fact]
    public async Task Index_TextOverCap_IsRefusedNamingFieldAndRule()
    {
        using var index = NewIndex();

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            index.IndexAsync([new SearchDocument("huge", "achievement", new string('字', SearchLimits.MaxDocumentTextChars + 1))]));

        Assert.Contains(refused.Violations, v => v is { Field: "text", Rule: "maxLength" });
    }

    [Fact]
    public async Task Search_QueryOverLengthCap_IsRefusedNamingFieldAndRule()
    {
        using var index = await SeededAsync();

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            index.SearchAsync(new SearchRequest(new string('好', SearchLimits.MaxQueryChars + 1))));

        Assert.Contains(refused.Violations, v => v is { Field: "text", Rule: "maxLength" });
    }

    [Fact]
    public async Task Search_QueryWithTooManyTerms_IsRefusedNamingFieldAndRule()
    {
        using var index = await SeededAsync();
        // Distinct Han characters give distinct bigrams: far more than the term cap.
        var text = new string(Enumerable.Range(0x4E00, 2_000).Select(c => (char)c).ToArray());

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => index.SearchAsync(new SearchRequest(text)));

        Assert.Contains(refused.Violations, v => v is { Field: "text", Rule: "maxTerms" });
    }

    [Fact]
    public async Task Search_WithTinyTimeLimit_AnswersWithBestFoundSoFar()
    {
        using var index = await SeededAsync();

        var results = await index.SearchAsync(new SearchRequest("缺陷检测 材料 控制", TimeLimit: TimeSpan.FromMilliseconds(1)));

        Assert.InRange(results.Hits.Count, 0, 3);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SearchLimits.MaxTop + 1)]
    public async Task Search_TopOutOfRange_IsRefused(int top)
    {
        using var index = await SeededAsync();

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => index.SearchAsync(new SearchRequest("检测", Top: top)));

        Assert.Contains(refused.Violations, v => v is { Field: "top", Rule: "range" });
    }
}
