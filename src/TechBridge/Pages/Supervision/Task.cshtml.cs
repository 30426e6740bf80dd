using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Supervision.Board;
using TechBridge.Modules.Supervision.Contracts;
using TechBridge.Platform.Files;

namespace TechBridge.Pages.Supervision;

// /Supervision/Task/{id}: a task with its units, milestones, reports and city sub-tasks; its responsible units report
// progress here, its lead unit and the admins add milestones, province admins break it down by city.
[Authorize]
internal sealed class TaskModel(SupervisionHandler handler, IAccess access, IReferenceData reference, FileStore files) : PageModel, IReloadAfterProblem
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public TaskDetail Detail { get; private set; } = null!;

    public bool MayBreakDown { get; private set; }

    public IReadOnlyList<RegionChoice> Cities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Detail = await handler.GetAsync(Id, cancellationToken);
        MayBreakDown = Detail.Task.ParentId is null && await access.HasPermissionAsync(SupervisionPermissions.OverseeTasks, Jurisdictions.Hebei, cancellationToken);
        Cities = (await reference.RegionChoicesAsync(cancellationToken)).Where(c => c.Province == Jurisdictions.Hebei && c.Code.Length == 4).ToList();
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task<IActionResult> OnPostReportAsync(string? text, int? percent, Guid? completedMilestoneId, IFormFile? evidence, CancellationToken cancellationToken)
    {
        var sha = evidence is { Length: > 0 } ? (await files.SaveAsync(evidence, "evidenceSha256", cancellationToken)).Sha256 : null;
        await handler.FileReportAsync(Id, new FileReportRequest(text, percent, sha, null, completedMilestoneId), cancellationToken);
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostMilestoneAsync(string? title, DateOnly? dueOn, CancellationToken cancellationToken)
    {
        await handler.AddMilestoneAsync(Id, new AddMilestoneRequest(title, dueOn), cancellationToken);
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostSubTaskAsync(string? regionCode, string? agencyName, CancellationToken cancellationToken)
    {
        var created = await handler.AddSubTaskAsync(Id, new AddSubTaskRequest(regionCode, agencyName), cancellationToken);
        return RedirectToPage(new { Id = created.Id });
    }
}
