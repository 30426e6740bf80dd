using TechBridge.Platform.Search.Evaluation;

namespace TechBridge.Platform.Cli;

// The platform's own verbs: the database, demo data, and the search evaluation that needs no module.
internal static class PlatformVerbs
{
    public static IServiceCollection AddPlatformVerbs(this IServiceCollection services) => services
        .AddOperatorVerb(new()
        {
            Name = "db migrate",
            Usage = "db migrate",
            Description = "apply database migrations and load reference data",
            RunAsync = async c =>
            {
                await DatabaseStartup.MigrateAsync(c.App.Services, c.Progress, c.Cancellation);
                return 0;
            },
        })
        .AddOperatorVerb(new()
        {
            Name = "seed demo",
            Usage = "seed demo",
            Description = "migrate, then seed demo data (never in Production)",
            RunAsync = async c =>
            {
                if (c.App.Environment.IsProduction())
                {
                    await Console.Error.WriteLineAsync("Demo data is never seeded in Production.");
                    return 2;
                }

                await DatabaseStartup.MigrateAsync(c.App.Services, c.Progress, c.Cancellation);
                await DatabaseStartup.SeedDemoAsync(c.App.Services, c.Progress, c.Cancellation);
                Console.WriteLine("demo data is in place");
                return 0;
            },
        })
        .AddOperatorVerb(new()
        {
            Name = "search-eval",
            UsesDatabase = false,
            Usage = "search-eval --corpus C.jsonl --queries Q.jsonl[,Q2.jsonl] --out RUN.tsv [--top 100] [--qrels QRELS.tsv]",
            Description = """
                index the corpus in a temporary index, write a TREC run file, print
                nDCG@10, MRR@10, Recall@100 (all, odd and even query ids) with --qrels
                """,
            RunAsync = c => SearchEvalAsync(c, withPeer: false),
        })
        .AddOperatorVerb(new()
        {
            Name = "bench search-eval",
            UsesDatabase = false,
            Usage = "bench search-eval ...",
            Description = "the same, and Lucene's CJKAnalyzer bigram BM25 side by side (RUN.cjk-bigram.tsv)",
            RunAsync = c => SearchEvalAsync(c, withPeer: true),
        })
        .AddOperatorVerb(new()
        {
            Name = "bench jieba",
            UsesDatabase = false,
            Usage = "bench jieba --corpus C.jsonl [--rounds 3] [--sentences 10000 --out DIR]",
            Description = "jieba.NET MB/s; with --out, sentences and tokens for scripts/jieba-agreement.py",
            RunAsync = c => Task.FromResult(JiebaBench.Run(c.App.Configuration, Console.Out)),
        });

    private static async Task<int> SearchEvalAsync(OperatorVerbContext context, bool withPeer)
    {
        var options = SearchEval.ReadOptions(context.App.Configuration, withPeer, Console.Error);
        return options is null ? 2 : await context.App.Services.GetRequiredService<SearchEval>().RunAsync(options, Console.Out, context.Cancellation);
    }
}
