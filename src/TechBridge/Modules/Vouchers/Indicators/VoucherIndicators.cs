using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Modules.Vouchers.Data;

namespace TechBridge.Modules.Vouchers.Indicators;

// The voucher figure of plan monitoring: the amount of Hebei's vouchers paid out (redemptions posted to the ledger)
// per year, in 万元, by the Beijing date of posting; by region: where the enterprise that spent the voucher is. A
// redemption reversed later no longer counts (its status is no longer Posted).
internal sealed class VoucherIndicators(PlatformDbContext db, TimeProvider clock) : IIndicatorSource
{
    public IReadOnlyList<string> Keys { get; } = [IndicatorKeys.VoucherRedemptions];

    public async Task<IndicatorReading> ReadAsync(string key, IndicatorRequest request, CancellationToken cancellationToken = default)
    {
        var points = new List<IndicatorPoint>();
        IReadOnlyDictionary<string, double> byRegion = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var year = request.FromYear; year <= request.Today.Year; year++)
        {
            var (start, end) = YearBounds(year);
            var posted = from r in db.Set<Redemption>().AsNoTracking()
                         join u in db.Set<VoucherUse>() on r.UseId equals u.Id
                         join v in db.Set<Voucher>() on u.VoucherId equals v.Id
                         join p in db.Set<VoucherProgram>() on r.ProgramId equals p.Id
                         where r.Status == RedemptionStatus.Posted && r.PostedAt >= start && r.PostedAt < end && p.JurisdictionCode.StartsWith("13")
                         select new { Region = v.EnterpriseRegionCode, r.AmountFen };
            var fen = await posted.SumAsync(p => (long?)p.AmountFen, cancellationToken) ?? 0;
            points.Add(new IndicatorPoint(year, fen / 1_000_000.0, year == request.Today.Year));
            if (year == request.Today.Year)
            {
                byRegion = (await posted.GroupBy(p => p.Region).Select(g => new { g.Key, Fen = g.Sum(p => p.AmountFen) }).ToListAsync(cancellationToken))
                    .ToDictionary(r => r.Key, r => r.Fen / 1_000_000.0, StringComparer.Ordinal);
            }
        }

        return new IndicatorReading(points, byRegion,
            "河北省各级创新券项目已兑付（已记账且未冲回）的创新券金额，按记账日期（北京时间）逐年合计，单位万元；按使用创新券的企业所在地区分，由创新券模块计算",
            "Amount of vouchers of Hebei's programs paid out (posted to the ledger and not reversed), per year by the Beijing date of posting, in 10,000 yuan; by the region of the enterprise that spent the voucher; computed by the Vouchers module",
            clock.GetUtcNow());
    }

    // Beijing time has had no daylight saving since 1991.
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static (DateTimeOffset From, DateTimeOffset To) YearBounds(int year) =>
        (new DateTimeOffset(year, 1, 1, 0, 0, 0, ChinaOffset).ToUniversalTime(), new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, ChinaOffset).ToUniversalTime());
}
