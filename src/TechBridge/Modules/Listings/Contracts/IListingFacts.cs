using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ManageListing;

namespace TechBridge.Modules.Listings.Contracts;

// Kind is "offering", "demand" or "achievement". JurisdictionRegion decides which admins oversee the listing;
// IdentityHidden is true for an anonymous demand whose enterprise has not been revealed.
internal sealed record ListingFacts(string Kind, Guid Id, Guid OrganizationId, string Title, bool IsPublished, string JurisdictionRegion, bool IdentityHidden);

// A proposal the demand's owner selected in an open call: what a service order made from it needs. DemandIdentityHidden:
// the demand is anonymous and its enterprise unrevealed, so the proposer must not learn who it is.
internal sealed record SelectedProposalFacts(Guid ProposalId, Guid DemandId, string DemandTitle, Guid DemandOrganizationId, Guid ProposalOrganizationId, long PriceFen, string Approach, bool DemandIdentityHidden);

// What other modules (Engagements) read about listings; the entities stay inside Listings.
internal interface IListingFacts
{
    Task<ListingFacts?> FindAsync(string kind, Guid id, CancellationToken cancellationToken = default);

    // Null unless the proposal exists and was selected.
    Task<SelectedProposalFacts?> FindSelectedProposalAsync(Guid proposalId, CancellationToken cancellationToken = default);
}

internal sealed class ListingFactsReader(PlatformDbContext db) : IListingFacts
{
    public async Task<ListingFacts?> FindAsync(string kind, Guid id, CancellationToken cancellationToken = default)
    {
        var listing = ListingKinds.Find(kind) is { } definition ? await definition.FindAsync(db, id, tracking: false, cancellationToken) : null;
        return listing is null ? null : new ListingFacts(ListingNames.Of(listing.Kind), listing.Id, listing.OrganizationId, listing.Title,
            listing.Status == ListingStatus.Published, listing.JurisdictionRegion, listing is TechnologyDemand { IdentityHidden: true });
    }

    public async Task<SelectedProposalFacts?> FindSelectedProposalAsync(Guid proposalId, CancellationToken cancellationToken = default)
    {
        var row = await (from p in db.Set<Proposal>().AsNoTracking()
                         join d in db.Set<TechnologyDemand>().AsNoTracking() on p.DemandId equals d.Id
                         where p.Id == proposalId && p.Status == ProposalStatus.Selected
                         select new SelectedProposalFacts(p.Id, d.Id, d.Title, d.OrganizationId, p.OrganizationId, p.PriceFen, p.Approach,
                             d.Visibility == DemandVisibility.Anonymous && d.IdentityRevealedAt == null))
            .FirstOrDefaultAsync(cancellationToken);
        return row;
    }
}
