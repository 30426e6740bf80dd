using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.OnboardInstitution;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Admin;

// The admin's review queue: filters (state, region, sector) and bulk approval of institutions whose notice ended.
// Jurisdiction and level checks are the handler's, exactly as for the API.
[Authorize(Roles = Roles.Admin)]
internal sealed class OnboardingModel(Onboarding onboarding) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }

    public IReadOnlyList<ApplicationView> Applications { get; private set; } = [];

    public IReadOnlyList<BulkItemResult> Results { get; private set; } = [];

    public static IReadOnlyList<string> States { get; } = Enum.GetNames<Modules.Directory.Data.InstitutionState>();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Applications = await onboarding.QueueAsync(State, Region, Sector, cancellationToken);

    public async Task<IActionResult> OnPostBulkApproveAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count > 0)
        {
            Results = await onboarding.BulkApproveAsync(ids.Take(200).ToList(), cancellationToken);
        }

        Applications = await onboarding.QueueAsync(State, Region, Sector, cancellationToken);
        return Page();
    }
}
