using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.Seed;
using TechBridge.Modules.Matching.MatchListings;
using TechBridge.Platform.Search;

namespace TechBridge.Tests.Modules.Matching.MatchListings;

// The demo shows matching at its best: on every demo demand's page the first three cards (offerings, achievements,
// institutions, duplicates collapsed) are ones the team's judgements call relevant. An institution not judged by name
// counts as its best judged listing. Listings and organizations that other tests add to the shared host are left out.
[Collection(SqliteCollection.Name)]
public sealed class DemoMatchesTests(SqliteHostFixture fixture)
{
    private readonly AppHost host = fixture.Host;

    [Fact]
    public async Task EveryDemoDemand_TopThreeCards_AreJudgedRelevant()
    {
        var judgements = MatchEval.ReadJudgements(File.ReadLines(Path.Combine(AppContext.BaseDirectory, MatchEval.DefaultJudgements)));
        var (demands, titles, owners, demoOrganizations) = await host.WithDbAsync(async db =>
        {
            var listings = (await db.Set<TechnologyDemand>().AsNoTracking().Where(l => l.IsDemo && l.Status == ListingStatus.Published)
                    .Select(l => new { l.Id, l.Title, l.OrganizationId, IsDemand = true }).ToListAsync())
                .Concat(await db.Set<ServiceOffering>().AsNoTracking().Where(l => l.IsDemo && l.Status == ListingStatus.Published)
                    .Select(l => new { l.Id, l.Title, l.OrganizationId, IsDemand = false }).ToListAsync())
                .Concat(await db.Set<TechnologyAchievement>().AsNoTracking().Where(l => l.IsDemo && l.Status == ListingStatus.Published)
                    .Select(l => new { l.Id, l.Title, l.OrganizationId, IsDemand = false }).ToListAsync())
                .ToList();
            var organizations = await db.Set<Organization>().AsNoTracking().Where(o => o.IsDemo).Select(o => new { o.Id, o.LegalName }).ToListAsync();
            return (listings.Where(l => l.IsDemand).GroupBy(l => l.Title).ToDictionary(g => g.Key, g => g.First().Id),
                listings.ToDictionary(l => l.Id, l => l.Title),
                listings.Where(l => !l.IsDemand).ToLookup(l => l.OrganizationId, l => l.Title),
                organizations.ToDictionary(o => o.Id, o => o.LegalName));
        });
        await WaitForIndexAsync(titles.Count);

        var failures = new List<string>();
        await using var scope = host.Services.CreateAsyncScope();
        var matcher = scope.ServiceProvider.GetRequiredService<MatchListingsHandler>();
        foreach (var title in DemoListingsSeeder.DemandTitles)
        {
            var judged = new Dictionary<string, int>(judgements.GetValueOrDefault(title) ?? [], StringComparer.Ordinal);
            var response = await matcher.MatchAsync(SearchableKinds.Demand, demands[title], 30, CancellationToken.None);
            var demo = response.Matches
                .Select(m => (m.Kind, Title: m.Kind == SearchableKinds.Organization ? demoOrganizations.GetValueOrDefault(m.Id) : titles.GetValueOrDefault(m.Id), Owner: m.OrganizationId ?? m.Id, m.Score))
                .Where(m => m.Title is not null)
                .Select(m => (m.Kind, Title: m.Title!, m.Owner, m.Score))
                .ToList();
            foreach (var (kind, name, owner, _) in demo.Where(m => m.Kind == SearchableKinds.Organization && !judged.ContainsKey(m.Title)))
            {
                var grades = owners[owner].Where(judged.ContainsKey).Select(t => judged[t]).ToList();
                if (grades.Count > 0)
                {
                    judged[name] = grades.Max();
                }
            }

            var cards = MatchEval.PageCards(demo, judged);
            if (cards.Count < 3 || cards.Any(c => c.Grade < 1))
            {
                failures.Add($"{title}: " + string.Join(" | ", cards.Select(c => $"[{c.Kind}] {c.Title} ({(c.Grade < 0 ? "not judged" : c.Grade)})")));
            }
        }

        Assert.True(failures.Count == 0, "top three cards not all judged relevant:\n" + string.Join('\n', failures));
    }

    // The index is fed from the outbox after start: wait until it holds at least the published demo listings.
    private async Task WaitForIndexAsync(int listings)
    {
        var index = host.Services.GetRequiredService<ISearchIndex>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (index.Count < listings && started.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
        }
    }
}
