using System.Text;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Platform.Errors;

namespace TechBridge.Modules.Listings.ListListings;

// Query-string filters every list and export takes. Region is a code prefix (13, 1301, 130102) or XIONGAN.
internal sealed record ListingFilter(string? Sector, string? Field, string? Industry, string? Region, string? Status, Guid? Owner, int? Page, int? PageSize);

internal sealed record ListingPage<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items);

internal static class ListingQuery
{
    public const int MaxPageSize = 100;
    public const int MaxExportRows = 10_000;
    private static readonly string[] XionganCounties = ["130629", "130632", "130638"];
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
        where T : Listing
    {
        if (string.IsNullOrEmpty(region))
        {
            return query;
        }

        return region == Jurisdictions.Xiongan
            ? query.Where(l => XionganCounties.Contains(l.OwnerRegionCode))
            : query.Where(l => l.OwnerRegionCode.StartsWith(region));
    }

    // Offerings: the owner's region, or a region the offering serves (named exactly).
    public static IQueryable<ServiceOffering> InOwnerOrServedRegion(IQueryable<ServiceOffering> query, string? region)
    {
        if (string.IsNullOrEmpty(region) || region == Jurisdictions.Xiongan)
        {
            return InOwnerRegion(query, region);
        }

        return query.Where(o => o.OwnerRegionCode.StartsWith(region) || o.RegionsServed.Contains(region));
    }

    // Demands: the region the demand names (which may differ from the owner's).
    public static IQueryable<TechnologyDemand> InDemandRegion(IQueryable<TechnologyDemand> query, string? region)
    {
        if (string.IsNullOrEmpty(region))
        {
            return query;
        }

        return region == Jurisdictions.Xiongan
            ? query.Where(d => XionganCounties.Contains(d.RegionCode))
            : query.Where(d => d.RegionCode.StartsWith(region));
    }

    public static (int Page, int PageSize) Paging(ListingFilter filter)
    {
        var page = filter.Page ?? 1;
        var size = filter.PageSize ?? 20;
        var validation = new Validation();
        if (page < 1)
        {
            validation.Add("page", "min", "Pages start at 1.");
        }

        if (size is < 1 or > MaxPageSize)
        {
            validation.Add("pageSize", "range", $"pageSize is 1 to {MaxPageSize}.");
        }

        validation.ThrowIfInvalid();
        return (page, size);
    }

    public static async Task<(int Total, List<T> Items)> PageAsync<T>(IQueryable<T> query, int page, int size, CancellationToken cancellationToken)
        where T : Listing
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(l => l.UpdatedAt).ThenBy(l => l.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return (total, items);
    }

    public static byte[] CsvBytes(string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        return [.. Bom, .. bytes];
    }
}
