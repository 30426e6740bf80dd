using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Engagements.Complaints;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Admin;

// /Admin/Complaints: open complaints about orders of providers in the admin's jurisdictions; each is resolved once
// with an outcome code and text.
[Authorize(Roles = Roles.Admin)]
internal sealed class ComplaintsModel(ComplaintDesk desk, PlatformDbContext db) : PageModel
{
    public IReadOnlyList<ComplaintResponse> Queue { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Queue = await desk.QueueAsync(openOnly: true, cancellationToken);
            return Page();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? outcomeCode, string? outcome, CancellationToken cancellationToken)
    {
        try
        {
            await desk.ResolveAsync(id, new ResolutionRequest(outcomeCode, outcome), cancellationToken);
            return RedirectToPage();
        }
        catch (ProblemException problem)
        {
            Message = problem.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Message = "Another administrator resolved the complaint first.";
        }

        db.ChangeTracker.Clear();
        return await OnGetAsync(cancellationToken);
    }
}
