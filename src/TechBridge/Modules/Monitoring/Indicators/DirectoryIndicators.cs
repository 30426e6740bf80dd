using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Monitoring.Indicators;

// The plan's counted recognitions and groups as live indicators. The counting is the Directory's own
// (Directory/Facts/PlanCountsReader.cs, read through IPlanCounts): the foundation names no business module, so this
// adapter, not the Directory, implements Monitoring's extension point. Each year's point is the count in force on
// 31 December; the current year's is the count today.
internal sealed class DirectoryIndicators(IPlanCounts counts, TimeProvider clock) : IIndicatorSource
{
    private static readonly Dictionary<string, (PlanCountKind Kind, string Zh, string En)> Map = new(StringComparer.Ordinal)
    {
        [IndicatorKeys.LeadingEnterprises] = (PlanCountKind.LeadingEnterprises, "已确认的“领军/龙头企业”认定", "confirmed leading-enterprise recognitions"),
        [IndicatorKeys.NewRdInstitutions] = (PlanCountKind.NewRdInstitutions, "已确认的“新型研发机构”认定", "confirmed new-type R&D institution recognitions"),
        [IndicatorKeys.HighTechServiceEnterprises] = (PlanCountKind.HighTechServiceEnterprises, "已确认的“高新技术企业”认定中属于十大科技服务领域的机构", "organizations in the ten sci-tech service sectors with a confirmed high-tech enterprise recognition"),
        [IndicatorKeys.ServiceClusters] = (PlanCountKind.ServiceClusters, "登记的科技服务集聚区", "registered sci-tech service clusters"),
        [IndicatorKeys.InnovationAlliances] = (PlanCountKind.InnovationAlliances, "登记的产业技术创新联盟", "registered industrial technology innovation alliances"),
        [IndicatorKeys.InternationalCooperationBases] = (PlanCountKind.InternationalCooperationBases, "已确认的国家级、省级“国际科技合作基地”认定", "confirmed national or provincial international S&T cooperation bases"),
        [IndicatorKeys.NationalRdPlatforms] = (PlanCountKind.NationalRdPlatforms, "已确认的国家级重点实验室、工程技术研究中心、技术创新中心认定", "confirmed national key labs, engineering and technology innovation centres"),
    };

    public IReadOnlyList<string> Keys { get; } = [.. Map.Keys];

    public async Task<IndicatorReading> ReadAsync(string key, IndicatorRequest request, CancellationToken cancellationToken = default)
    {
        var (kind, zh, en) = Map[key];
        var today = BeijingTime.Format(request.Today, System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));
        var dates = Enumerable.Range(request.FromYear, Math.Max(0, request.Today.Year - request.FromYear))
            .Select(y => new DateOnly(y, 12, 31))
            .Append(request.Today)
            .ToList();
        var results = await counts.CountAsync(kind, dates, cancellationToken);
        var points = results.Select(r => new IndicatorPoint(r.Date.Year, r.Total, r.Date == request.Today && r.Date.Month * 100 + r.Date.Day != 1231)).ToList();
        var latest = results[^1];
        return new IndicatorReading(
            points,
            latest.ByRegion.ToDictionary(r => r.Key, r => (double)r.Value, StringComparer.Ordinal),
            $"{zh}：河北省内每年 12 月 31 日有效的数量（当年截至 {today}），由目录模块计算",
            $"{en}: those in force in Hebei on 31 December of each year (this year: up to {request.Today:yyyy-MM-dd}), computed by the Directory",
            clock.GetUtcNow());
    }
}
