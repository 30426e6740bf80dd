using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Platform.Jobs;
using TechBridge.Platform.Time;

namespace TechBridge.Pages.Admin;

// /Admin/Jobs: background jobs and outbox consumers (the same JobsHandler as /api/v1/admin/jobs). The system admin and
// the auditor see it; only the system admin runs a job now.
[Authorize(Policy = Policies.JobsReader)]
internal sealed class JobsModel(JobsHandler board) : PageModel
{
    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<JobStatus> Jobs { get; private set; } = [];

    public bool MayRun => User.IsInRole(JobsSetup.Runner);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Jobs = await board.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostRunAsync(string name, CancellationToken cancellationToken)
    {
        if (!MayRun)
        {
            return Forbid();
        }

        try
        {
            await board.RunNowAsync(name, cancellationToken);
            Message = "requested";
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return RedirectToPage();
    }

    // Beijing time, as every page shows times.
    public static string Local(DateTimeOffset at) => AdjustableClock.ToChina(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
