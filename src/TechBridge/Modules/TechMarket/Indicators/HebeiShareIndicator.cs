using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Modules.TechMarket.Flows;

namespace TechBridge.Modules.TechMarket.Indicators;

// The plan's 10% KPI, computed where the registered contracts are: per year (this year to date) Hebei's share of
// Beijing–Tianjin output on contract value, in percent; by Hebei city, each city's part of that share; beside it the
// same ratio on the technology transaction amount.
internal sealed class HebeiShareIndicator(FlowStatistics flows, TimeProvider clock) : IIndicatorSource
{
    public IReadOnlyList<string> Keys { get; } = [IndicatorKeys.HebeiShareOfBeijingTianjinOutput];

    public async Task<IndicatorReading> ReadAsync(string key, IndicatorRequest request, CancellationToken cancellationToken = default)
    {
        var points = new List<IndicatorPoint>();
        for (var year = request.FromYear; year <= request.Today.Year; year++)
        {
            var share = await flows.HebeiShareAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 1), cancellationToken);
            if (share.Share is { } value)
            {
                points.Add(new IndicatorPoint(year, (double)(value * 100), year == request.Today.Year));
            }
        }

        var thisYear = new DateOnly(request.Today.Year, 1, 1);
        var latestYear = points.Count > 0 ? new DateOnly(points[^1].Year, 1, 1) : thisYear;
        var matrix = await flows.MatrixAsync(latestYear, new DateOnly(latestYear.Year, 12, 1), "city", cancellationToken);
        var denominator = matrix.HebeiShare.DenominatorFen;
        var byCity = denominator == 0
            ? new Dictionary<string, double>(StringComparer.Ordinal)
            : matrix.Cells.Where(c => c.Seller is "11" or "12" && c.Buyer.StartsWith("13", StringComparison.Ordinal) && c.Buyer.Length == 4)
                .GroupBy(c => c.Buyer)
                .ToDictionary(g => g.Key, g => g.Sum(c => (double)c.ContractValueFen) * 100 / denominator, StringComparer.Ordinal);
        var beside = matrix.HebeiShare.TechnologyShare is { } technology
            ? new[] { new IndicatorAside("按技术交易额计算", "On the technology transaction amount", (double)(technology * 100), "%") }
            : null;
        return new IndicatorReading(points, byCity, HebeiShare.DefinitionZh, HebeiShare.DefinitionEn, clock.GetUtcNow(), beside);
    }
}
