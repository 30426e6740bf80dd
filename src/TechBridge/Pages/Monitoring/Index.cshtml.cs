using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Modules.Monitoring.ExportKpis;
using TechBridge.Modules.Monitoring.KpiBoard;

namespace TechBridge.Pages.Monitoring;

// /Monitoring: the leading group's dashboard — each KPI of the plan as a card (value, target, status), the 2022 goals
// as milestones, and the exports.
[Authorize]
internal sealed class IndexModel(KpiBoardHandler board, KpiExportHandler export, IAccess access) : PageModel
{
    public IReadOnlyList<KpiSummary> Kpis { get; private set; } = [];

    public IReadOnlyList<GoalView> Goals { get; private set; } = [];

    public bool MayManage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Kpis = await board.ListAsync(cancellationToken);
        Goals = await board.GoalsAsync(cancellationToken);
        MayManage = await access.HasPermissionAsync(MonitoringPermissions.ManageKpis, Jurisdictions.Hebei, cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var file = await export.KpisAsync(format, cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
