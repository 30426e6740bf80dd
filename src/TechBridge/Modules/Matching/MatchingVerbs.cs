using TechBridge.Modules.Matching.Indexing;
using TechBridge.Modules.Matching.MatchListings;
using TechBridge.Platform.Cli;

namespace TechBridge.Modules.Matching;

// The search index and the search and match measurements, as operator verbs.
internal static class MatchingVerbs
{
    public static IServiceCollection AddMatchingVerbs(this IServiceCollection services) => services
        .AddOperatorVerb(new()
        {
            Name = "index rebuild",
            Usage = "index rebuild",
            Description = """
                drop this node's search index and index all published listings and
                verified organizations again (Search:NodeId names the node)
                """,
            RunAsync = async c =>
            {
                await c.App.Services.GetRequiredService<SearchIndexer>().RebuildAsync(c.Progress, c.Cancellation);
                return 0;
            },
        })
        .AddOperatorVerb(new()
        {
            Name = "bench search",
            UsesDatabase = false,
            Usage = "bench search --size N",
            Description = """
                indexing docs/s, match query p50/p95 and publish-to-findable lag at N
                generated listings (a throwaway SQLite database and index)
                """,
            RunAsync = c => SearchBench.RunAsync(c.App, Console.Out, c.Cancellation),
        })
        .AddOperatorVerb(new()
        {
            Name = "bench listings",
            UsesDatabase = false,
            Usage = "bench listings --size N --out FILE",
            Description = "write the generated listings of bench search as a search-eval corpus",
            RunAsync = c => SearchBench.WriteCorpusAsync(c.App.Configuration, Console.Out, c.Cancellation),
        })
        .AddOperatorVerb(new()
        {
            Name = "match-eval",
            Usage = "match-eval [--judgements PATH]",
            Description = """
                on a fresh temporary SQLite database: seed the demo data, index it,
                print nDCG@10 of demand → offering matches against the team's graded
                judgements (Data/search/demand-offering-judgements.tsv) with the
                configured weights, text only, and each structured signal off in turn
                """,
            // match-eval measures on a database and index of its own: a fresh SQLite data directory (given last, the
            // command line wins over any configured database); its report is the output, not the SQL log.
            HostArguments =
            [
                $"--Platform:DataDirectory={Path.Combine(Path.GetTempPath(), "techbridge-match-eval-" + Guid.NewGuid().ToString("N"))}",
                "--Database:Provider=Sqlite", "--ConnectionStrings:Platform=",
                "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning", "--Logging:LogLevel:Microsoft=Warning",
            ],
            RunAsync = c => MatchEval.RunAsync(c.App, Console.Out, c.Cancellation),
        });
}
