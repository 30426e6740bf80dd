using System.Linq.Expressions;
using System.Text;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;

namespace TechBridge.Modules.Listings.ListListings;

// Query-string filters every list and export takes. Region is read by the Directory's RegionFilter: a code prefix
// (13, 1301, 130102), a region group (XIONGAN / 雄安, 省会, 冀中南) or jjj / 京津冀.
internal sealed record ListingFilter(string? Sector, string? Field, string? Industry, string? Region, string? Status, Guid? Owner, int? Page, int? PageSize);

internal sealed record ListingPage<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items);

internal static class ListingQuery
{
    public const int MaxPageSize = 100;
    public const int MaxExportRows = 10_000;
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    // Published listings for everyone; with owner= an organization the caller belongs to, every status of that
    // organization's listings (the "my listings" view). Other statuses are refused rather than silently emptied.
    public static async Task<(IQueryable<T> Query, bool Member)> ApplyAsync<T>(IQueryable<T> query, ListingFilter filter, ListingViewer viewer, CancellationToken cancellationToken)
        where T : Listing
    {
        ListingStatus? status = null;
        if (!string.IsNullOrEmpty(filter.Status))
        {
            status = ListingNames.ParseStatus(filter.Status) ?? throw InvalidRequestException.For("status", "unknown", "Status is draft, submitted, published, rejected, closed, expired or taken-down.");
        }

        var member = filter.Owner is { } owner && await viewer.IsMemberAsync(owner, cancellationToken);
        if (filter.Owner is { } ownerId)
        {
            query = query.Where(l => l.OrganizationId == ownerId);

            // Filtering by owner must not find an anonymous demand for someone who may not know whose it is: the result
            // itself would name the enterprise. Members of the owner and brokers (who mediate) see them.
            if (!member && !viewer.IsBroker && query is IQueryable<TechnologyDemand> demands)
            {
                query = (IQueryable<T>)demands.Where(d => d.Visibility != DemandVisibility.Anonymous || d.IdentityRevealedAt != null);
            }
        }

        if (!member)
        {
            if (status is { } s && s != ListingStatus.Published)
            {
                throw InvalidRequestException.For("status", "ownerOnly", "Only published listings are public; other statuses need owner= an organization you belong to.");
            }

            status = ListingStatus.Published;
        }

        if (status is { } wanted)
        {
            query = query.Where(l => l.Status == wanted);
        }

        return (query, member);
    }

    public static IQueryable<T> InOwnerRegion<T>(IQueryable<T> query, string? region)
        where T : Listing =>
        InRegion(query, region, l => l.OwnerRegionCode);

    // Any region column (a demand's own region, say) against the same filter.
    public static IQueryable<T> InRegion<T>(IQueryable<T> query, string? region, Expression<Func<T, string>> regionCode) =>
        query.InRegion(RegionFilter.Parse(region), regionCode);

    // Offerings: the owner's region, or a region the offering serves.
    public static IQueryable<ServiceOffering> InOwnerOrServedRegion(IQueryable<ServiceOffering> query, string? region)
    {
        if (RegionFilter.Parse(region) is not { } filter)
        {
            return query;
        }

        var owner = filter.Matches<ServiceOffering>(o => o.OwnerRegionCode);
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        var served = filter.Prefixes
            .Select(p => (Expression)Expression.Call(Expression.Property(owner.Parameters[0], nameof(ServiceOffering.RegionsServed)), contains, Expression.Constant(p)))
            .Aggregate(Expression.OrElse);
        return query.Where(Expression.Lambda<Func<ServiceOffering, bool>>(Expression.OrElse(owner.Body, served), owner.Parameters));
    }

    // Demands: the region the demand names (which may differ from the owner's).
    public static IQueryable<TechnologyDemand> InDemandRegion(IQueryable<TechnologyDemand> query, string? region) =>
        InRegion(query, region, d => d.RegionCode);

    public static (int Page, int PageSize) Paging(ListingFilter filter)
    {
        var validation = new Validation();
        var paging = TechBridge.Platform.Input.Paging.Check(validation, filter.Page, filter.PageSize, 20, MaxPageSize);
        validation.ThrowIfInvalid();
        return paging;
    }

    public static async Task<(int Total, List<T> Items)> PageAsync<T>(IQueryable<T> query, int page, int size, CancellationToken cancellationToken)
        where T : Listing
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(l => l.UpdatedAt).ThenBy(l => l.Id).Skip(TechBridge.Platform.Input.Paging.Skip(page, size)).Take(size).ToListAsync(cancellationToken);
        return (total, items);
    }

    public static byte[] CsvBytes(string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        return [.. Bom, .. bytes];
    }
}
