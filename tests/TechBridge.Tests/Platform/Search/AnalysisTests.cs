using TechBridge.Platform.Search;

namespace TechBridge.Tests.Platform.Search;

public sealed class AnalysisTests
{
    private static List<string> Words(string text, bool searchMode = false)
    {
        using var analyzer = new JiebaAnalyzer(searchMode);
        return SearchQueryBuilder.Analyze(analyzer, LuceneSearchIndex.WordField, text).Select(t => t.Term).ToList();
    }

    [Fact]
    public void UserDictionaryTerm_AddedAtRunTime_StaysOneToken()
    {
        // A made-up term: jieba cannot know it, so before it is added it is split.
        var term = "氪星纳米膜";
        Assert.DoesNotContain(term, Words($"本项目研制{term}材料"));
        var vocabulary = new SearchVocabulary(ChineseSegmenter.Instance);

        vocabulary.AddTerm(term);

        Assert.Contains(term, Words($"本项目研制{term}材料"));
        Assert.Contains(term, Words($"本项目研制{term}材料", searchMode: true));
    }

    [Fact]
    public void ShippedDomainTerms_StayOneToken()
    {
        var vocabulary = new SearchVocabulary(ChineseSegmenter.Instance);
        vocabulary.LoadDirectory(SearchVocabulary.DefaultDirectory);

        Assert.Contains("揭榜挂帅", Words("企业参与揭榜挂帅项目申报"));
        Assert.Contains("锂离子电池", vocabulary.SynonymsOf("锂电池"));
    }

    [Fact]
    public void Normalisation_FoldsFullWidthAndCase_AndDropsPunctuation()
    {
        var words = Words("ＡＢＣ１２３，Lithium电池！");

        Assert.Contains("abc123", words);
        Assert.Contains("lithium", words);
        Assert.DoesNotContain("，", words);
        Assert.DoesNotContain("!", words);
    }

    [Fact]
    public void Vocabulary_Changes_RaiseVersion_AndRefuseBadTerms()
    {
        var vocabulary = new SearchVocabulary(ChineseSegmenter.Instance);
        var before = vocabulary.Version;

        vocabulary.AddSynonyms(["甲醇燃料", "甲醇能源"]);
        Assert.True(vocabulary.Version > before);
        Assert.True(vocabulary.RemoveSynonyms(["甲醇燃料"]));
        Assert.Empty(vocabulary.SynonymsOf("甲醇燃料"));

        var refused = Assert.Throws<TechBridge.Platform.Errors.InvalidRequestException>(() => vocabulary.AddTerm("two words"));
        Assert.Equal(("term", "term"), (refused.Violations[0].Field, refused.Violations[0].Rule));
    }
}
