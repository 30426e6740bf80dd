using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Listings.ReviewListings;

namespace TechBridge.Pages.Admin;

// /Admin/ListingReview: the submitted listings of the admin's jurisdictions, oldest first, a page at a time (filtered
// and paged by the handler, so every item is reachable); tick several and approve or reject them at once (a rejection
// needs a reason); each item's result is shown. The same handler as /api/v1/listings/review.
[Authorize(Roles = Roles.AdminOrAuditor)]
internal sealed class ListingReviewModel(ReviewListingsHandler review) : PageModel, IReloadAfterProblem
{
    public const int DefaultPageSize = 50;

    public IReadOnlyList<ReviewQueueItem> Queue { get; private set; } = [];

    public int Total { get; private set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageSize { get; set; }

    public QueuePager Pager => new("/Admin/ListingReview", Math.Max(PageNumber ?? 1, 1), PageSize ?? DefaultPageSize, DefaultPageSize, Total);

    public IReadOnlyList<ReviewItemResult> Results { get; private set; } = [];

    public string? Decision { get; private set; }

    // Titles of the queue as it was before the decision, to name the items the results speak of.
    private Dictionary<Guid, string> titles = [];

    public string TitleOf(Guid id) => titles.GetValueOrDefault(id) ?? Queue.FirstOrDefault(q => q.Id == id)?.Title ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    // The handler checks the choice (one to the maximum of items, a reason for a rejection); a refusal comes back as
    // errors on this page through the page filter.
    public async Task<IActionResult> OnPostAsync(string[]? selected, string? decision, string? reason, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        titles = Queue.ToDictionary(q => q.Id, q => q.Title);
        Decision = decision;
        var items = (selected ?? []).Select(s => (s ?? "").Split(':')).Where(p => p.Length == 2 && Guid.TryParse(p[1], out _))
            .Select(p => new ReviewItem(p[0], Guid.Parse(p[1]))).Take(ReviewListingsHandler.MaxBulkItems + 1).ToList();
        Results = (await review.ReviewAsync(new BulkReviewRequest(decision, reason, items), cancellationToken)).Results;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A number out of range in the address shows the nearest page rather than an error.
            PageNumber = Math.Clamp(PageNumber ?? 1, 1, ReviewListingsHandler.MaxPage);
            PageSize = Math.Clamp(PageSize ?? DefaultPageSize, 1, ReviewListingsHandler.DefaultPageSize);
            var page = await review.QueueAsync(null, cancellationToken, PageNumber, PageSize);
            (Total, Queue) = (page.Total, page.Items);
        }
        catch (ForbiddenException)
        {
            Queue = [];
        }
    }
}
