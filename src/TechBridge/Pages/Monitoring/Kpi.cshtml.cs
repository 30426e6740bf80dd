using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Modules.Monitoring.ExportKpis;
using TechBridge.Modules.Monitoring.KpiBoard;
using TechBridge.Modules.Monitoring.ManageKpis;
using TechBridge.Platform.Files;

namespace TechBridge.Pages.Monitoring;

// /Monitoring/Kpi/{code}: one KPI — definition and formula, value against target with both forecasts, every value's
// provenance, the breakdown by city and region group, context series; admins set targets, agencies report values.
[Authorize]
internal sealed class KpiModel(KpiBoardHandler board, ManageKpisHandler manage, KpiExportHandler export, IAccess access, IOrganizationFacts organizations, FileStore files)
    : PageModel, IReloadAfterProblem
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public KpiDetail Detail { get; private set; } = null!;

    public bool MayManage { get; private set; }

    public bool MayReport { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Detail = await board.GetAsync(Code, cancellationToken);
        MayManage = await access.HasPermissionAsync(MonitoringPermissions.ManageKpis, Jurisdictions.Hebei, cancellationToken);
        var memberships = await organizations.MembershipsOfAsync(access.UserId, cancellationToken);
        MayReport = Detail.Summary.SourceKind == "reported" && (MayManage || memberships.Any(m => m.Type == OrganizationType.GovernmentAgency && m.IsVerified));
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var file = await export.KpiAsync(Code, format, cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostTargetAsync(int? year, double? value, string? source, CancellationToken cancellationToken)
    {
        await manage.SetTargetAsync(Code, new SetTargetRequest(year, value, source), cancellationToken);
        return RedirectToPage(new { Code });
    }

    public async Task<IActionResult> OnPostReportAsync(int? year, double? value, string? regionCode, string? source, IFormFile? evidence, CancellationToken cancellationToken)
    {
        var sha = evidence is { Length: > 0 } ? (await files.SaveAsync(evidence, "evidenceSha256", cancellationToken)).Sha256 : null;
        await manage.ReportAsync(Code, new ReportValueRequest(year, value, regionCode, source, sha), cancellationToken);
        return RedirectToPage(new { Code });
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        await manage.ConfirmAsync(id, cancellationToken);
        return RedirectToPage(new { Code });
    }
}
