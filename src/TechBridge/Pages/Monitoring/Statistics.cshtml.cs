using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Monitoring.KpiBoard;
using TechBridge.Modules.Monitoring.Statistics;

namespace TechBridge.Pages.Monitoring;

// /Monitoring/Statistics: the official series shipped with the app for Beijing, Tianjin, Hebei and the country, each
// with its source and its definition (输出 by seller / 吸纳 by buyer).
[Authorize]
internal sealed class StatisticsModel : PageModel
{
    public IReadOnlyList<string> Provinces { get; } = ["全国", "北京", "天津", "河北"];

    public IReadOnlyList<OfficialSeries> Series { get; } = KpiBoardHandler.OfficialSeries;
}

