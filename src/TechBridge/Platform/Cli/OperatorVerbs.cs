using TechBridge.Platform.Persistence;

namespace TechBridge.Platform.Cli;

// `techbridge VERB ...` administers instead of serving. Verbs are the leading words before any --option.
internal static class OperatorVerbs
{
    private static readonly string[] Known = ["db", "seed", "import", "index", "search-eval", "match-eval", "bench", "help"];

    public static (string[] Verb, string[] HostArgs) Split(string[] args)
    {
        if (args.Length == 0 || !Known.Contains(args[0]))
        {
            return ([], args);
        }

        var verbLength = Array.FindIndex(args, a => a.StartsWith("--", StringComparison.Ordinal));
        if (verbLength < 0)
        {
            verbLength = args.Length;
        }

        var hostArgs = args[verbLength..];
        if (args[..verbLength] is ["match-eval"])
        {
            // match-eval measures on a database and index of its own: a fresh SQLite data directory (given last, the
            // command line wins over any configured database); its report is the output, not the SQL log.
            var directory = Path.Combine(Path.GetTempPath(), "techbridge-match-eval-" + Guid.NewGuid().ToString("N"));
            hostArgs = [.. hostArgs, $"--Platform:DataDirectory={directory}", "--Database:Provider=Sqlite", "--ConnectionStrings:Platform=",
                "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning", "--Logging:LogLevel:Microsoft=Warning"];
        }

        return (args[..verbLength], hostArgs);
    }

    public static async Task<int> RunAsync(WebApplication app, string[] verb)
    {
        var progress = new ConsoleProgress();
        var cancellation = app.Lifetime.ApplicationStopping;
        switch (verb)
        {
            case ["db", "migrate"]:
                await DatabaseStartup.MigrateAsync(app.Services, progress, cancellation);
                return 0;
            case ["seed", "demo"]:
                if (app.Environment.IsProduction())
                {
                    await Console.Error.WriteLineAsync("Demo data is never seeded in Production.");
                    return 2;
                }

                await DatabaseStartup.MigrateAsync(app.Services, progress, cancellation);
                await DatabaseStartup.SeedDemoAsync(app.Services, progress, cancellation);
                Console.WriteLine("demo data is in place");
                return 0;
            case ["import", "regions", var path]:
            {
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<Security.ActorContext>().Action = "import regions";
                var import = scope.ServiceProvider.GetRequiredService<Modules.Directory.ImportRegions.ImportRegions>();
                var count = Directory.Exists(path)
                    ? await import.ImportDirectoryAsync(path, progress, cancellation)
                    : await import.ImportFileAsync(path, progress, cancellation);
                Console.WriteLine($"imported {count} regions");
                return 0;
            }

            case ["index", "rebuild"]:
            {
                await app.Services.GetRequiredService<Modules.Matching.Indexing.SearchIndexer>().RebuildAsync(progress, cancellation);
                return 0;
            }

            case ["bench", "search"]:
                return await Modules.Matching.Indexing.SearchBench.RunAsync(app, Console.Out, cancellation);

            case ["bench", "listings"]:
                return await Modules.Matching.Indexing.SearchBench.WriteCorpusAsync(app.Configuration, Console.Out, cancellation);

            case ["search-eval"]:
            case ["bench", "search-eval"]:
            {
                var options = Search.Evaluation.SearchEval.ReadOptions(app.Configuration, withPeer: verb.Length == 2, Console.Error);
                return options is null ? 2 : await app.Services.GetRequiredService<Search.Evaluation.SearchEval>().RunAsync(options, Console.Out, cancellation);
            }

            case ["match-eval"]:
                return await Modules.Matching.MatchListings.MatchEval.RunAsync(app, Console.Out, cancellation);

            case ["bench", "jieba"]:
                return Search.Evaluation.JiebaBench.Run(app.Configuration, Console.Out);

            default:
                Console.WriteLine("""
                    Usage: techbridge [VERB] [--options]
                      (no verb)              serve the platform
                      db migrate             apply database migrations and load reference data
                      seed demo              migrate, then seed demo data (never in Production)
                      import regions PATH    load regions from a CSV file or a directory of provinces/cities/areas.csv
                      index rebuild          drop this node's search index and index all published listings and
                                             verified organizations again (Search:NodeId names the node)
                      bench search --size N  indexing docs/s, match query p50/p95 and publish-to-findable lag at N
                                             generated listings (a throwaway SQLite database and index)
                      bench listings --size N --out FILE
                                             write the generated listings of bench search as a search-eval corpus
                      search-eval --corpus C.jsonl --queries Q.jsonl[,Q2.jsonl] --out RUN.tsv [--top 100] [--qrels QRELS.tsv]
                                             index the corpus in a temporary index, write a TREC run file, print
                                             nDCG@10, MRR@10, Recall@100 (all, odd and even query ids) with --qrels
                      bench search-eval ...  the same, and Lucene's CJKAnalyzer bigram BM25 side by side (RUN.cjk-bigram.tsv)
                      match-eval [--judgements PATH]
                                             on a fresh temporary SQLite database: seed the demo data, index it,
                                             print nDCG@10 of demand → offering matches against the team's graded
                                             judgements (Data/search/demand-offering-judgements.tsv) with the
                                             configured weights, text only, and each structured signal off in turn
                      bench jieba --corpus C.jsonl [--rounds 3] [--sentences 10000 --out DIR]
                                             jieba.NET MB/s; with --out, sentences and tokens for scripts/jieba-agreement.py
                    Options: --Database:Provider=Sqlite|Postgres --ConnectionStrings:Platform=... --urls=...
                    """);
                return verb is ["help"] ? 0 : 2;
        }
    }
}

// Writes each report at once, in order (Progress<T> would post to the thread pool).
internal sealed class ConsoleProgress : IProgress<string>
{
    public void Report(string value) => Console.WriteLine(value);
}
