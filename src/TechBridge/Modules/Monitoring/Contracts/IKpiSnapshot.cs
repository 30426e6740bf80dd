namespace TechBridge.Modules.Monitoring.Contracts;

// The KPIs against their targets, for other modules' documents (Supervision's review pack).
internal interface IKpiSnapshot
{
    Task<IReadOnlyList<KpiStatusRow>> CurrentAsync(CancellationToken cancellationToken = default);
}

// Status: achieved, on-track, at-risk, off-track or not-assessable; Unit: count, percent or hundred-million-yuan.
internal sealed record KpiStatusRow(string Code, string NameZh, string NameEn, string Unit, double? Latest, int? LatestYear, double? Target, int? TargetYear,
    double? LinearForecast, double? CagrForecast, string Status, string? NotComputableZh, string? NotComputableEn);
