using System.Globalization;
using Microsoft.Extensions.Options;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Modules.Matching.Indexing;
using TechBridge.Platform.Search;
using TechBridge.Platform.Search.Evaluation;

namespace TechBridge.Modules.Matching.MatchListings;

// `match-eval [--judgements PATH]`: how well the MatchListingsHandler ranks demo offerings for demo demands against the team's own
// graded judgements. The verb runs on a throwaway SQLite data directory (OperatorVerbs points Platform:DataDirectory
// at one): migrate, seed the demo data, rebuild the index from the database, then match every judged demand (the
// first published demand of that title) with the configured weights, with text only, and with each
// other signal switched off in turn. Only offering hits count; an offering judged but not published in the seed is
// left out of the ideal ranking and reported. Score ties are broken by title so that the figures do not depend on ids.
internal static class MatchEval
{
    public const string DefaultJudgements = "Data/search/demand-offering-judgements.tsv";
    public const int Depth = 10;

    // Every weight but text, by the name the MatchListingsHandler reports the signal under.
    public static readonly IReadOnlyList<(string Signal, Action<MatchingWeights, decimal> Set)> StructuredSignals =
    [
        ("field", (w, v) => w.Field = v),
        ("sector", (w, v) => w.Sector = v),
        ("industry", (w, v) => w.Industry = v),
        ("region", (w, v) => w.Region = v),
        ("voucher", (w, v) => w.Voucher = v),
        ("standing", (w, v) => w.Standing = v),
        ("recognitions", (w, v) => w.Recognitions = v),
        ("trl", (w, v) => w.Trl = v),
        ("budget", (w, v) => w.Budget = v),
        ("rating", (w, v) => w.Rating = v),
    ];

