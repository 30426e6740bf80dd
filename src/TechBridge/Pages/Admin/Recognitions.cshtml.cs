using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Recognitions;

namespace TechBridge.Pages.Admin;

// /Admin/Recognitions: the recognitions in the admin's jurisdictions (pending first), filtered by kind, level, status
// and region; tick several to confirm them or revoke them with a reason, and the page says what happened to each.
// The auditor reads without the controls. The same handler as /api/v1/recognitions/decisions.
[Authorize(Roles = Roles.AdminOrAuditor)]
internal sealed class RecognitionsModel(ListRecognitionsHandler handler, ReviewRecognitionHandler review, IReferenceData reference, IAccess access) : PageModel, IReloadAfterProblem
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    public IReferenceData Reference => reference;

    public IReadOnlyList<RecognitionResponse> Rows { get; private set; } = [];

    public IReadOnlyList<RecognitionItemResult> Results { get; private set; } = [];

    public bool Confirmed { get; private set; }

    public bool CanDecide { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(List<Guid>? ids, string? decision, string? reason, CancellationToken cancellationToken)
    {
        Confirmed = decision != "revoke";
        Results = await review.DecideManyAsync(ids ?? [], Confirmed, reason, cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rows = await handler.AdminListAsync(Kind, Level, Status, Region, cancellationToken);
        CanDecide = !access.ReadsEverything
            && (await access.JurisdictionsWithAsync(DirectoryPermissions.ManageRecognitions, cancellationToken)).Count > 0;
    }
}
