using TechBridge.Modules.Listings.Contracts;
using TechBridge.Modules.Listings.Data;

namespace TechBridge.Modules.Listings.SearchSource;

// Published listings of organizations that are not suspended: a suspended institution's listings leave search (the
// Directory announces the suspension as OrganizationChanged, and the indexer then asks again for its listings).
internal sealed class ListingSearchSource(PlatformDbContext db, TechBridge.Modules.Directory.Contracts.IOrganizationFacts facts) : IListingSearchSource
{
    public async Task<IReadOnlyList<SearchableListing>> PublishedAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        var suspended = await facts.SuspendedOrganizationIdsAsync(cancellationToken);
        var result = new List<SearchableListing>();
        result.AddRange((await db.Set<ServiceOffering>().AsNoTracking()
            .Where(l => wanted.Contains(l.Id) && l.Status == ListingStatus.Published && !suspended.Contains(l.OrganizationId)).ToListAsync(cancellationToken)).Select(FromOffering));
        result.AddRange((await db.Set<TechnologyDemand>().AsNoTracking()
            .Where(l => wanted.Contains(l.Id) && l.Status == ListingStatus.Published && !suspended.Contains(l.OrganizationId)).ToListAsync(cancellationToken)).Select(FromDemand));
        result.AddRange((await db.Set<TechnologyAchievement>().AsNoTracking()
            .Where(l => wanted.Contains(l.Id) && l.Status == ListingStatus.Published && !suspended.Contains(l.OrganizationId)).ToListAsync(cancellationToken)).Select(FromAchievement));
        return result;
    }

    public async Task<IReadOnlyList<SearchableListing>> PublishedPageAsync(string kind, int skip, int take, CancellationToken cancellationToken = default)
    {
        var suspended = await facts.SuspendedOrganizationIdsAsync(cancellationToken);
        return kind switch
        {
            SearchableKinds.Offering => (await Page(db.Set<ServiceOffering>(), suspended, skip, take, cancellationToken)).Select(FromOffering).ToList(),
            SearchableKinds.Demand => (await Page(db.Set<TechnologyDemand>(), suspended, skip, take, cancellationToken)).Select(FromDemand).ToList(),
            SearchableKinds.Achievement => (await Page(db.Set<TechnologyAchievement>(), suspended, skip, take, cancellationToken)).Select(FromAchievement).ToList(),
            _ => [],
        };
    }

    public async Task<IReadOnlyList<Guid>> ListingIdsOfAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken = default)
    {
        var owners = organizationIds.Distinct().ToList();
        var ids = new List<Guid>();
        ids.AddRange(await db.Set<ServiceOffering>().Where(l => owners.Contains(l.OrganizationId)).Select(l => l.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.Set<TechnologyDemand>().Where(l => owners.Contains(l.OrganizationId)).Select(l => l.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.Set<TechnologyAchievement>().Where(l => owners.Contains(l.OrganizationId)).Select(l => l.Id).ToListAsync(cancellationToken));
        return ids;
    }

    private static Task<List<T>> Page<T>(DbSet<T> set, IReadOnlyList<Guid> suspended, int skip, int take, CancellationToken cancellationToken)
        where T : Listing =>
        set.AsNoTracking().Where(l => l.Status == ListingStatus.Published && !suspended.Contains(l.OrganizationId))
            .OrderBy(l => l.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);

    private static string[] Split(string value, params char[] separators) =>
        value.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static SearchableListing FromOffering(ServiceOffering o) => new(
        o.Id, SearchableKinds.Offering, o.Title, o.Description, string.Join(' ', Split(o.ServiceItems, '\n', '\r')),
        o.SectorCode, null, o.IndustryCode,
        Split(o.RegionsServed, ',').Append(o.OwnerRegionCode).Distinct(StringComparer.Ordinal).ToList(),
        o.PriceFen, null, null, o.AcceptsInnovationVouchers, null, o.OrganizationId, o.PublishedAt ?? o.UpdatedAt);

    private static SearchableListing FromDemand(TechnologyDemand d) => new(
        d.Id, SearchableKinds.Demand, d.Title, d.Description, "",
        d.SectorCode, d.TechnologyFieldCode, d.IndustryCode, [d.RegionCode],
        null, d.BudgetMinFen, d.BudgetMaxFen, false, null,
        // Whose demand it is stays out of search and matching until the owner reveals it.
        d.IdentityHidden ? null : d.OrganizationId,
        d.PublishedAt ?? d.UpdatedAt);

    private static SearchableListing FromAchievement(TechnologyAchievement a) => new(
        a.Id, SearchableKinds.Achievement, a.Title, a.Abstract, string.Join(' ', Split(a.Keywords, ';', '；')),
        null, a.TechnologyFieldCode, a.IndustryCode, [a.OwnerRegionCode],
        a.AskingPriceFen, null, null, false, a.Trl, a.OrganizationId, a.PublishedAt ?? a.UpdatedAt);
}