    // demand title → offering title → grade (0–3). Lines: demand<TAB>offering<TAB>grade; '#' starts a comment.
    public static Dictionary<string, Dictionary<string, int>> ReadJudgements(IEnumerable<string> lines)
    {
        var judgements = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 3 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var grade) || grade > 3)
            {
                throw new FormatException($"judgements line {number}: expected demand title<TAB>offering title<TAB>grade 0-3");
            }

            if (!judgements.TryGetValue(parts[0].Trim(), out var judged))
            {
                judgements[parts[0].Trim()] = judged = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            if (!judged.TryAdd(parts[1].Trim(), grade))
            {
                throw new FormatException($"judgements line {number}: \"{parts[0]}\" → \"{parts[1]}\" is judged twice");
            }
        }

        return judgements;
    }

    // Graded nDCG@10 of one ranking of offering titles (best first; a title seen again is skipped, so that two
    // offerings of one title cannot both take its gain), averaged over demands with at least one relevant judgement.
    public static (double Ndcg, int Demands) MeanNdcg(IReadOnlyDictionary<string, IReadOnlyList<string>> rankings, IReadOnlyDictionary<string, Dictionary<string, int>> judgements)
    {
        var total = 0.0;
        var count = 0;
        foreach (var (demand, judged) in judgements)
        {
            if (!judged.Values.Any(g => g > 0))
            {
                continue;
            }

            total += Ndcg(rankings.GetValueOrDefault(demand) ?? [], judged);
            count++;
        }

        return (count == 0 ? 0 : total / count, count);
    }

    public static double Ndcg(IReadOnlyList<string> rankedTitles, IReadOnlyDictionary<string, int> judged) =>
        TrecMetrics.NdcgAt(Depth, rankedTitles.Distinct(StringComparer.Ordinal).ToList(), judged);

    public static async Task<int> RunAsync(WebApplication app, TextWriter log, CancellationToken cancellationToken)
    {
        if (app.Environment.IsProduction())
        {
            await Console.Error.WriteLineAsync("match-eval seeds demo data, which never happens in Production.");
            return 2;
        }

        var path = app.Configuration["judgements"] ?? Path.Combine(AppContext.BaseDirectory, DefaultJudgements);
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync("usage: match-eval [--judgements PATH]; not found: " + path);
            return 2;
        }

        var judgements = ReadJudgements(File.ReadLines(path));
        var dataDirectory = DataDirectory.Resolve(app.Configuration);
        try
        {
            log.WriteLine($"data directory {dataDirectory} (thrown away afterwards); seeding demo data and indexing");
            await DatabaseStartup.MigrateAsync(app.Services, null, cancellationToken);
            await DatabaseStartup.SeedDemoAsync(app.Services, null, cancellationToken);
            await app.Services.GetRequiredService<SearchIndexer>().RebuildAsync(null, cancellationToken);
            await EvaluateAsync(app.Services, judgements, app.Services.GetRequiredService<IOptions<MatchingWeights>>().Value, log, cancellationToken);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // The index stays open until the process ends; where open files cannot be deleted, the OS temp
                // cleanup takes the directory.
            }
        }
    }

    private static async Task EvaluateAsync(IServiceProvider services, Dictionary<string, Dictionary<string, int>> judgements, MatchingWeights configured, TextWriter log, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var listings = scope.ServiceProvider.GetRequiredService<IListingSearchSource>();
        var organizations = scope.ServiceProvider.GetRequiredService<IOrganizationSearchSource>();
        var ratings = scope.ServiceProvider.GetRequiredService<TechBridge.Modules.Engagements.Contracts.IProviderRatings>();
        var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();

        var demands = new Dictionary<string, Guid>(StringComparer.Ordinal);
        // The first published of each title; ids are no tie-breaker (version 7 ids made in one millisecond are in
        // random order), the demand's regions are.
        var ordered = (await AllPublishedAsync(listings, SearchableKinds.Demand, cancellationToken))
            .OrderBy(d => d.PublishedAt).ThenBy(d => string.Join(',', d.RegionCodes), StringComparer.Ordinal).ThenBy(d => d.Id);
        foreach (var demand in ordered)
        {
            demands.TryAdd(demand.Title, demand.Id);
        }

        var offeringTitles = (await AllPublishedAsync(listings, SearchableKinds.Offering, cancellationToken)).ToDictionary(o => o.Id, o => o.Title);
        var published = offeringTitles.Values.ToHashSet(StringComparer.Ordinal);

        // What the seed can be measured on: published demands, and only judgements of published offerings.
        var measurable = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (demand, judged) in judgements)
        {
            if (!demands.ContainsKey(demand))
            {
                log.WriteLine($"not measured: no published demand \"{demand}\"");
                continue;
            }

            var kept = judged.Where(j => published.Contains(j.Key)).ToDictionary(StringComparer.Ordinal);
            foreach (var missing in judged.Keys.Where(t => !published.Contains(t)))
            {
                log.WriteLine($"left out: \"{demand}\" → \"{missing}\" (offering not published in the demo seed)");
            }

            measurable[demand] = kept;
        }

        var configurations = new List<(string Name, MatchingWeights Weights)> { ("configured weights", Copy(configured)) };
        var textOnly = Copy(configured);
        foreach (var (_, set) in StructuredSignals)
        {
            set(textOnly, 0m);
        }

        configurations.Add(("text only (structured signals 0)", textOnly));
        foreach (var (signal, set) in StructuredSignals)
        {
            var without = Copy(configured);
            set(without, 0m);
            configurations.Add(($"without {signal}", without));
        }

        var results = new List<(string Name, double Ndcg, int Demands, Dictionary<string, IReadOnlyList<string>> Rankings)>();
        foreach (var (name, weights) in configurations)
        {
            var matcher = new MatchListingsHandler(index, listings, organizations, ratings, new FixedWeights(weights));
            var rankings = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var demand in measurable.Keys)
            {
                var response = await matcher.MatchAsync(SearchableKinds.Demand, demands[demand], 100, cancellationToken);
                rankings[demand] = response.Matches
                    .Where(m => m.Kind == SearchableKinds.Offering && offeringTitles.ContainsKey(m.Id))
                    .Select(m => (m.Score, Title: offeringTitles[m.Id]))
                    .OrderByDescending(m => m.Score).ThenBy(m => m.Title, StringComparer.Ordinal)
                    .Select(m => m.Title)
                    .ToList();
            }

            var (ndcg, count) = MeanNdcg(rankings, measurable);
            results.Add((name, ndcg, count, rankings));
        }

        var judgedCount = measurable.Values.Sum(j => j.Count);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{judgedCount} judgements of {measurable.Count} demands ({published.Count} published demo offerings); nDCG@{Depth}, graded, unjudged = 0"));
        log.WriteLine();
        log.WriteLine($"{"configuration",-36} {"nDCG@10",8} {"Δ",7} {"demands",8}");
        var baseline = results[0].Ndcg;
        foreach (var (name, ndcg, count, _) in results)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-36} {ndcg,8:0.000} {ndcg - baseline,7:+0.000;-0.000;0.000} {count,8}"));
        }

        // Per demand, configured against text only: where the structured signals help or hurt.
        log.WriteLine();
        log.WriteLine($"{"demand",-24} {"configured",10} {"text only",10}  top offering (configured)");
        foreach (var (demand, judged) in measurable.Where(m => m.Value.Values.Any(g => g > 0)))
        {
            var withSignals = results[0].Rankings[demand];
            var top = withSignals.Count == 0 ? "-" : $"{withSignals[0]} ({judged.GetValueOrDefault(withSignals[0])})";
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{demand,-24} {Ndcg(withSignals, judged),10:0.000} {Ndcg(results[1].Rankings[demand], judged),10:0.000}  {top}"));
        }

        // What a broker sees first: the top three offerings of every demand (configured weights), each with its grade.
        // The demo data is meant to show matching at its best, so every one of them should be judged relevant.
        log.WriteLine();
        log.WriteLine("top three offerings per demand (configured weights) with their grades; - = not judged");
        var (relevant, clearly) = (0, 0);
        foreach (var (demand, judged) in measurable)
        {
            var top = TopThree(results[0].Rankings[demand], judged);
            relevant += top.Count == 3 && top.All(t => t.Grade >= 1) ? 1 : 0;
            clearly += top.Count == 3 && top.All(t => t.Grade >= 2) ? 1 : 0;
            log.WriteLine($"{demand}: " + string.Join(" | ", top.Select(t => $"{t.Title} ({(t.Grade < 0 ? "-" : t.Grade.ToString(CultureInfo.InvariantCulture))})")));
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"demands whose top three offerings are all judged relevant: {relevant} of {measurable.Count} (grade ≥ 1), {clearly} of {measurable.Count} (grade ≥ 2)"));

        // What the demand's page shows: the first three cards of every kind (offerings, achievements, institutions),
        // duplicates collapsed, configured weights. Judgements name an achievement by its title and an institution by
        // its name.
        var achievementListings = await AllPublishedAsync(listings, SearchableKinds.Achievement, cancellationToken);
        var achievementTitles = achievementListings.ToDictionary(o => o.Id, o => o.Title);
        // An institution not judged by name is as relevant as the best of its own published listings judged for the
        // demand: it is suggested because of what it offers.
        var titlesByOwner = (await AllPublishedAsync(listings, SearchableKinds.Offering, cancellationToken)).Concat(achievementListings)
            .Where(l => l.OwnerOrganizationId is not null)
            .ToLookup(l => l.OwnerOrganizationId!.Value, l => l.Title);
        var shown = new MatchListingsHandler(index, listings, organizations, ratings, new FixedWeights(Copy(configured)));
        log.WriteLine();
        log.WriteLine("top three cards per demand as its page shows them (all kinds, duplicates collapsed) with their grades; - = not judged");
        var (pageRelevant, pageClearly, judgedCards, precise) = (0, 0, 0, 0);
        foreach (var (demand, judged) in measurable)
        {
            var all = new Dictionary<string, int>(judgements[demand], StringComparer.Ordinal);
            var response = await shown.MatchAsync(SearchableKinds.Demand, demands[demand], 20, cancellationToken);
            var names = await organizations.FindManyAsync(response.Matches.Where(m => m.Kind == SearchableKinds.Organization).Select(m => m.Id).ToList(), cancellationToken);
            foreach (var (id, organization) in names)
            {
                var grades = titlesByOwner[id].Where(all.ContainsKey).Select(t => all[t]).ToList();
                if (grades.Count > 0 && !judgements[demand].ContainsKey(organization.LegalName))
                {
                    all[organization.LegalName] = grades.Max();
                }
            }

            var cards = PageCards(response.Matches.Select(m => (m.Kind, Title: m.Kind switch
            {
                SearchableKinds.Offering => offeringTitles.GetValueOrDefault(m.Id, "?"),
                SearchableKinds.Achievement => achievementTitles.GetValueOrDefault(m.Id, "?"),
                _ => names.TryGetValue(m.Id, out var o) ? o.LegalName : "?",
            }, m.OrganizationId ?? m.Id, m.Score)), all);
            pageRelevant += cards.Count == 3 && cards.All(c => c.Grade >= 1) ? 1 : 0;
            pageClearly += cards.Count == 3 && cards.All(c => c.Grade >= 2) ? 1 : 0;
            judgedCards += cards.Count(c => c.Grade >= 0);
            precise += cards.Count(c => c.Grade >= 1);
            log.WriteLine($"{demand}: " + string.Join(" | ", cards.Select(c => $"[{c.Kind}] {c.Title} ({(c.Grade < 0 ? "-" : c.Grade.ToString(CultureInfo.InvariantCulture))})")));
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"demands whose page shows three relevant cards first: {pageRelevant} of {measurable.Count} (grade ≥ 1), {pageClearly} of {measurable.Count} (grade ≥ 2); precision@3 {(double)precise / Math.Max(1, 3 * measurable.Count):0.000} ({judgedCards} of {3 * measurable.Count} cards judged)"));
    }

    // The first three cards of a demand's page: matches best first, one card per kind, title and owner (as the page's
    // MatchExplainer.Collapse does), each with its grade (-1 = not judged). Score ties are broken by title.
    public static IReadOnlyList<(string Kind, string Title, int Grade)> PageCards(IEnumerable<(string Kind, string Title, Guid Owner, decimal Score)> matches, IReadOnlyDictionary<string, int> judged) =>
        matches.OrderByDescending(m => m.Score).ThenBy(m => m.Title, StringComparer.Ordinal)
            .DistinctBy(m => (m.Kind, m.Title, m.Owner))
            .Take(3)
            .Select(m => (m.Kind, m.Title, judged.TryGetValue(m.Title, out var g) ? g : -1))
            .ToList();

    // The first three distinct offering titles of each demand's ranking and their grades (-1 = not judged).
    public static IReadOnlyList<(string Title, int Grade)> TopThree(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> judged) =>
        ranking.Distinct(StringComparer.Ordinal).Take(3).Select(t => (t, judged.TryGetValue(t, out var g) ? g : -1)).ToList();

    private static async Task<List<SearchableListing>> AllPublishedAsync(IListingSearchSource listings, string kind, CancellationToken cancellationToken)
    {
        var all = new List<SearchableListing>();
        while (true)
        {
            var page = await listings.PublishedPageAsync(kind, all.Count, 500, cancellationToken);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
        }
    }

    private static MatchingWeights Copy(MatchingWeights w) => new()
    {
        Text = w.Text, Field = w.Field, Sector = w.Sector, Industry = w.Industry, Region = w.Region, Voucher = w.Voucher,
        Standing = w.Standing, Recognitions = w.Recognitions, Trl = w.Trl, Budget = w.Budget, Rating = w.Rating,
    };

    private sealed class FixedWeights(MatchingWeights weights) : IOptionsMonitor<MatchingWeights>
    {
        public MatchingWeights CurrentValue => weights;

        public MatchingWeights Get(string? name) => weights;

        public IDisposable? OnChange(Action<MatchingWeights, string?> listener) => null;
    }
}
