using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Modules.Monitoring.ExportKpis;
using TechBridge.Modules.Monitoring.KpiBoard;
using TechBridge.Modules.Monitoring.ManageKpis;
using Microsoft.Extensions.Localization;
using TechBridge.Platform.Files;
using TechBridge.Platform.Localization;
using TechBridge.Platform.Web;

namespace TechBridge.Pages.Monitoring;

// /Monitoring/Kpi/{code}: one KPI — definition and formula, value against target with both forecasts, every value's
// provenance, the breakdown by city and region group, context series; admins set targets, agencies report values.
[Authorize]
internal sealed class KpiModel(KpiBoardHandler board, ManageKpisHandler manage, KpiExportHandler export, IAccess access, IOrganizationFacts organizations, FileStore files, IStringLocalizer<UiText> t)
    : PageModel, IReloadAfterProblem
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public KpiDetail Detail { get; private set; } = null!;

    public bool MayManage { get; private set; }

    // The trend with the target as a dashed line and both projections dashed from the latest value to the target year.
    public ChartData? Chart { get; private set; }

    public bool MayReport { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Detail = await board.GetAsync(Code, cancellationToken);
        Chart = TrendChart(Detail.Summary, t);
        MayManage = await access.HasPermissionAsync(MonitoringPermissions.ManageKpis, Jurisdictions.Hebei, cancellationToken);
        var memberships = await organizations.MembershipsOfAsync(access.UserId, cancellationToken);
        MayReport = Detail.Summary.SourceKind == "reported" && (MayManage || memberships.Any(m => m.Type == OrganizationType.GovernmentAgency && m.IsVerified));
    }

    public static ChartData? TrendChart(KpiSummary k, IStringLocalizer<UiText> t)
    {
        if (k.Trend.Count == 0)
        {
            return null;
        }

        var first = k.Trend[0].Year;
        var last = Math.Max(k.Trend[^1].Year, k.TargetYear ?? 0);
        var years = Enumerable.Range(first, last - first + 1).ToList();
        decimal? At(int year) => k.Trend.FirstOrDefault(p => p.Year == year) is { } p ? (decimal)p.Value : null;
        var series = new List<ChartSeries> { new(t["Value"], years.Select(At).ToList()) };
        if (k.Target is { } target)
        {
            series.Add(new ChartSeries(t["Target ({0})", k.TargetYear ?? last], years.Select(_ => (decimal?)target).ToList(), Dashed: true));
        }

        var latest = k.Trend[^1];
        if (k.TargetYear is { } ty && ty > latest.Year)
        {
            decimal? Projection(int year, double? forecast) =>
                year == latest.Year ? (decimal)latest.Value : year == ty && forecast is { } f ? (decimal)f : null;
            if (k.LinearForecast is not null)
            {
                series.Add(new ChartSeries(t["Linear trend projection"], years.Select(y => Projection(y, k.LinearForecast)).ToList(), Dashed: true));
            }

            if (k.CagrForecast is not null)
            {
                series.Add(new ChartSeries(t["CAGR projection"], years.Select(y => Projection(y, k.CagrForecast)).ToList(), Dashed: true));
            }
        }

        var unit = k.Unit == "percent" ? "%" : MonitoringText.Unit(t, k.Unit);
        return new ChartData(t["Trend against the target"], unit, ChartKind.Line, years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), series);
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
