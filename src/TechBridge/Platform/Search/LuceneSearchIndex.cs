using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace TechBridge.Platform.Search;

// ISearchIndex on Lucene.NET 4.8. A document's title, keywords and text form one searchable body, indexed twice —
// jieba words ("body.w") and character bigrams ("body.b") — and a query scores both (BM25 each, weighted): words rank
// precise matches, bigrams catch what segmentation splits differently (search-eval measures it; docs/performance.md).
internal sealed class LuceneSearchIndex : ISearchIndex
{
    // One searchable body per analysis: title (repeated TitleRepeat times), keywords (KeywordsRepeat times) and text.
    // Repetition weighs the title inside one BM25 field (as BM25F does), instead of a separately saturated and
    // length-normalised title field, where a common word in a short title outscores a document about the query.
    internal const string WordField = "body.w";
    internal const string BigramField = "body.b";
    private const string LayoutKey = "layout";

    private const string IdField = "id";
    private const string KindField = "kind";
    private const string FilterPrefix = "f.";
    private const string NumberPrefix = "n.";

    private readonly LuceneDirectory directory;
    private readonly string? deleteOnDispose;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly SearchQueryBuilder queries;
    private readonly Analyzer analyzer;
    private readonly SearchRankingOptions ranking;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Filter> filters = new(StringComparer.Ordinal);
    private bool disposed;

    private LuceneSearchIndex(LuceneDirectory directory, string? deleteOnDispose, SearchRankingOptions ranking, SearchVocabulary vocabulary)
    {
        this.directory = directory;
        this.deleteOnDispose = deleteOnDispose;
        this.ranking = ranking;
        var stopWords = ranking.StopWords ? StopWordList.Load() : null;
        var bigrams = new BigramAnalyzer();
        analyzer = CreateAnalyzer(ranking, bigrams);
        var similarity = new RankingSimilarity(ranking);
        writer = new IndexWriter(directory, new IndexWriterConfig(SearchLimits.Lucene, analyzer)
        {
            Similarity = similarity,
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
        });
        // An index built with another layout (fields, repetitions, index-time analysis) is emptied: the indexer then
        // rebuilds it from the database.
        var layout = Layout(ranking);
        if (writer.CommitData.TryGetValue(LayoutKey, out var existing) ? existing != layout : writer.NumDocs > 0)
        {
            writer.DeleteAll();
        }

        writer.SetCommitData(new Dictionary<string, string> { [LayoutKey] = layout });
        writer.Commit();
        searchers = new SearcherManager(writer, true, new RankingSearcherFactory(similarity));
        queries = new SearchQueryBuilder(ranking, vocabulary, new JiebaAnalyzer(ranking.QuerySearchMode, stopWords), bigrams);
    }

    private static string Layout(SearchRankingOptions ranking) => string.Create(CultureInfo.InvariantCulture,
        $"body/1 title×{ranking.TitleRepeat} keywords×{ranking.KeywordsRepeat} search-mode:{ranking.IndexSearchMode} stop-words:{ranking.StopWords}");

    // jieba words for the word field, character bigrams for the bigram field.
    internal static Analyzer CreateAnalyzer(SearchRankingOptions ranking, BigramAnalyzer bigrams) =>
        new PerFieldAnalyzerWrapper(new Lucene.Net.Analysis.Core.KeywordAnalyzer(), new Dictionary<string, Analyzer>(StringComparer.Ordinal)
        {
            [WordField] = new JiebaAnalyzer(ranking.IndexSearchMode, ranking.StopWords ? StopWordList.Load() : null),
            [BigramField] = bigrams,
        });

    // The product's index: on disk, survives restarts.
    public static LuceneSearchIndex OpenOnDisk(string path, SearchRankingOptions ranking, SearchVocabulary vocabulary)
    {
        System.IO.Directory.CreateDirectory(path);
        return new LuceneSearchIndex(Lucene.Net.Store.FSDirectory.Open(new DirectoryInfo(path)), null, ranking, vocabulary);
    }

    // A throw-away index (evaluation, benchmarks, tests): memory-mapped files in a temp folder removed on dispose,
    // or purely in memory for small sets.
    public static LuceneSearchIndex CreateTemporary(SearchRankingOptions ranking, SearchVocabulary vocabulary, bool inMemory = false)
    {
        if (inMemory)
        {
#pragma warning disable CS0618 // RAMDirectory is deprecated for large indexes only; tests index a handful of documents.
            return new LuceneSearchIndex(new Lucene.Net.Store.RAMDirectory(), null, ranking, vocabulary);
#pragma warning restore CS0618
        }

        var path = System.IO.Directory.CreateTempSubdirectory("techbridge-index-").FullName;
        return new LuceneSearchIndex(new Lucene.Net.Store.MMapDirectory(new DirectoryInfo(path)), path, ranking, vocabulary);
    }

