using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Engagements.Complaints;

namespace TechBridge.Pages.Admin;

// /Admin/Complaints: open complaints about orders of providers in the admin's jurisdictions, oldest first, a page at a
// time (the query filters by jurisdiction and pages, so none is out of reach); each is resolved once with an outcome
// code and text. A second resolution of the same complaint gets the error page saying so.
[Authorize(Roles = Roles.AdminOrAuditor)]
internal sealed class ComplaintsModel(ComplaintsHandler desk) : PageModel, IReloadAfterProblem
{
    public const int DefaultPageSize = 50;

    public IReadOnlyList<ComplaintResponse> Queue { get; private set; } = [];

    public int Total { get; private set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageSize { get; set; }

    public QueuePager Pager => new("/Admin/Complaints", Math.Max(PageNumber ?? 1, 1), PageSize ?? DefaultPageSize, DefaultPageSize, Total);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A number out of range in the address shows the nearest page rather than an error.
        PageNumber = Math.Clamp(PageNumber ?? 1, 1, TechBridge.Platform.Input.Paging.MaxPage);
        PageSize = Math.Clamp(PageSize ?? DefaultPageSize, 1, ComplaintsHandler.QueuePageSize);
        (Total, Queue) = await desk.QueuePageAsync(openOnly: true, PageNumber, PageSize, cancellationToken);
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, string? outcomeCode, string? outcome, CancellationToken cancellationToken)
    {
        await desk.ResolveAsync(id, new ResolutionRequest(outcomeCode, outcome), cancellationToken);
        return RedirectToPage(new { p = PageNumber, pageSize = PageSize == DefaultPageSize ? null : PageSize });
    }
}
