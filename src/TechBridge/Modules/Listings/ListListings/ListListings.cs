using System.Text;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ManageListing;
using TechBridge.Platform.Auditing;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.Listings.ListListings;

// Lists of listings: the API's lists and CSV exports, the public list page and an organization's own listings. One
// query per kind, so the page and the API answer a filter alike.
internal sealed class ListListingsHandler(PlatformDbContext db, ListingViewer viewer, IOrganizationFacts facts, AuditTrail trail)
{
    private const int MaxOwnRows = 200;

    public async Task<ListingPage<TResponse>> ListAsync<TEntity, TRequest, TResponse>(ListingKindDefinition<TEntity, TRequest, TResponse> kind, ListingFilter filter, CancellationToken cancellationToken)
        where TEntity : Listing
        where TResponse : IListingResponse
    {
        var (total, page, size, items) = await PageAsync(kind, filter, cancellationToken);
        return new ListingPage<TResponse>(total, page, size, items.Select(i => i.Response).ToList());
    }

    // The public list page: the kind by name ("demand" when unknown), published listings only.
    public async Task<(string Kind, ListingPage<ListingSummary> Page)> SummariesAsync(string? kindName, ListingFilter filter, CancellationToken cancellationToken)
    {
        var kind = ListingKinds.Find(kindName) ?? ListingKinds.Demand;
        return (kind.Name, await kind.ListSummariesAsync(this, filter, cancellationToken));
    }

    public async Task<byte[]> ExportAsync<TEntity, TRequest, TResponse>(ListingKindDefinition<TEntity, TRequest, TResponse> kind, ListingFilter filter, CancellationToken cancellationToken)
        where TEntity : Listing
        where TResponse : IListingResponse
    {
        var query = await QueryAsync(kind, filter, cancellationToken);
        var items = await query.OrderByDescending(l => l.UpdatedAt).ThenBy(l => l.Id).Take(ListingQuery.MaxExportRows).ToListAsync(cancellationToken);
        var csv = new StringBuilder(Csv.Line(kind.CsvHeader));
        foreach (var (_, response) in await RespondAsync(kind, items, cancellationToken))
        {
            csv.Append(Csv.Line(kind.CsvFields(response)));
        }

        trail.Note(typeof(TEntity).Name, "export", $"exported {items.Count} {kind.Plural}");
        await db.SaveChangesAsync(cancellationToken);
        return ListingQuery.CsvBytes(csv.ToString());
    }

    // Every listing of an organization the caller belongs to, every status (the "my listings" page).
    public async Task<IReadOnlyList<OwnListing>> OfOrganizationAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        if (!await viewer.IsMemberAsync(organizationId, cancellationToken))
        {
            throw new NotFoundException("The organization");
        }

        var rows = new List<OwnListing>();
        foreach (var kind in new ListingKindDefinition[] { ListingKinds.Demand, ListingKinds.Offering, ListingKinds.Achievement })
        {
            rows.AddRange(await kind.OfOrganizationAsync(db, organizationId, MaxOwnRows, cancellationToken));
        }

        return rows;
    }

    public async Task<(int Total, int Page, int PageSize, IReadOnlyList<(TEntity Listing, TResponse Response)> Items)> PageAsync<TEntity, TRequest, TResponse>(
        ListingKindDefinition<TEntity, TRequest, TResponse> kind, ListingFilter filter, CancellationToken cancellationToken)
        where TEntity : Listing
        where TResponse : IListingResponse
    {
        var (page, size) = ListingQuery.Paging(filter);
        var query = await QueryAsync(kind, filter, cancellationToken);
        var (total, items) = await ListingQuery.PageAsync(query, page, size, cancellationToken);
        return (total, page, size, await RespondAsync(kind, items, cancellationToken));
    }

    private async Task<IQueryable<TEntity>> QueryAsync<TEntity, TRequest, TResponse>(ListingKindDefinition<TEntity, TRequest, TResponse> kind, ListingFilter filter, CancellationToken cancellationToken)
        where TEntity : Listing
        where TResponse : IListingResponse
    {
        var (query, member) = await ListingQuery.ApplyAsync(db.Set<TEntity>().AsNoTracking(), filter, viewer, cancellationToken);
        return await kind.FilterAsync(query, filter, viewer, member, cancellationToken);
    }

    // Lists mask personal data, and an anonymous demand's enterprise shows only to those who may see it.
    private async Task<IReadOnlyList<(TEntity Listing, TResponse Response)>> RespondAsync<TEntity, TRequest, TResponse>(
        ListingKindDefinition<TEntity, TRequest, TResponse> kind, IReadOnlyList<TEntity> items, CancellationToken cancellationToken)
        where TEntity : Listing
        where TResponse : IListingResponse
    {
        var organizations = await facts.FindManyAsync(items.Select(i => i.OrganizationId).ToList(), cancellationToken);
        var responses = new List<(TEntity, TResponse)>(items.Count);
        foreach (var item in items)
        {
            var sees = await viewer.SeesIdentityAsync(item, cancellationToken);
            responses.Add((item, kind.ToResponse(item, sees ? organizations.GetValueOrDefault(item.OrganizationId) : null, new ListingView(sees, InList: true))));
        }

        return responses;
    }
}
