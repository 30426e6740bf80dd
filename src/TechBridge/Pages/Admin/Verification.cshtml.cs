using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.VerifyOrganization;

namespace TechBridge.Pages.Admin;

// Pending organizations in the admin's jurisdictions with what each applicant declared and its licence inline; tick
// several and verify them, or reject them with one reason; the page then says what happened to each. The auditor
// reads the queue without the decision controls. The same handler as /api/v1/organizations/verification-decisions.
[Authorize(Roles = Roles.AdminOrAuditor)]
internal sealed class VerificationModel(VerifyOrganizationHandler handler, IAccess access) : PageModel, IReloadAfterProblem
{
    public IReadOnlyList<VerificationQueueItem> Pending { get; private set; } = [];

    public IReadOnlyList<VerificationItemResult> Results { get; private set; } = [];

    public bool Verified { get; private set; }

    // Only an admin holding the verification grant decides; the auditor (and an admin without the grant) reads.
    public bool CanDecide { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    // The handler checks the choice (1 to 100 organizations, a reason to reject); a refusal comes back as errors on
    // this page through the page filter.
    public async Task<IActionResult> OnPostAsync(List<Guid>? ids, string? decision, string? reason, CancellationToken cancellationToken)
    {
        Verified = decision != "reject";
        Results = await handler.DecideManyAsync(ids ?? [], Verified, reason, cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Pending = await handler.QueueAsync(cancellationToken);
            CanDecide = !access.ReadsEverything;
        }
        catch (ForbiddenException)
        {
            // An admin without a verification grant sees an empty queue, as before.
            Pending = [];
        }
    }
}
