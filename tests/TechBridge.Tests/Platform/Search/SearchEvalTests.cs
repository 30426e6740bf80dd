using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using TechBridge.Platform.Search;
using TechBridge.Platform.Search.Evaluation;

namespace TechBridge.Tests.Platform.Search;

public sealed partial class SearchEvalTests
{
    // A 50-document slice of the known-item set shipped with the tests (CslSlice/SOURCE.md).
    private static string KnownItemSet() => Path.Combine(AppContext.BaseDirectory, "Platform", "Search", "CslSlice");

    [Fact]
    public async Task SearchEval_FiftyDocumentSlice_WritesTrecRunAndPrintsMetrics()
    {
        var source = KnownItemSet();
        var work = Directory.CreateTempSubdirectory("techbridge-eval-").FullName;
        var corpusLines = File.ReadLines(Path.Combine(source, "corpus.jsonl")).Where(l => l.Length > 0).ToArray();
        var ids = SearchEval.ReadCorpus(Path.Combine(source, "corpus.jsonl")).Select(d => d.Id).ToHashSet();
        var qrels = File.ReadLines(Path.Combine(source, "qrels.tsv")).Where(l => ids.Contains(l.Split('\t', ' ')[2])).ToArray();
        var qids = qrels.Select(l => l.Split('\t', ' ')[0]).ToHashSet();
        var queries = File.ReadLines(Path.Combine(source, "queries-title.jsonl"))
            .Concat(File.ReadLines(Path.Combine(source, "queries-keywords.jsonl")))
            .Where(l => SearchEval.ReadQueriesFromLine(l) is { } q && qids.Contains(q.Id))
            .ToArray();
        await File.WriteAllLinesAsync(Path.Combine(work, "corpus.jsonl"), corpusLines);
        await File.WriteAllLinesAsync(Path.Combine(work, "queries.jsonl"), queries);
        await File.WriteAllLinesAsync(Path.Combine(work, "qrels.tsv"), qrels);
        var eval = new SearchEval(new SearchVocabulary(ChineseSegmenter.Instance), Options.Create(new SearchRankingOptions()));
        var output = Path.Combine(work, "run.tsv");
        using var log = new StringWriter();

        var exit = await eval.RunAsync(
            new SearchEval.Options(Path.Combine(work, "corpus.jsonl"), [Path.Combine(work, "queries.jsonl")], output, 20, Path.Combine(work, "qrels.tsv"), WithPeer: true),
            log,
            CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.NotEmpty(queries);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.All(lines, line => Assert.Matches(RunLine(), line));
        foreach (var perQuery in lines.Select(l => l.Split(' ')).GroupBy(p => p[0]))
        {
            Assert.Equal(Enumerable.Range(1, perQuery.Count()), perQuery.Select(p => int.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.InRange(perQuery.Count(), 1, 20);
            Assert.True(perQuery.Select(p => double.Parse(p[4], System.Globalization.CultureInfo.InvariantCulture)).Zip(perQuery.Skip(1).Select(p => double.Parse(p[4], System.Globalization.CultureInfo.InvariantCulture))).All(z => z.First >= z.Second));
        }

        Assert.True(File.Exists(SearchEval.PeerPath(output)));
        var printed = log.ToString();
        Assert.Matches(@"\[techbridge\] all\s+queries\s+\d+\s+nDCG@10 \d\.\d{4}\s+MRR@10 \d\.\d{4}\s+Recall@100 \d\.\d{4}", printed);
        Assert.Contains("[cjk-bigram] even", printed, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\S+ Q0 \S+ \d+ -?\d+(\.\d+)? techbridge$")]
    private static partial Regex RunLine();
}
