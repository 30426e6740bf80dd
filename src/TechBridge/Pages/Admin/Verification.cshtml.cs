using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.VerifyOrganization;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Admin;

// Pending organizations in the admin's jurisdictions: open the licence, verify, or reject with a reason.
[Authorize(Roles = Roles.Admin)]
internal sealed class VerificationModel(PlatformDbContext db, IAccess access, VerifyOrganizationHandler handler) : PageModel
{
    public IReadOnlyList<VerificationQueueItem> Pending { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken cancellationToken) =>
        await DecideAsync(() => handler.DecideAsync(id, VerificationStatus.Verified, null, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        await DecideAsync(() =>
        {
            new Validation().Required("reason", reason).MaxLength("reason", reason, 1000).ThrowIfInvalid();
            return handler.DecideAsync(id, VerificationStatus.Rejected, reason!.Trim(), cancellationToken);
        }, cancellationToken);

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
        var jurisdictions = await access.JurisdictionsWithAsync(DirectoryPermissions.VerifyOrganizations, cancellationToken);
        var pending = await db.Set<Organization>().Where(o => o.Verification == VerificationStatus.Pending)
            .Select(o => new VerificationQueueItem(o.Id, o.Kind.ToString(), o.LegalName, o.CreditCode, o.RegionCode, o.EvidenceSha256, o.CreatedAt))
            .ToListAsync(cancellationToken);
        Pending = pending.Where(o => jurisdictions.Any(j => Jurisdictions.Covers(j, o.RegionCode))).OrderBy(o => o.CreatedAt).ToList();
    }
}
