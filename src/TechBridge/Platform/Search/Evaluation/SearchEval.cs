using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Microsoft.Extensions.Options;

namespace TechBridge.Platform.Search.Evaluation;

internal sealed record EvalQuery(string Id, string Text);

// Something that ranks a corpus for queries: the product's index, or the CJK-bigram peer it is measured against.
internal interface IEvalRanker : IDisposable
{
    string Tag { get; }

    void Add(SearchDocument document);

    void Publish();

    IReadOnlyList<(string Id, float Score)> Rank(string text, int top);
}

// `search-eval`: indexes a corpus into a temporary index with the production analyzer and ranking, runs every query,
// writes a TREC run file (qid Q0 docid rank score tag) and, given qrels, prints nDCG@10, MRR@10 and Recall@100
// for all queries and for the odd (tuning) and even (report) query ids. `bench search-eval` also runs Lucene's
// CJKAnalyzer bigram BM25 on the same corpus and queries.
internal sealed class SearchEval(SearchVocabulary vocabulary, IOptions<SearchRankingOptions> ranking)
{
    public const string ProductTag = "techbridge";
    public const string PeerTag = "cjk-bigram";

    public sealed record Options(string Corpus, IReadOnlyList<string> Queries, string Out, int Top, string? Qrels, bool WithPeer);

    public static Options? ReadOptions(IConfiguration configuration, bool withPeer, TextWriter error)
    {
        var corpus = configuration["corpus"];
        var queries = configuration["queries"];
        var output = configuration["out"];
        if (string.IsNullOrWhiteSpace(corpus) || string.IsNullOrWhiteSpace(queries) || string.IsNullOrWhiteSpace(output))
        {
            error.WriteLine("search-eval needs --corpus C.jsonl --queries Q.jsonl[,Q2.jsonl] --out RUN.tsv [--top 100] [--qrels QRELS.tsv]");
            return null;
        }

        var top = int.TryParse(configuration["top"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : 100;
        if (top is < 1 or > SearchLimits.MaxTop)
        {
            error.WriteLine($"--top must be between 1 and {SearchLimits.MaxTop}");
            return null;
        }

        return new Options(corpus, queries.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), output, top, configuration["qrels"], withPeer);
    }

    public async Task<int> RunAsync(Options options, TextWriter log, CancellationToken cancellationToken)
    {
        var queries = options.Queries.SelectMany(ReadQueries).ToList();
        var qrels = options.Qrels is null ? null : TrecMetrics.ReadQrels(options.Qrels);
        var rankers = new List<Func<IEvalRanker>> { () => new ProductRanker(ranking.Value, vocabulary) };
        if (options.WithPeer)
        {
            rankers.Add(() => new CjkBigramPeer());
        }

        foreach (var create in rankers)
        {
            using var ranker = create();
            var clock = Stopwatch.StartNew();
            var count = 0;
            foreach (var document in ReadCorpus(options.Corpus))
            {
                cancellationToken.ThrowIfCancellationRequested();
                ranker.Add(document);
                if (++count % 10_000 == 0)
                {
                    log.WriteLine($"[{ranker.Tag}] indexed {count} documents");
                }
            }

            ranker.Publish();
            var indexTime = clock.Elapsed;
            clock.Restart();
            var run = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var path = ranker.Tag == ProductTag ? options.Out : PeerPath(options.Out);
            await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                foreach (var query in queries)
                {
                    var hits = ranker.Rank(query.Text, options.Top);
                    run[query.Id] = hits.Select(h => h.Id).ToArray();
                    for (var i = 0; i < hits.Count; i++)
                    {
                        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{query.Id} Q0 {hits[i].Id} {i + 1} {hits[i].Score:0.######} {ranker.Tag}"));
                    }
                }
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{ranker.Tag}] {count} documents indexed in {indexTime.TotalSeconds:0.0} s; {queries.Count} queries in {clock.Elapsed.TotalSeconds:0.0} s; run file {path}"));
            if (qrels is not null)
            {
                // Over the queries asked (the qrels may judge more).
                Print(log, ranker.Tag, "all", TrecMetrics.Summarize(run, qrels, run.ContainsKey));
                Print(log, ranker.Tag, "odd", TrecMetrics.Summarize(run, qrels, q => run.ContainsKey(q) && TrecMetrics.IsOdd(q) == true));
                Print(log, ranker.Tag, "even", TrecMetrics.Summarize(run, qrels, q => run.ContainsKey(q) && TrecMetrics.IsOdd(q) == false));
            }
        }

        return 0;
    }

    public static string PeerPath(string output) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, Path.GetFileNameWithoutExtension(output) + "." + PeerTag + Path.GetExtension(output));

