using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Platform.Search;

namespace TechBridge.Modules.Matching.Indexing;

// `bench search --size N [--queries 200]`: N generated listings (see Generate) mapped by the
// product's SearchDocuments; product indexing (ReplaceAllAsync, as `index rebuild` does) against a bare Lucene loop
// over the same pre-built documents with the same analyzers (one commit); match queries (analysis + region filter +
// highlighting, top 10) against a plain BooleanQuery of bigram terms top 10 on the bare index; commit-to-findable
// and delete-to-gone lag on the loaded index.
internal static class SearchBench
{
    private static readonly string[] Regions = ["130102", "130104", "130602", "131002", "110108", "110105", "120101", "120116"];
    private static readonly string[] Sectors = ["testing", "rd", "technology-transfer", "ip", "consulting", "incubation"];

    public static async Task<int> RunAsync(WebApplication app, TextWriter log, CancellationToken cancellationToken)
    {
        var configuration = app.Configuration;
        var size = configuration.GetValue("size", 10_000);
        var queryCount = configuration.GetValue("queries", 200);
        if (size < 100)
        {
            await Console.Error.WriteLineAsync("usage: bench search --size N (>= 100) [--queries 200]");
            return 2;
        }

        var ranking = app.Services.GetRequiredService<IOptions<SearchRankingOptions>>().Value;
        var vocabulary = app.Services.GetRequiredService<SearchVocabulary>();
        var documents = Generate(size);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {documents.Count:N0} listings, {documents.Sum(d => d.Text.Length + (d.Title?.Length ?? 0)) / 1e6:0.0} M characters"));

        var bigrams = new BigramAnalyzer();
        using var analyzer = LuceneSearchIndex.CreateAnalyzer(ranking, bigrams);

        // Warm-up outside the clock, the same for both: jieba loads its dictionary, and the JIT needs a few thousand
        // documents before the analysis and indexing code runs at its final tier.
        var warmSet = documents.Take(5_000).ToList();
        using (var warm = LuceneSearchIndex.CreateTemporary(ranking, vocabulary, inMemory: true))
        {
            await warm.ReplaceAllAsync(warmSet.ToAsyncEnumerable(), cancellationToken: cancellationToken);
        }

#pragma warning disable CS0618 // RAMDirectory: a throw-away warm-up index of a few thousand documents.
        using (var warmBare = new Lucene.Net.Store.RAMDirectory())
#pragma warning restore CS0618
        {
            IndexBare(warmBare, analyzer, warmSet, ranking);
        }

        using var product = LuceneSearchIndex.CreateTemporary(ranking, vocabulary);
        var watch = Stopwatch.StartNew();
        await product.ReplaceAllAsync(documents.ToAsyncEnumerable(), cancellationToken: cancellationToken);
        var productSeconds = watch.Elapsed.TotalSeconds;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"indexing: product {size / productSeconds:N0} docs/s ({productSeconds:0.0} s, the full rebuild of the index)"));
        product.WaitForMerges();
        var random = new Random(7);
        var queries = Enumerable.Range(0, queryCount).Select(_ => documents[random.Next(documents.Count)].Title ?? "").ToList();
        if (configuration.GetValue("compare-indexing", true))
        {
            var peerPath = System.IO.Directory.CreateTempSubdirectory("techbridge-bench-peer-").FullName;
            try
            {
                using var peerDirectory = new Lucene.Net.Store.MMapDirectory(new DirectoryInfo(peerPath));
                var peerSeconds = IndexBare(peerDirectory, analyzer, documents, ranking);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"indexing: bare Lucene {size / peerSeconds:N0} docs/s ({peerSeconds:0.0} s); product/bare = {peerSeconds / productSeconds:0.00}"));

                using var reader = DirectoryReader.Open(peerDirectory);
                await MeasureQueriesAsync(product, new IndexSearcher(reader), bigrams, ranking, queries, configuration, log, cancellationToken);
            }
            finally
            {
                System.IO.Directory.Delete(peerPath, recursive: true);
            }
        }
        else
        {
            // The plain query on the product's own index (the same bigram postings): no second index to build.
            log.WriteLine("indexing: bare Lucene not measured (--compare-indexing false); the plain query runs on the product's index");
            await product.WithSearcher(searcher => MeasureQueriesAsync(product, new IndexSearcher(searcher.IndexReader), bigrams, ranking, queries, configuration, log, cancellationToken));
        }

        var findable = new List<double>();
        var gone = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var token = "zqlag" + i.ToString(CultureInfo.InvariantCulture);
            var document = documents[i] with { Id = "lag-" + token, Text = token + " " + documents[i].Text };
            watch.Restart();
            await product.IndexAsync([document], cancellationToken);
            while ((await product.SearchAsync(new SearchRequest(token, Top: 1), cancellationToken)).TotalHits == 0)
            {
                await Task.Yield();
            }

            findable.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await product.DeleteAsync([document.Id], cancellationToken);
            while ((await product.SearchAsync(new SearchRequest(token, Top: 1), cancellationToken)).TotalHits > 0)
            {
                await Task.Yield();
            }

            gone.Add(watch.Elapsed.TotalMilliseconds);
        }

        var poll = configuration.GetValue("Search:PollMilliseconds", 250);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"index-to-findable p50 {Percentile(findable, 50):0} ms p99 {Percentile(findable, 99):0} ms; delete-to-gone p50 {Percentile(gone, 50):0} ms p99 {Percentile(gone, 99):0} ms (the feeder adds up to its poll interval, {poll} ms, and one outbox read)"));
        return 0;
    }

    // The match query against the plain query, for each query-time variant asked (--variants, comma-separated):
    // default (as configured), common (CommonTermRatio --common-ratio, default 0.05), feedback (20 terms, 10 documents,
    // weight 1, bigram weight 0.5) and feedback+common. The index is the same; only query-time options change. Each
    // query runs three times per system after a warm-up round; its time is its fastest run, so that another process
    // taking the core for a moment does not decide the percentiles. The analysis alone (jieba + bigrams) is timed too.
    private static async Task MeasureQueriesAsync(LuceneSearchIndex product, IndexSearcher searcher, Analyzer bigrams, SearchRankingOptions ranking,
        List<string> queries, IConfiguration configuration, TextWriter log, CancellationToken cancellationToken)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFields.Region] = ["13"] };
        var commonRatio = configuration.GetValue("common-ratio", 0.05f);
        var configured = (ranking.FeedbackTerms, ranking.FeedbackDocs, ranking.FeedbackWeight, ranking.BigramWeight, ranking.CommonTermRatio);
        var variants = (configuration["variants"] ?? "default").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var watch = new Stopwatch();
        foreach (var variant in variants)
        {
            (ranking.FeedbackTerms, ranking.FeedbackDocs, ranking.FeedbackWeight, ranking.BigramWeight, ranking.CommonTermRatio) = configured;
            if (variant.Contains("feedback", StringComparison.Ordinal))
            {
                (ranking.FeedbackTerms, ranking.FeedbackDocs, ranking.FeedbackWeight, ranking.BigramWeight) = (20, 10, 1f, 0.5f);
            }

            if (variant.Contains("common", StringComparison.Ordinal))
            {
                ranking.CommonTermRatio = commonRatio;
            }

            foreach (var query in queries)
            {
                await product.SearchAsync(new SearchRequest(query, Filters: filters, Top: 10, Highlight: true), cancellationToken);
                searcher.Search(PlainQuery(bigrams, query), 10);
            }

            var (fullTimes, rankOnlyTimes, analysisTimes, peerTimes) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
            foreach (var query in queries)
            {
                var (full, rankOnly, analysis, peer) = (double.MaxValue, double.MaxValue, double.MaxValue, double.MaxValue);
                for (var run = 0; run < 3; run++)
                {
                    watch.Restart();
                    await product.SearchAsync(new SearchRequest(query, Filters: filters, Top: 10, Highlight: true), cancellationToken);
                    full = Math.Min(full, watch.Elapsed.TotalMilliseconds);
                    watch.Restart();
                    await product.SearchAsync(new SearchRequest(query, Filters: filters, Top: 10), cancellationToken);
                    rankOnly = Math.Min(rankOnly, watch.Elapsed.TotalMilliseconds);
                    watch.Restart();
                    product.BuildQuery(new SearchRequest(query, Filters: filters, Top: 10));
                    analysis = Math.Min(analysis, watch.Elapsed.TotalMilliseconds);
                    watch.Restart();
                    searcher.Search(PlainQuery(bigrams, query), 10);
                    peer = Math.Min(peer, watch.Elapsed.TotalMilliseconds);
                }

                fullTimes.Add(full);
                rankOnlyTimes.Add(rankOnly);
                analysisTimes.Add(analysis);
                peerTimes.Add(peer);
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"match query [{variant}] (analysis + region filter + highlighting, top 10, warm, {queries.Count} queries): product p50 {Percentile(fullTimes, 50):0.0} p95 {Percentile(fullTimes, 95):0.0} p99 {Percentile(fullTimes, 99):0.0} ms; without highlighting p50 {Percentile(rankOnlyTimes, 50):0.0} p95 {Percentile(rankOnlyTimes, 95):0.0} p99 {Percentile(rankOnlyTimes, 99):0.0} ms; analysis alone p50 {Percentile(analysisTimes, 50):0.00} p95 {Percentile(analysisTimes, 95):0.00} ms; plain BooleanQuery top 10 p50 {Percentile(peerTimes, 50):0.0} p95 {Percentile(peerTimes, 95):0.0} p99 {Percentile(peerTimes, 99):0.0} ms; p95 ratio {Percentile(fullTimes, 95) / Math.Max(0.001, Percentile(peerTimes, 95)):0.00}"));
        }

        (ranking.FeedbackTerms, ranking.FeedbackDocs, ranking.FeedbackWeight, ranking.BigramWeight, ranking.CommonTermRatio) = configured;
    }

    // `bench listings --size N --out FILE`: the same generated listings as a search-eval corpus (JSON lines), to add
    // to an evaluation corpus as distractors.
    public static async Task<int> WriteCorpusAsync(IConfiguration configuration, TextWriter log, CancellationToken cancellationToken)
    {
        var size = configuration.GetValue("size", 50_000);
        if (configuration["out"] is not { Length: > 0 } output || size < 1)
        {
            await Console.Error.WriteLineAsync("usage: bench listings --size N --out FILE");
            return 2;
        }

        await using var writer = new StreamWriter(output);
        var n = 0;
        foreach (var document in Generate(size))
        {
            var line = new { id = "listing-" + n++.ToString(CultureInfo.InvariantCulture), title = document.Title, text = document.Text };
            await writer.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(line, Json).AsMemory(), cancellationToken);
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {n:N0} generated listings to {output}"));
        return 0;
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Generated listings: texts as long as the CSL abstracts (each takes the length of a random one) made of words drawn
    // with the abstracts' word frequencies (jieba, precise mode), in clauses of 4–12 words; titles are real project
    // titles of the national key R&D programme. Both from the demo data files (Data/demo, sources in SOURCE.md). No
    // sentence is copied, so a generated listing never holds an evaluation document's title or text. Fixed seed.
    private static List<SearchDocument> Generate(int size)
    {
        var demo = Path.Combine(AppContext.BaseDirectory, "Data", "demo");
        var texts = File.ReadLines(Path.Combine(demo, "csl-ts-dev.tsv")).Select(l => l.Split('\t')).Where(p => p.Length == 3 && p[1].Length > 0).Select(p => p[1]).ToList();
        var words = texts.SelectMany(t => ChineseSegmenter.Instance.Cut(t, searchMode: false))
            .Where(w => TextNormalizer.IsIndexable(w) && !w.Contains(' ', StringComparison.Ordinal))
            .ToArray();
        using var projects = new StreamReader(Path.Combine(demo, "PubNKRDP.csv"));
        var titles = Platform.Files.Csv.Read(projects).Skip(1).Where(r => r.Length > 4 && r[4].Length > 0).Select(r => r[4]).ToArray();
        var random = new Random(42);
        var kinds = SearchableKinds.Listings;
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var documents = new List<SearchDocument>(size);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < size; i++)
        {
            var length = texts[random.Next(texts.Count)].Length;
            text.Clear();
            while (text.Length < length)
            {
                var clause = random.Next(4, 13);
                for (var w = 0; w < clause; w++)
                {
                    text.Append(words[random.Next(words.Length)]);
                }

                text.Append(random.Next(4) == 0 ? '。' : '，');
            }

            text[^1] = '。';
            var kind = kinds[random.Next(kinds.Length)];
            var listing = new SearchableListing(
                Guid.CreateVersion7(), kind, titles[random.Next(titles.Length)], text.ToString(), "", Sectors[random.Next(Sectors.Length)], "new-energy", "C38",
                [Regions[random.Next(Regions.Length)]], random.Next(0, 2) == 0 ? null : random.Next(1_000, 10_000_000),
                null, null, random.Next(0, 2) == 0, kind == SearchableKinds.Achievement ? random.Next(1, 10) : null,
                Guid.CreateVersion7(), start.AddMinutes(i));
            documents.Add(SearchDocuments.From(listing));
        }

        return documents;
    }

    // The peer: Lucene's own loop over the same documents (mapped to Lucene's by the product's one function as they
    // go: kept, an indexed Lucene document holds its fields' token streams, gigabytes at a million), no validation,
    // no replace-by-id, one commit. Seconds until the commit; the merges still running are waited for after that.
    private static double IndexBare(Lucene.Net.Store.Directory directory, Analyzer analyzer, IEnumerable<SearchDocument> documents, SearchRankingOptions ranking)
    {
        using var writer = new IndexWriter(directory, new IndexWriterConfig(SearchLimits.Lucene, analyzer) { RAMBufferSizeMB = 64 });
        var watch = Stopwatch.StartNew();
        foreach (var document in documents)
        {
            writer.AddDocument(LuceneSearchIndex.ToLucene(document, ranking));
        }

        writer.Commit();
        return watch.Elapsed.TotalSeconds;
    }

    private static BooleanQuery PlainQuery(Analyzer bigrams, string text)
    {
        var query = new BooleanQuery();
        foreach (var term in SearchQueryBuilder.Analyze(bigrams, LuceneSearchIndex.BigramField, text).Select(t => t.Term).Distinct(StringComparer.Ordinal).Take(200))
        {
            query.Add(new TermQuery(new Term(LuceneSearchIndex.BigramField, term)), Occur.SHOULD);
        }

        return query;
    }

    private static double Percentile(List<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }
}
