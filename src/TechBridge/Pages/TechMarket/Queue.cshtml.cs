using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.TechMarket.ReviewContracts;

namespace TechBridge.Pages.TechMarket;

// /TechMarket/Queue: pending applications of the user's jurisdictions, by deadline, overdue flagged; expert
// reviewers see those under expert review.
[Authorize]
internal sealed class QueueModel(ReviewContractsHandler review) : PageModel
{
    public IReadOnlyList<QueueEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Entries = await review.QueueAsync(cancellationToken);
}