    private static void Print(TextWriter log, string tag, string split, MetricSummary m) =>
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{tag}] {split,-4} queries {m.Queries,5}  nDCG@10 {m.NdcgAt10:0.0000}  MRR@10 {m.MrrAt10:0.0000}  Recall@100 {m.RecallAt100:0.0000}"));

    public static IEnumerable<SearchDocument> ReadCorpus(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            yield return new SearchDocument(
                root.GetProperty("id").ToString(),
                "eval",
                Text(root, "text") ?? string.Empty,
                Text(root, "title"),
                Text(root, "keywords"));
        }
    }

    public static IEnumerable<EvalQuery> ReadQueries(string path) =>
        File.ReadLines(path).Select(ReadQueriesFromLine).OfType<EvalQuery>();

    public static EvalQuery? ReadQueriesFromLine(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        using var json = JsonDocument.Parse(line);
        return new EvalQuery(json.RootElement.GetProperty("id").ToString(), Text(json.RootElement, "text") ?? string.Empty);
    }

    // A string, or an array of strings joined by spaces (keywords are often given as a list).
    private static string? Text(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Array ? string.Join(' ', value.EnumerateArray().Select(v => v.ToString()))
        : value.ValueKind == JsonValueKind.Null ? null
        : value.ToString();

    private sealed class ProductRanker(SearchRankingOptions ranking, SearchVocabulary vocabulary) : IEvalRanker
    {
        private readonly LuceneSearchIndex index = LuceneSearchIndex.CreateTemporary(ranking, vocabulary);

        public string Tag => ProductTag;

        public void Add(SearchDocument document) => index.AddUncommitted(document);

        public void Publish() => index.Publish();

        public IReadOnlyList<(string Id, float Score)> Rank(string text, int top) =>
            index.Search(new SearchRequest(text, Top: top, TimeLimit: TimeSpan.FromSeconds(10))).Hits.Select(h => (h.Id, h.Score)).ToArray();

        public void Dispose() => index.Dispose();
    }

    // The peer: Lucene's CJKAnalyzer (bigrams of Han runs, standard words otherwise) over one field holding title,
    // keywords and text, BM25 k1 1.2 b 0.75, the query an OR of its analysed terms (repeats raise the weight).
    private sealed class CjkBigramPeer : IEvalRanker
    {
        private readonly string path = System.IO.Directory.CreateTempSubdirectory("techbridge-peer-").FullName;
        private readonly Lucene.Net.Store.Directory directory;
        private readonly Analyzer analyzer = PeerAnalyzers.CjkBigrams();
        private readonly IndexWriter writer;
        private readonly Similarity similarity = new BM25Similarity(1.2f, 0.75f);
        private DirectoryReader? reader;

        public CjkBigramPeer()
        {
            directory = new Lucene.Net.Store.MMapDirectory(new DirectoryInfo(path));
            writer = new IndexWriter(directory, new IndexWriterConfig(SearchLimits.Lucene, analyzer) { Similarity = similarity, RAMBufferSizeMB = 64 });
        }

        public string Tag => PeerTag;

        public void Add(SearchDocument document)
        {
            var all = string.Join('\n', new[] { document.Title, document.Keywords, document.Text }.Where(s => !string.IsNullOrEmpty(s)));
            writer.AddDocument(new Document { new StringField("id", document.Id, Field.Store.YES), new TextField("body", all, Field.Store.NO) });
        }

        public void Publish()
        {
            writer.Commit();
            reader = DirectoryReader.Open(directory);
        }

        public IReadOnlyList<(string Id, float Score)> Rank(string text, int top)
        {
            var searcher = new IndexSearcher(reader ?? throw new InvalidOperationException("Publish first.")) { Similarity = similarity };
            var query = new BooleanQuery(disableCoord: true);
            foreach (var group in SearchQueryBuilder.Analyze(analyzer, "body", text).GroupBy(t => t.Term, StringComparer.Ordinal).Take(BooleanQuery.MaxClauseCount))
            {
                query.Add(new TermQuery(new Term("body", group.Key)) { Boost = group.Count() }, Occur.SHOULD);
            }

            return searcher.Search(query, top).ScoreDocs.Select(d => (searcher.Doc(d.Doc).Get("id"), d.Score)).ToArray();
        }

        public void Dispose()
        {
            reader?.Dispose();
            writer.Dispose();
            directory.Dispose();
            analyzer.Dispose();
            try
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }
}
