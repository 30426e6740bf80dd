using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.VerifyOrganization;

namespace TechBridge.Pages.Admin;

// Pending organizations in the admin's jurisdictions: open the licence, verify, or reject with a reason.
[Authorize(Roles = Roles.AdminOrAuditor)]
internal sealed class VerificationModel(VerifyOrganizationHandler handler) : PageModel
{
    public IReadOnlyList<VerificationQueueItem> Pending { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken cancellationToken) =>
        await DecideAsync(() => handler.VerifyAsync(id, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        await DecideAsync(() => handler.RejectAsync(id, reason, cancellationToken), cancellationToken);

    private async Task<IActionResult> DecideAsync(Func<Task> decide, CancellationToken cancellationToken)
    {
        try
        {
            await decide();
            return RedirectToPage();
        }
        catch (ProblemException problem) when (problem is InvalidRequestException or ConflictException)
        {
            Message = problem.Message;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Pending = await handler.QueueAsync(cancellationToken);
        }
        catch (ForbiddenException)
        {
            // An admin without a verification grant sees an empty queue, as before.
            Pending = [];
        }
    }
}
