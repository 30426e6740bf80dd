using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.ListListings;
using TechBridge.Modules.Listings.ManageListing;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Listings;

// /Listings/Mine: every listing of the organization the user acts for (the switcher's choice, else their first
// membership), with submit, close and renew buttons (the same handler as POST /api/v1/{kind}s/{id}/{action}).
[Authorize]
internal sealed class MineModel(ActorContext actor, IOrganizationFacts facts, ListListingsHandler lists, ChangeListingStatusHandler statuses) : PageModel
{
    public OrganizationFacts? Organization { get; private set; }

    public IReadOnlyList<OwnListing> Rows { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string kind, Guid id, string action, CancellationToken cancellationToken)
    {
        Organization = await ListingForms.ActAsync(actor, facts, cancellationToken);
        if (Organization is null)
        {
            return NotFound();
        }

        try
        {
            await statuses.OwnerChangeAsync(kind, id, action, cancellationToken);
            return RedirectToPage();
        }
        catch (InvalidRequestException)
        {
            return BadRequest();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ProblemException problem)
        {
            Message = problem.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Message = "The item was changed by someone else; reload and try again.";
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Organization = await ListingForms.ActAsync(actor, facts, cancellationToken);
        if (Organization is not null)
        {
            Rows = await lists.OfOrganizationAsync(Organization.Id, cancellationToken);
        }
    }
}
