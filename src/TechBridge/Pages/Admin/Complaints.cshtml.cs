using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Engagements.Complaints;

namespace TechBridge.Pages.Admin;

// /Admin/Complaints: open complaints about orders of providers in the admin's jurisdictions; each is resolved once
// with an outcome code and text. A second resolution of the same complaint gets the error page saying so.
[Authorize(Roles = Roles.AdminOrAuditor)]
internal sealed class ComplaintsModel(ComplaintsHandler desk) : PageModel, IReloadAfterProblem
{
    public IReadOnlyList<ComplaintResponse> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await desk.QueueAsync(openOnly: true, cancellationToken);

    public Task ReloadAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, string? outcomeCode, string? outcome, CancellationToken cancellationToken)
    {
        await desk.ResolveAsync(id, new ResolutionRequest(outcomeCode, outcome), cancellationToken);
        return RedirectToPage();
    }
}
