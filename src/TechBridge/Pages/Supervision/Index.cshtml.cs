using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Supervision.Board;

namespace TechBridge.Pages.Supervision;

// /Supervision: the leading group's board — every task of the plan with status, last report and overdue milestones,
// filterable by responsible agency and city.
[Authorize]
internal sealed class IndexModel(SupervisionHandler handler, IReferenceData reference) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];

    public IReadOnlyList<RegionChoice> Cities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Tasks = await handler.BoardAsync(Agency, string.IsNullOrWhiteSpace(City) ? null : City, cancellationToken);
        Agencies = await handler.AgenciesAsync(cancellationToken);
        Cities = (await reference.RegionChoicesAsync(cancellationToken)).Where(c => c.Province == Jurisdictions.Hebei && c.Code.Length == 4).ToList();
    }
}