    public int Count
    {
        get
        {
            var searcher = searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                searchers.Release(searcher);
            }
        }
    }

    public Task IndexAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken cancellationToken = default)
    {
        foreach (var document in documents)
        {
            Validate(document);
        }

        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.UpdateDocument(new Term(IdField, document.Id), ToLucene(document, ranking));
        }

        Publish();
        return Task.CompletedTask;
    }

    // For bulk loads: adds without committing; call Publish() at the end.
    public void AddUncommitted(SearchDocument document)
    {
        Validate(document);
        writer.UpdateDocument(new Term(IdField, document.Id), ToLucene(document, ranking));
    }

    // Benchmarks: lets background merges finish, so they do not run during the next measurement.
    internal void WaitForMerges() => writer.WaitForMerges();

    public void Publish()
    {
        writer.Commit();
        searchers.MaybeRefreshBlocking();
    }

    public Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        writer.DeleteDocuments(ids.Select(id => new Term(IdField, id)).ToArray());
        Publish();
        return Task.CompletedTask;
    }

    public async Task<int> ReplaceAllAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        writer.DeleteAll();
        var count = 0;
        await foreach (var document in documents.WithCancellation(cancellationToken))
        {
            AddUncommitted(document);
            if (++count % 1_000 == 0)
            {
                progress?.Report(count);
            }
        }

        Publish();
        progress?.Report(count);
        return count;
    }

    // Benchmarks: the query analysis alone, and the searcher the index answers from.
    internal BuiltQuery BuildQuery(SearchRequest request) => queries.Build(request);

    internal T WithSearcher<T>(Func<IndexSearcher, T> use)
    {
        var searcher = searchers.Acquire();
        try
        {
            return use(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Search(request));

    public SearchResults Search(SearchRequest request)
    {
        var built = queries.Build(request);
        var filter = BuildFilter(request);
        Query? expanded = null;
        if (ranking.FeedbackTerms > 0 && built.Terms.Count > 0)
        {
            expanded = Expand(built, filter);
        }

        var runs = Runs(built.Query, expanded);
        var searcher = searchers.Acquire();
        try
        {
            var limit = (long)(request.TimeLimit ?? SearchLimits.DefaultTimeLimit).TotalMilliseconds;
            var timedOut = false;
            ScoreDoc[] ranked;
            int totalHits;
            if (runs.Count == 1)
            {
                var docs = Run(searcher, runs[0].Query, filter, request.Top, limit, ref timedOut);
                ranked = docs.ScoreDocs;
                totalHits = docs.TotalHits;
            }
            else
            {
                var depth = Math.Max(request.Top, ranking.FusionDepth);
                var lists = new List<(ScoreDoc[] Docs, float Weight)>(runs.Count);
                totalHits = 0;
                foreach (var (query, weight) in runs)
                {
                    var docs = Run(searcher, query, filter, depth, limit, ref timedOut);
                    lists.Add((docs.ScoreDocs, weight));
                    totalHits = Math.Max(totalHits, docs.TotalHits);
                }

                ranked = Fuse(lists, ranking.FusionK, request.Top);
            }

            var hits = new List<SearchHit>(ranked.Length);
            var highlighter = request.Highlight ? new TermHighlighter(built.Highlight, StopWordList.Load()) : null;
            var leaves = searcher.IndexReader.Leaves;
            foreach (var scoreDoc in ranked)
            {
                if (request.Highlight || request.WithFilters)
                {
                    hits.Add(ToHit(searcher.Doc(scoreDoc.Doc), scoreDoc.Score, highlighter));
                    continue;
                }

                // Stored fields are compressed in blocks: a ranked list that needs only ids reads doc values instead.
                var leaf = leaves[ReaderUtil.SubIndex(scoreDoc.Doc, leaves)];
                var local = scoreDoc.Doc - leaf.DocBase;
                hits.Add(new SearchHit(
                    DocValue(leaf.AtomicReader, IdField, local),
                    DocValue(leaf.AtomicReader, KindField, local),
                    scoreDoc.Score, null, null, [], EmptyFilters));
            }

            return new SearchResults(hits, totalHits, timedOut, built.Terms);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    // The ranked lists the answer is made of: one query (scores summed inside it), or with fusion two lists whose
    // ranks are fused — the word and the bigram halves of the query, or the query before and after expansion.
    private List<(Query Query, float Weight)> Runs(Query original, Query? expanded)
    {
        var query = expanded ?? original;
        switch (ranking.Fusion)
        {
            case SearchFusion.Analyses when query is BooleanQuery whole:
                var word = OnlyField(whole, WordField);
                var bigram = OnlyField(whole, BigramField);
                if (word is null || bigram is null || ranking.WordWeight <= 0 || ranking.BigramWeight <= 0)
                {
                    return [(query, 1f)];
                }

                return [(word, ranking.WordWeight), (bigram, ranking.BigramWeight)];
            case SearchFusion.Expansion when expanded is not null:
                return [(original, 1f), (expanded, 1f)];
            default:
                return [(query, 1f)];
        }
    }

    // The clauses of a flat query that search one field (a synonym or pair phrase counts for the field of its terms).
    internal static BooleanQuery? OnlyField(BooleanQuery query, string field)
    {
        var part = new BooleanQuery(disableCoord: true);
        foreach (var clause in query.Clauses)
        {
            if (FieldOf(clause.Query) == field)
            {
                part.Add(clause);
            }
        }

        return part.Clauses.Count == 0 ? null : part;
    }

    private static string? FieldOf(Query query) => query switch
    {
        TermQuery term => term.Term.Field,
        PhraseQuery phrase => phrase.GetTerms().FirstOrDefault()?.Field,
        BooleanQuery nested => nested.Clauses.Select(c => FieldOf(c.Query)).FirstOrDefault(f => f is not null),
        _ => null,
    };

    // Terms found in more than CommonTermRatio of the documents (and in more than CommonTermMinDocs of them) only add
    // to the score of documents that a rarer term of the query found, as Lucene's CommonTermsQuery does: their long
    // postings are then skipped through instead of read whole. A document's score is unchanged; what is lost is only
    // documents that share nothing but very common terms with the query. Small indexes are untouched.
    internal Query SplitCommon(Query query, IndexReader reader)
    {
        if (ranking.CommonTermRatio <= 0 || query is not BooleanQuery flat || reader.MaxDoc <= ranking.CommonTermMinDocs)
        {
            return query;
        }

        var threshold = Math.Max(ranking.CommonTermMinDocs, ranking.CommonTermRatio * reader.MaxDoc);
        var rare = new BooleanQuery(disableCoord: true);
        var common = new BooleanQuery(disableCoord: true);
        foreach (var clause in flat.Clauses)
        {
            if (clause.Occur != Occur.SHOULD)
            {
                return query;
            }

            (clause.Query is TermQuery term && reader.DocFreq(term.Term) > threshold ? common : rare).Add(clause);
        }

        if (rare.Clauses.Count == 0 || common.Clauses.Count == 0)
        {
            return query;
        }

        return new BooleanQuery(disableCoord: true) { { rare, Occur.MUST }, { common, Occur.SHOULD } };
    }

    // Reciprocal-rank fusion: a document scores Σ weight / (k + rank) over the lists that hold it (rank from 1); ties
    // go to the lower document number, so the order is deterministic.
    internal static ScoreDoc[] Fuse(IReadOnlyList<(ScoreDoc[] Docs, float Weight)> lists, float k, int top)
    {
        var scores = new Dictionary<int, float>();
        foreach (var (docs, weight) in lists)
        {
            for (var i = 0; i < docs.Length; i++)
            {
                scores[docs[i].Doc] = scores.GetValueOrDefault(docs[i].Doc) + (weight / (k + i + 1));
            }
        }

        return [.. scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(top).Select(s => new ScoreDoc(s.Key, s.Value))];
    }

    private TopDocs Run(IndexSearcher searcher, Query query, BooleanQuery? filter, int top, long limit, ref bool timedOut)
    {
        query = SplitCommon(query, searcher.IndexReader);
        if (filter is not null)
        {
            query = new FilteredQuery(query, CachedFilter(filter));
        }

        var collector = TopScoreDocCollector.Create(top, docsScoredInOrder: false);
        try
        {
            searcher.Search(query, new TimeLimitingCollector(collector, TimeLimitingCollector.GlobalCounter, Math.Max(1, limit)));
        }
        catch (TimeLimitingCollector.TimeExceededException)
        {
            timedOut = true;
        }

        return collector.GetTopDocs();
    }

    // The first pass's best documents, read again as words: each word's weight is the sum over those documents of its
    // share of the document × the document's share of the scores, times its idf; the best words are added to the query
    // (and, with FeedbackBigramTerms, the best character bigrams likewise to the bigram half).
    internal Query Expand(BuiltQuery built, BooleanQuery? filter)
    {
        var searcher = searchers.Acquire();
        try
        {
            var pruned = SplitCommon(built.Query, searcher.IndexReader);
            Query first = filter is null ? pruned : new FilteredQuery(pruned, CachedFilter(filter));
            var top = searcher.Search(first, ranking.FeedbackDocs).ScoreDocs;
            if (top.Length == 0)
            {
                return built.Query;
            }

            var texts = top.Select(d => (Text: StoredText(searcher.Doc(d.Doc)), d.Score)).ToList();
            var expanded = (BooleanQuery)built.Query.Clone();
            var reader = searcher.IndexReader;
            AddFeedback(expanded, reader, texts, WordField, ranking.FeedbackTerms, built.Terms.ToHashSet(StringComparer.Ordinal),
                ranking.FeedbackWeight * ranking.WordWeight * built.Terms.Count);
            if (ranking.FeedbackBigramTerms > 0 && ranking.BigramWeight > 0)
            {
                var bigrams = built.Query is BooleanQuery whole ? OnlyField(whole, BigramField) : null;
                var known = bigrams?.Clauses.Select(c => FieldOf(c.Query) == BigramField && c.Query is TermQuery t ? t.Term.Text : null)
                    .OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
                AddFeedback(expanded, reader, texts, BigramField, ranking.FeedbackBigramTerms, known,
                    ranking.FeedbackWeight * ranking.BigramWeight * known.Count);
            }

            return expanded;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private static string StoredText(Document stored) =>
        string.Join('\n', new[] { stored.Get("title"), stored.Get("keywords"), stored.Get("text") }.Where(t => t is not null));

    private void AddFeedback(BooleanQuery expanded, IndexReader reader, List<(string Text, float Score)> top, string field, int count, HashSet<string> known, float budget)
    {
        var scoreSum = top.Sum(d => d.Score);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        double documents = reader.NumDocs;
        foreach (var (text, score) in top)
        {
            var terms = SearchQueryBuilder.Analyze(analyzer, field, text).Select(t => t.Term).Where(w => w.Length > 1 && !known.Contains(w)).ToList();
            if (terms.Count == 0)
            {
                continue;
            }

            var share = score / scoreSum / terms.Count;
            foreach (var term in terms)
            {
                weights[term] = weights.GetValueOrDefault(term) + share;
            }
        }

        var expansion = weights
            .Select(w => (Term: w.Key, Weight: w.Value * Math.Log(1 + (documents / Math.Max(1, reader.DocFreq(new Term(field, w.Key)))))))
            .OrderByDescending(w => w.Weight)
            .ThenBy(w => w.Term, StringComparer.Ordinal)
            .Take(count)
            .ToList();
        var total = expansion.Sum(w => w.Weight);
        if (total <= 0 || budget <= 0)
        {
            return;
        }

        foreach (var (term, weight) in expansion)
        {
            expanded.Add(new TermQuery(new Term(field, term)) { Boost = (float)(budget * weight / total) }, Occur.SHOULD);
        }
    }

    // Filters repeat (kind, region, sector): each distinct one is kept as a bit set per index segment, so the ranked
    // query tests it by random access (and can score in bulk) instead of stepping through the filter's postings.
    // Segments that merge away drop out of the per-filter caches; the map of filters is simply cleared when large.
    private Filter CachedFilter(BooleanQuery filter)
    {
        if (filters.Count > 1_000)
        {
            filters.Clear();
        }

        return filters.GetOrAdd(filter.ToString(), _ => new BitSetCachingFilter(new QueryWrapperFilter(filter)));
    }

    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet DocIdSetToCache(DocIdSet docIdSet, AtomicReader reader)
        {
            var bits = new Lucene.Net.Util.FixedBitSet(reader.MaxDoc);
            if (docIdSet?.GetIterator() is { } iterator)
            {
                bits.Or(iterator);
            }

            return bits;
        }
    }

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> EmptyFilters = new Dictionary<string, IReadOnlyList<string>>();

    private static string DocValue(AtomicReader reader, string field, int doc)
    {
        var bytes = new Lucene.Net.Util.BytesRef();
        reader.GetBinaryDocValues(field)?.Get(doc, bytes);
        return bytes.Utf8ToString();
    }

    private static void Validate(SearchDocument document)
    {
        var rules = new Validation();
        rules.Required("id", document.Id).Required("kind", document.Kind)
            .MaxLength("id", document.Id, 200).MaxLength("kind", document.Kind, 50)
            .MaxLength("title", document.Title, SearchLimits.MaxTitleChars)
            .MaxLength("keywords", document.Keywords, SearchLimits.MaxKeywordsChars)
            .MaxLength("text", document.Text, SearchLimits.MaxDocumentTextChars);
        rules.ThrowIfInvalid();
    }

    internal static Document ToLucene(SearchDocument source, SearchRankingOptions ranking)
    {
        var document = new Document
        {
            new StringField(IdField, source.Id, Field.Store.YES),
            new StringField(KindField, source.Kind, Field.Store.YES),
            new BinaryDocValuesField(IdField, new Lucene.Net.Util.BytesRef(source.Id)),
            new BinaryDocValuesField(KindField, new Lucene.Net.Util.BytesRef(source.Kind)),
        };
        AddText(document, "title", source.Title, ranking.TitleRepeat);
        AddText(document, "keywords", source.Keywords, ranking.KeywordsRepeat);
        AddText(document, "text", source.Text, 1);
        foreach (var (name, values) in source.Filters ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            foreach (var value in values)
            {
                document.Add(new StringField(FilterPrefix + name, value, Field.Store.YES));
            }
        }

        foreach (var (name, value) in source.Numbers ?? new Dictionary<string, long>())
        {
            document.Add(new Int64Field(NumberPrefix + name, value, Field.Store.YES));
        }

        return document;
    }

    // Stored as itself (for display and highlighting), searchable as part of the body, `repeat` times.
    private static void AddText(Document document, string field, string? text, int repeat)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        document.Add(new StoredField(field, text));
        for (var i = 0; i < repeat; i++)
        {
            document.Add(new TextField(WordField, text, Field.Store.NO));
            document.Add(new TextField(BigramField, text, Field.Store.NO));
        }
    }

    private static BooleanQuery? BuildFilter(SearchRequest request)
    {
        var filter = new BooleanQuery();
        if (request.Kinds is { Count: > 0 } kinds)
        {
            filter.Add(AnyOf(KindField, kinds), Occur.MUST);
        }

        foreach (var (name, values) in request.Filters ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            filter.Add(AnyOf(FilterPrefix + name, values), Occur.MUST);
        }

        foreach (var (name, range) in request.Ranges ?? new Dictionary<string, NumberRange>())
        {
            filter.Add(NumericRangeQuery.NewInt64Range(NumberPrefix + name, range.Min, range.Max, true, true), Occur.MUST);
        }

        return filter.Clauses.Count == 0 ? null : filter;
    }

    private static BooleanQuery AnyOf(string field, IEnumerable<string> values)
    {
        var any = new BooleanQuery();
        foreach (var value in values)
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        return any;
    }

    private static SearchHit ToHit(Document stored, float score, TermHighlighter? highlighter)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in stored.Fields)
        {
            if (field.Name.StartsWith(FilterPrefix, StringComparison.Ordinal) || field.Name.StartsWith(NumberPrefix, StringComparison.Ordinal))
            {
                var name = field.Name[2..];
                filters[name] = [.. filters.GetValueOrDefault(name) ?? [], field.GetStringValue()];
            }
        }

        var matched = new SortedSet<string>(StringComparer.Ordinal);
        var title = highlighter?.Mark(stored.Get("title"), fragmentChars: null, fragments: 1, matched);
        var text = highlighter?.Mark(stored.Get("text"), fragmentChars: 120, fragments: 2, matched);
        return new SearchHit(stored.Get(IdField), stored.Get(KindField), score, title, text, [.. matched], filters);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
        analyzer.Dispose();
        if (deleteOnDispose is not null)
        {
            try
            {
                System.IO.Directory.Delete(deleteOnDispose, recursive: true);
            }
            catch (IOException)
            {
                // A memory-mapped file still open on some platforms; the temp folder is cleaned by the OS.
            }
        }
    }

    // BM25 with separate parameters for word and bigram fields.
    private sealed class RankingSimilarity(SearchRankingOptions ranking) : PerFieldSimilarityWrapper
    {
        private readonly Similarity words = new BM25Similarity(ranking.WordK1, ranking.WordB);
        private readonly Similarity bigrams = new BM25Similarity(ranking.BigramK1, ranking.BigramB);

        public override Similarity Get(string name) => name.EndsWith(".b", StringComparison.Ordinal) ? bigrams : words;
    }

    private sealed class RankingSearcherFactory(Similarity similarity) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = similarity };
    }
}

internal static class StopWordList
{
    private static readonly Lazy<IReadOnlySet<string>> Words = new(() =>
    {
        var path = Path.Combine(SearchVocabulary.DefaultDirectory, "stopwords.txt");
        return File.Exists(path)
            ? File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
    });

    public static IReadOnlySet<string> Load() => Words.Value;
}
