namespace TechBridge.Modules.Listings.Contracts;

// What the search index and matching may read of listings: the public, searchable state of published listings
// (changes are announced as ListingChanged through the platform outbox). Anonymous demands come without their owner.
internal interface IListingSearchSource
{
    // The current state of the listings that are published now; ids not returned are not (or no longer) public.
    Task<IReadOnlyList<SearchableListing>> PublishedAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    // Every listing (any status) of the organizations: an organization's change (a suspension) may change which are public.
    Task<IReadOnlyList<Guid>> ListingIdsOfAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken = default);

    // Published listings of one kind in id order, a page at a time, for a rebuild.
    Task<IReadOnlyList<SearchableListing>> PublishedPageAsync(string kind, int skip, int take, CancellationToken cancellationToken = default);
}

internal static class SearchableKinds
{
    public const string Offering = "offering";
    public const string Demand = "demand";
    public const string Achievement = "achievement";
    public const string Organization = "organization";

    public static readonly string[] Listings = [Offering, Demand, Achievement];
}

// Region codes: the county, city or province codes where the listing applies (a demand's county, an offering's
// regions served, the owner's registered region). Prices in fen. OwnerOrganizationId is null for anonymous demands.
internal sealed record SearchableListing(
    Guid Id,
    string Kind,
    string Title,
    string Text,
    string Keywords,
    string? SectorCode,
    string? TechnologyFieldCode,
    string? IndustryCode,
    IReadOnlyList<string> RegionCodes,
    long? PriceFen,
    long? BudgetMinFen,
    long? BudgetMaxFen,
    bool AcceptsVouchers,
    int? Trl,
    Guid? OwnerOrganizationId,
    DateTimeOffset PublishedAt);
