using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Listings.ReviewListings;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Admin;

// /Admin/ListingReview: the submitted listings of the admin's jurisdictions; tick several and approve or reject them
// at once (a rejection needs a reason); each item's result is shown. The same handler as /api/v1/listings/review.
[Authorize(Roles = Roles.Admin)]
internal sealed class ListingReviewModel(ReviewListingsHandler review) : PageModel
{
    public IReadOnlyList<ReviewQueueItem> Queue { get; private set; } = [];

    public IReadOnlyList<ReviewItemResult> Results { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string[] selected, string decision, string? reason, CancellationToken cancellationToken)
    {
        var items = selected.OfType<string>().Select(s => s.Split(':')).Where(p => p.Length == 2 && Guid.TryParse(p[1], out _)).Select(p => new ReviewItem(p[0], Guid.Parse(p[1]))).Take(ReviewListingsHandler.MaxBulkItems).ToList();
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
            try
            {
                Results = (await review.ReviewAsync(new BulkReviewRequest(decision, reason, items), cancellationToken)).Results;
            }
            catch (ProblemException problem)
            {
                Message = problem.Message;
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Queue = (await review.QueueAsync(null, cancellationToken)).Items;
        }
        catch (ForbiddenException)
        {
            Queue = [];
        }
    }
}
