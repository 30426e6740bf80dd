using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ManageAchievements;
using TechBridge.Modules.Listings.ManageDemands;
using TechBridge.Modules.Listings.ManageOfferings;
using TechBridge.Platform.Persistence;

namespace TechBridge.Pages.Listings;

// /Listings/Detail?kind=&id=: one listing, with the same visibility rules as the API (published for everyone).
internal sealed class DetailModel(PlatformDbContext db, ListingViewer viewer, IOrganizationFacts facts, IReferenceData reference) : PageModel
{
    public OfferingResponse? Offering { get; private set; }

    public DemandResponse? Demand { get; private set; }

    public AchievementResponse? Achievement { get; private set; }

    public IReferenceData Reference => reference;

    // Only the posting enterprise's members compare an open call's proposals.
    public bool CanCompare { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? kind, Guid id, CancellationToken cancellationToken)
    {
        Listing? listing = ListingNames.ParseKind(kind) switch
        {
            ListingKind.Offering => await db.Set<ServiceOffering>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken),
            ListingKind.Demand => await db.Set<TechnologyDemand>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken),
            ListingKind.Achievement => await db.Set<TechnologyAchievement>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken),
            _ => null,
        };
        if (listing is null || !await viewer.SeesAsync(listing, cancellationToken))
        {
            return NotFound();
        }

        var owner = await facts.FindAsync(listing.OrganizationId, cancellationToken);
        switch (listing)
        {
            case ServiceOffering o:
                Offering = ManageOfferingsEndpoints.ToResponse(o, owner, maskPhone: false);
                break;
            case TechnologyDemand d:
                var sees = await viewer.SeesIdentityAsync(d, cancellationToken);
                Demand = ManageDemandsEndpoints.ToResponse(d, sees ? owner : null, sees);
                CanCompare = d.IsOpenCall && await viewer.IsMemberAsync(d.OrganizationId, cancellationToken);
                break;
            case TechnologyAchievement a:
                Achievement = ManageAchievementsEndpoints.ToResponse(a, owner);
                break;
            default:
                break;
        }

        return Page();
    }
}
