using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Modules.TechMarket.Data;

namespace TechBridge.Modules.TechMarket.Indicators;

// The plan's 10% KPI, computed where the registered contracts are: per year (this year to date) Hebei's share of
// Beijing–Tianjin output on contract value, in percent; by Hebei city, each city's part of that share; beside it the
// same ratio on the technology transaction amount. One GROUP BY in the database (year × seller province × buyer
// city) answers every year at once: with millions of contracts, reading the rows out (as the flows page does for
// one period) would take the dashboard's whole time budget.
internal sealed class HebeiShareIndicator(PlatformDbContext db, TimeProvider clock) : IIndicatorSource
{
    public IReadOnlyList<string> Keys { get; } = [IndicatorKeys.HebeiShareOfBeijingTianjinOutput];

    public async Task<IndicatorReading> ReadAsync(string key, IndicatorRequest request, CancellationToken cancellationToken = default)
    {
        var cells = await Cells(db, new DateOnly(request.FromYear, 1, 1), request.Today).ToListAsync(cancellationToken);
        var fromBeijingTianjin = cells.Where(c => c.Seller is "11" or "12").ToList();
        var points = new List<IndicatorPoint>();
        for (var year = request.FromYear; year <= request.Today.Year; year++)
        {
            var (num, den, _, _) = Sums(fromBeijingTianjin.Where(c => c.Year == year));
            if (Ratio(num, den) is { } share)
            {
                points.Add(new IndicatorPoint(year, (double)(share * 100), year == request.Today.Year));
            }
        }

        var latestYear = points.Count > 0 ? points[^1].Year : request.Today.Year;
        var latest = fromBeijingTianjin.Where(c => c.Year == latestYear).ToList();
        var (_, denominator, techNum, techDen) = Sums(latest);
        var byCity = denominator == 0
            ? new Dictionary<string, double>(StringComparer.Ordinal)
            : latest.Where(c => c.Buyer.StartsWith("13", StringComparison.Ordinal) && c.Buyer.Length == 4 && c.Buyer[2..] != "00")
                .GroupBy(c => c.Buyer)
                .ToDictionary(g => g.Key, g => g.Sum(c => (double)c.TotalFen) * 100 / denominator, StringComparer.Ordinal);
        var beside = Ratio(techNum, techDen) is { } technology
            ? new[] { new IndicatorAside("按技术交易额计算", "On the technology transaction amount", (double)(technology * 100), "%") }
            : null;
        return new IndicatorReading(points, byCity, HebeiShare.DefinitionZh, HebeiShare.DefinitionEn, clock.GetUtcNow(), beside);
    }

    // Registered contracts summed by registration year, seller province (two digits) and buyer city (four digits).
    // The benchmark (bench monitoring) times this query against the same GROUP BY written by hand.
    public static IQueryable<FlowCell> Cells(PlatformDbContext db, DateOnly from, DateOnly to) =>
        db.Set<TechContract>().AsNoTracking()
            .Where(c => c.Status == ContractStatus.Registered && c.RegisteredOn >= from && c.RegisteredOn <= to)
            .GroupBy(c => new { c.RegisteredOn!.Value.Year, Seller = c.SellerRegionCode.Substring(0, 2), Buyer = c.BuyerRegionCode.Substring(0, 4) })
            .Select(g => new FlowCell { Year = g.Key.Year, Seller = g.Key.Seller, Buyer = g.Key.Buyer, TotalFen = g.Sum(c => c.TotalFen), TechnologyFen = g.Sum(c => c.TechnologyAmountFen), Count = g.Count() });

    // Numerator (buyer in Hebei) and denominator on contract value and on the technology amount.
    private static (long Num, long Den, long TechNum, long TechDen) Sums(IEnumerable<FlowCell> cells)
    {
        long num = 0, den = 0, techNum = 0, techDen = 0;
        foreach (var c in cells)
        {
            den += c.TotalFen;
            techDen += c.TechnologyFen;
            if (c.Buyer.StartsWith("13", StringComparison.Ordinal))
            {
                num += c.TotalFen;
                techNum += c.TechnologyFen;
            }
        }

        return (num, den, techNum, techDen);
    }

    // Four decimal places of the ratio (0.0812 = 8.12%), rounded half away from zero — FlowStatistics' rounding.
    private static decimal? Ratio(long numerator, long denominator) =>
        denominator == 0 ? null : decimal.Round((decimal)numerator / denominator, 4, MidpointRounding.AwayFromZero);
}

internal sealed class FlowCell
{
    public int Year { get; init; }

    public required string Seller { get; init; }

    public required string Buyer { get; init; }

    public long TotalFen { get; init; }

    public long TechnologyFen { get; init; }

    public int Count { get; init; }
}
