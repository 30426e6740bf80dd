using Lucene.Net.Index;
using Lucene.Net.Search;
using TechBridge.Platform.Search;

namespace TechBridge.Tests.Platform.Search;

// The mechanics of the topical-ranking options (issue 9) on hand-made cases; their quality is measured by
// search-eval (docs/performance.md), never asserted here.
public sealed class RankingMechanicsTests
{
    private static readonly SearchDocument[] Documents =
    [
        new("a", "achievement", "锂离子电池正极材料的高镍三元前驱体合成工艺，提高电池能量密度。", "高镍三元正极材料"),
        new("b", "achievement", "锂离子电池正极材料包覆改性技术，改善循环寿命与能量密度。", "正极材料包覆改性"),
        new("c", "achievement", "固态电解质与三元前驱体界面稳定性研究，提升循环寿命。", "固态电解质界面研究"),
        new("d", "achievement", "小麦抗旱品种选育与节水灌溉技术。", "小麦抗旱育种"),
        new("e", "achievement", "城市污水处理厂污泥减量化技术。", "污泥减量化"),
    ];

    private static async Task<LuceneSearchIndex> IndexAsync(SearchRankingOptions ranking, IReadOnlyCollection<SearchDocument>? documents = null)
    {
        var index = LuceneSearchIndex.CreateTemporary(ranking, new SearchVocabulary(ChineseSegmenter.Instance), inMemory: true);
        await index.IndexAsync(documents ?? Documents);
        return index;
    }

    [Fact]
    public void Fusion_OrdersByTheSumOfWeightOverKPlusRank_AsComputedByHand()
    {
        // k = 1. Equal weights: doc 1 = 1/2 + 1/3 = 0.833, doc 3 = 1/4 + 1/2 = 0.75, doc 2 = 1/3, doc 4 = 1/4.
        ScoreDoc[] first = [new(1, 9f), new(2, 8f), new(3, 7f)];
        ScoreDoc[] second = [new(3, 0.9f), new(1, 0.8f), new(4, 0.7f)];

        var equal = LuceneSearchIndex.Fuse([(first, 1f), (second, 1f)], k: 1f, top: 10);
        // The second list weighs 2: doc 3 = 1/4 + 2/2 = 1.25, doc 1 = 1/2 + 2/3 = 1.167, doc 4 = 2/4, doc 2 = 1/3.
        var weighted = LuceneSearchIndex.Fuse([(first, 1f), (second, 2f)], k: 1f, top: 10);

        Assert.Equal([1, 3, 2, 4], equal.Select(d => d.Doc));
        Assert.Equal(5f / 6f, equal[0].Score, 5);
        Assert.Equal([3, 1, 4, 2], weighted.Select(d => d.Doc));
        Assert.Equal(1.25f, weighted[0].Score, 5);
        Assert.Equal([3, 1], LuceneSearchIndex.Fuse([(first, 1f), (second, 2f)], k: 1f, top: 2).Select(d => d.Doc));
    }

    [Fact]
    public void Fusion_TiesGoToTheLowerDocumentNumber()
    {
        ScoreDoc[] first = [new(7, 1f)];
        ScoreDoc[] second = [new(5, 1f)];

        Assert.Equal([5, 7], LuceneSearchIndex.Fuse([(first, 1f), (second, 1f)], k: 60f, top: 10).Select(d => d.Doc));
    }

    [Fact]
    public async Task Expansion_AddsTheTopDocumentsWords_WeighingFeedbackWeightTimesTheQuerysWords()
    {
        var ranking = new SearchRankingOptions { FeedbackTerms = 5, FeedbackDocs = 2, FeedbackWeight = 0.5f };
        using var index = await IndexAsync(ranking);
        var built = index.BuildQuery(new SearchRequest("正极材料"));

        var expanded = (BooleanQuery)index.Expand(built, filter: null);

        var original = ((BooleanQuery)built.Query).Clauses.Count;
        var added = expanded.Clauses.Skip(original).Select(c => (TermQuery)c.Query).ToList();
        Assert.Equal(5, added.Count);
        Assert.All(added, t => Assert.Equal(LuceneSearchIndex.WordField, t.Term.Field));
        // The best two documents for 正极材料 are a and b: every added word is theirs, none is the query's own.
        var topWords = Words(Documents[0]).Union(Words(Documents[1])).ToHashSet();
        Assert.All(added, t => Assert.Contains(t.Term.Text, topWords));
        Assert.All(added, t => Assert.DoesNotContain(t.Term.Text, built.Terms));
        Assert.Contains("电池", added.Select(t => t.Term.Text));
        Assert.DoesNotContain("小麦", added.Select(t => t.Term.Text));
        // Together they weigh FeedbackWeight × the query's distinct words (× WordWeight 1).
        Assert.Equal(0.5f * built.Terms.Count, added.Sum(t => t.Boost), 3);
        // The query's own clauses are kept as they were.
        Assert.Equal(((BooleanQuery)built.Query).Clauses.Select(c => c.Query.ToString()), expanded.Clauses.Take(original).Select(c => c.Query.ToString()));
    }

