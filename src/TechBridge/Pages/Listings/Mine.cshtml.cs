using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.ListListings;
using TechBridge.Modules.Listings.ManageListing;

namespace TechBridge.Pages.Listings;

// /Listings/Mine: every listing of the organization the user acts for (the switcher's choice, else their first
// membership), with submit, close and renew buttons (the same handler as POST /api/v1/{kind}s/{id}/{action}); a
// refused step comes back through the page filter (the reason above the list, or the error page).
[Authorize]
internal sealed class MineModel(ActorContext actor, IOrganizationFacts facts, ListListingsHandler lists, ChangeListingStatusHandler statuses) : PageModel, IReloadAfterProblem
{
    public OrganizationFacts? Organization { get; private set; }

    public IReadOnlyList<OwnListing> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string kind, Guid id, string action, CancellationToken cancellationToken)
    {
        Organization = await ListingForms.ActAsync(actor, facts, cancellationToken);
        if (Organization is null)
        {
            return NotFound();
        }

        await statuses.OwnerChangeAsync(kind, id, action, cancellationToken);
        return RedirectToPage();
    }

    // A refused step (not a step this listing can take now) is shown above the list, which is loaded again.
    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Organization = await ListingForms.ActAsync(actor, facts, cancellationToken);
        if (Organization is not null)
        {
            Rows = await lists.OfOrganizationAsync(Organization.Id, cancellationToken);
        }
    }
}
