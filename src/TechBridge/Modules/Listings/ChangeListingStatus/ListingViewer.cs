using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Modules.Listings.Data;

namespace TechBridge.Modules.Listings.ChangeListingStatus;

// What the caller of this request may see: drafts of their own organizations, listings under review in their
// jurisdictions, the identity behind an anonymous demand (owner, brokers, admins of the demand's jurisdiction).
internal sealed class ListingViewer(ActorContext actor, IAccess access, IOrganizationFacts facts)
{
    private HashSet<Guid>? memberships;
    private IReadOnlyList<string>? jurisdictions;

    public bool SignedIn => actor.UserId is not null;

    public bool IsBroker => SignedIn && access.IsInRole(Roles.Broker);

    public async Task<bool> IsMemberAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        if (actor.UserId is not { } userId)
        {
            return false;
        }

        memberships ??= (await facts.MembershipsOfAsync(userId, cancellationToken)).Select(o => o.Id).ToHashSet();
        return memberships.Contains(organizationId);
    }

    public async Task<IReadOnlyList<string>> ReviewJurisdictionsAsync(CancellationToken cancellationToken)
    {
        if (!SignedIn)
        {
            return [];
        }

        return jurisdictions ??= await access.JurisdictionsWithAsync(ListingsPermissions.ReviewListings, cancellationToken);
    }

    public async Task<bool> MayReviewAsync(string regionCode, CancellationToken cancellationToken) =>
        (await ReviewJurisdictionsAsync(cancellationToken)).Any(j => Jurisdictions.Covers(j, regionCode));

    // Unpublished listings are visible to the owner's members and the reviewing admins only.
    public async Task<bool> SeesAsync(Listing listing, CancellationToken cancellationToken) =>
        listing.Status == ListingStatus.Published
        || await IsMemberAsync(listing.OrganizationId, cancellationToken)
        || await MayReviewAsync(listing.JurisdictionRegion, cancellationToken);

    // Only an anonymous demand hides who posted it.
    public async Task<bool> SeesIdentityAsync(Listing listing, CancellationToken cancellationToken) =>
        listing is not TechnologyDemand demand
        || !demand.IdentityHidden
        || IsBroker
        || await IsMemberAsync(demand.OrganizationId, cancellationToken)
        || await MayReviewAsync(demand.RegionCode, cancellationToken);
}
