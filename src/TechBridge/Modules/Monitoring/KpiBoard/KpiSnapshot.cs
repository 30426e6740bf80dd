using TechBridge.Modules.Monitoring.Contracts;

namespace TechBridge.Modules.Monitoring.KpiBoard;

internal sealed class KpiSnapshot(KpiBoardHandler board) : IKpiSnapshot
{
    public async Task<IReadOnlyList<KpiStatusRow>> CurrentAsync(CancellationToken cancellationToken = default) =>
        (await board.ListAsync(cancellationToken)).Select(k => new KpiStatusRow(k.Code, k.NameZh, k.NameEn, k.Unit, k.Latest, k.LatestYear, k.Target, k.TargetYear,
            k.LinearForecast, k.CagrForecast, k.Status, k.NotComputableZh, k.NotComputableEn)).ToList();
}
