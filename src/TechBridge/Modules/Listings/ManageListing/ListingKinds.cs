using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ListListings;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Persistence;

namespace TechBridge.Modules.Listings.ManageListing;

// The one table of listing kinds: which entity, which request and response, who may post it. Everything that
// differs between offerings, demands and achievements is a row here (a subclass below); the handlers, endpoints,
// lifecycle and pages are written once against it.
internal static class ListingKinds
{
    public static readonly OfferingKind Offering = new();
    public static readonly DemandKind Demand = new();
    public static readonly AchievementKind Achievement = new();

    public static readonly IReadOnlyList<ListingKindDefinition> All = [Offering, Demand, Achievement];

    public static ListingKindDefinition Of(ListingKind kind) => All.First(k => k.Kind == kind);

    // "offering", "demand" or "achievement"; null for anything else.
    public static ListingKindDefinition? Find(string? name) => All.FirstOrDefault(k => k.Name == name);
}

// How a response is shaped for the caller: whether the identity behind an anonymous demand shows, and whether it
// goes into a public list (personal data such as phone numbers masked there).
internal sealed record ListingView(bool SeesIdentity, bool InList);

// What a kind's rules may look at besides the request: the owning organization, the reference tables, the time.
internal sealed record ListingEditContext(OrganizationFacts Owner, IReferenceData Reference, DateTimeOffset Now);

// A row of the public list pages, whatever the kind.
internal sealed record ListingSummary(string Kind, Guid Id, string Title, string? Organization, string? Field, string? Sector, string Region, string? Price, string Status);

// One listing as the detail page shows it: Response is the kind's API response (OfferingResponse, ...).
internal sealed record ListingDetail(string Kind, Guid Id, Guid OrganizationId, bool IsPublished, bool ViewerIsMember, object Response);

// One row of an organization's own listings.
internal sealed record OwnListing(string Kind, Guid Id, string Title, string Status, string? Reason, DateTimeOffset? ExpiresAt, bool IsOpenCall);

internal abstract class ListingKindDefinition
{
    public abstract ListingKind Kind { get; }

    // The API's and the pages' name of the kind.
    public abstract string Name { get; }

    // The URL segment: /api/v1/{Plural}.
    public abstract string Plural { get; }

    // The suffix of the endpoint names (CreateOffering, SubmitDemand, ...).
    public abstract string RouteName { get; }

    // Who may post this kind, and what a refused poster is told.
    public abstract bool MayPost(OrganizationFacts organization);

    public abstract string WhoMayPost { get; }

    public OrganizationFacts RequirePoster(OrganizationFacts organization) =>
        MayPost(organization) ? organization : throw new ForbiddenException(WhoMayPost);

    public abstract Task<Listing?> FindAsync(PlatformDbContext db, Guid id, bool tracking, CancellationToken cancellationToken);

    public abstract Task<List<Listing>> SubmittedAsync(PlatformDbContext db, int max, CancellationToken cancellationToken);

    public abstract Task<List<OwnListing>> OfOrganizationAsync(PlatformDbContext db, Guid organizationId, int max, CancellationToken cancellationToken);

    // The typed operations behind the pages that take the kind as a string (list, detail).
    public abstract Task<ListingPage<ListingSummary>> ListSummariesAsync(ListListingsHandler lists, ListingFilter filter, CancellationToken cancellationToken);

    public abstract Task<ListingDetail> DetailAsync(ManageListingHandler handler, Guid id, CancellationToken cancellationToken);
}

// What every kind's API response carries (the responses differ otherwise).
internal interface IListingResponse
{
    Guid Id { get; }
}

// The OpenAPI summaries that differ between the kinds (who posts it, which filters its list takes).
internal sealed record ListingApiText(string Create, string Get, string List, string Export);

internal abstract class ListingKindDefinition<TEntity, TRequest, TResponse> : ListingKindDefinition
    where TEntity : Listing
    where TResponse : IListingResponse
{
    public abstract ListingApiText ApiText { get; }

    public abstract TEntity New(OrganizationFacts owner, DateTimeOffset now);

    // Every broken rule of the request at once, under the request's field names.
    public abstract Task<Validation> ValidateAsync(TRequest request, TEntity target, ListingEditContext context, CancellationToken cancellationToken);

    // Copies a validated request onto the listing.
    public abstract void Apply(TEntity target, TRequest request, ListingEditContext context);

    public abstract TResponse ToResponse(TEntity listing, OrganizationFacts? owner, ListingView view);

    // The kind's own list filters (sector, field, industry, region), after the status and owner filters.
    public abstract Task<IQueryable<TEntity>> FilterAsync(IQueryable<TEntity> query, ListingFilter filter, ListingViewer viewer, bool member, CancellationToken cancellationToken);

    public abstract ListingSummary Summarize(TEntity listing, TResponse response);

    public abstract string[] CsvHeader { get; }

    public abstract string?[] CsvFields(TResponse response);

    public override async Task<Listing?> FindAsync(PlatformDbContext db, Guid id, bool tracking, CancellationToken cancellationToken)
    {
        var set = tracking ? db.Set<TEntity>() : db.Set<TEntity>().AsNoTracking();
        return await set.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
    }

    public override async Task<List<Listing>> SubmittedAsync(PlatformDbContext db, int max, CancellationToken cancellationToken) =>
        [.. await db.Set<TEntity>().AsNoTracking().Where(l => l.Status == ListingStatus.Submitted).OrderBy(l => l.SubmittedAt).Take(max).ToListAsync(cancellationToken)];

    public override async Task<List<OwnListing>> OfOrganizationAsync(PlatformDbContext db, Guid organizationId, int max, CancellationToken cancellationToken) =>
        (await db.Set<TEntity>().AsNoTracking().Where(l => l.OrganizationId == organizationId).OrderByDescending(l => l.UpdatedAt).Take(max).ToListAsync(cancellationToken))
            .Select(l => new OwnListing(Name, l.Id, l.Title, l.Status.ToString(), l.StatusReason, l.ExpiresAt, l is TechnologyDemand { IsOpenCall: true })).ToList();

    public override async Task<ListingPage<ListingSummary>> ListSummariesAsync(ListListingsHandler lists, ListingFilter filter, CancellationToken cancellationToken)
    {
        var (total, page, size, items) = await lists.PageAsync(this, filter, cancellationToken);
        return new ListingPage<ListingSummary>(total, page, size, items.Select(i => Summarize(i.Listing, i.Response)).ToList());
    }

    public override Task<ListingDetail> DetailAsync(ManageListingHandler handler, Guid id, CancellationToken cancellationToken) =>
        handler.DetailAsync(this, id, cancellationToken);
}
