using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.ReviewListings;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Admin;

// /Admin/ListingReview: the submitted listings of the admin's jurisdictions; tick several and approve or reject them
// at once (a rejection needs a reason); each item's result is shown.
[Authorize(Roles = Roles.Admin)]
internal sealed class ListingReviewModel(PlatformDbContext db, IAccess access, IOrganizationFacts facts, ListingLifecycle lifecycle) : PageModel
{
    public IReadOnlyList<ReviewQueueItem> Queue { get; private set; } = [];

    public IReadOnlyList<ReviewItemResult> Results { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string[] selected, string decision, string? reason, CancellationToken cancellationToken)
    {
        var items = selected.Select(s => s.Split(':')).Where(p => p.Length == 2 && Guid.TryParse(p[1], out _)).Select(p => new ReviewItem(p[0], Guid.Parse(p[1]))).Take(ReviewListingsEndpoints.MaxBulkItems).ToList();
        if (items.Count == 0)
        {
            Message = "Select at least one listing.";
        }
        else if (decision == "reject" && string.IsNullOrWhiteSpace(reason))
        {
            Message = "A rejection needs a reason.";
        }
        else
        {
            Results = await ReviewListingsEndpoints.ReviewAsync(items, decision == "approve", reason, lifecycle, cancellationToken);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Queue = await ReviewListingsEndpoints.LoadQueueAsync(null, access, facts, db, cancellationToken);
        }
        catch (ForbiddenException)
        {
            Queue = [];
        }
    }
}