    [Fact]
    public async Task BigramFeedback_AddsBigramsOfTheTopDocuments()
    {
        var ranking = new SearchRankingOptions { FeedbackTerms = 3, FeedbackBigramTerms = 4, FeedbackDocs = 2 };
        using var index = await IndexAsync(ranking);
        var built = index.BuildQuery(new SearchRequest("正极材料"));

        var expanded = (BooleanQuery)index.Expand(built, filter: null);

        var bigrams = expanded.Clauses.Skip(((BooleanQuery)built.Query).Clauses.Count)
            .Select(c => ((TermQuery)c.Query).Term).Where(t => t.Field == LuceneSearchIndex.BigramField).ToList();
        Assert.Equal(4, bigrams.Count);
        Assert.All(bigrams, t => Assert.Equal(2, t.Text.Length));
        Assert.All(bigrams, t => Assert.True(Documents[0].Text.Contains(t.Text, StringComparison.Ordinal) || Documents[1].Text.Contains(t.Text, StringComparison.Ordinal)
            || Documents[0].Title!.Contains(t.Text, StringComparison.Ordinal) || Documents[1].Title!.Contains(t.Text, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task QueryTimeOptions_DoNotChangeTheIndex()
    {
        using var today = await IndexAsync(new SearchRankingOptions());
        using var withAll = await IndexAsync(new SearchRankingOptions
        {
            FeedbackTerms = 20, FeedbackBigramTerms = 20, Fusion = SearchFusion.Analyses, CommonTermRatio = 0.1f, CommonTermMinDocs = 0,
        });

        Assert.Equal(Postings(today), Postings(withAll));
    }

    [Fact]
    public async Task WithEveryNewOptionOff_ScoresAreTheSummedBm25OfToday()
    {
        using var index = await IndexAsync(new SearchRankingOptions());
        var built = index.BuildQuery(new SearchRequest("正极材料 循环寿命"));
        var expected = index.WithSearcher(s => s.Search(built.Query, 10).ScoreDocs.Select(d => (Id: s.Doc(d.Doc).Get("id"), d.Score)).ToList());

        var hits = (await index.SearchAsync(new SearchRequest("正极材料 循环寿命"))).Hits.Select(h => (h.Id, h.Score)).ToList();

        Assert.Equal(expected, hits);
    }

    [Fact]
    public async Task CommonTerms_ScoreOnlyDocumentsARarerTermFound_WithTheirScoresUnchanged()
    {
        SearchDocument[] documents =
        [
            new("x", "offering", "材料检测"),
            new("y", "offering", "材料电池"),
            new("z", "offering", "材料合成"),
            new("w", "offering", "电池回收"),
        ];
        using var plain = await IndexAsync(new SearchRankingOptions(), documents);
        // 材料 is in 3 of 4 documents (> 0.5 × 4): common; 电池 (2 of 4) is not.
        using var split = await IndexAsync(new SearchRankingOptions { CommonTermRatio = 0.5f, CommonTermMinDocs = 0 }, documents);

        var all = (await plain.SearchAsync(new SearchRequest("材料电池"))).Hits;
        var pruned = (await split.SearchAsync(new SearchRequest("材料电池"))).Hits;

        Assert.Equal(["w", "x", "y", "z"], all.Select(h => h.Id).Order());
        Assert.Equal(["y", "w"], pruned.Select(h => h.Id));
        Assert.Equal(all.Single(h => h.Id == "y").Score, pruned[0].Score, 4);
        Assert.Equal(all.Single(h => h.Id == "w").Score, pruned[1].Score, 4);
    }

    [Fact]
    public async Task CommonTerms_LeaveSmallIndexesUntouched()
    {
        using var index = await IndexAsync(new SearchRankingOptions { CommonTermRatio = 0.01f });
        var built = index.BuildQuery(new SearchRequest("正极材料"));

        Assert.Same(built.Query, index.WithSearcher(s => index.SplitCommon(built.Query, s.IndexReader)));
    }

    [Fact]
    public async Task AnalysesFusion_RanksTheUnionOfTheWordAndBigramLists()
    {
        using var index = await IndexAsync(new SearchRankingOptions { Fusion = SearchFusion.Analyses });

        var hits = (await index.SearchAsync(new SearchRequest("正极材料"))).Hits.Select(h => h.Id).ToList();

        Assert.Equal(["a", "b"], hits.Take(2).Order());
        Assert.DoesNotContain("d", hits);
    }

    private static IEnumerable<string> Words(SearchDocument document) =>
        ChineseSegmenter.Instance.Cut(document.Title + "\n" + document.Text, searchMode: true);

    private static List<string> Postings(LuceneSearchIndex index) => index.WithSearcher(searcher =>
    {
        var result = new List<string>();
        foreach (var field in new[] { LuceneSearchIndex.WordField, LuceneSearchIndex.BigramField })
        {
            var terms = MultiFields.GetTerms(searcher.IndexReader, field).GetEnumerator();
            while (terms.MoveNext())
            {
                result.Add($"{field}:{terms.Term.Utf8ToString()}:{terms.DocFreq}:{terms.TotalTermFreq}");
            }
        }

        return result;
    });
}
