using System.Globalization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Modules.TechMarket.Data;

namespace TechBridge.Modules.TechMarket.Flows;

internal sealed record FlowRow(string SellerRegionCode, string BuyerRegionCode, long TotalFen, long TechnologyAmountFen, string TypeCode, string FieldCode, DateOnly RegisteredOn);

// Registered contracts counted by seller region (输出) and buyer region (吸纳). The arithmetic is a pure function of
// the rows (Aggregate), so that it is tested on a fixture; the database part only selects the rows.
internal sealed class FlowStatistics(PlatformDbContext db, IReferenceData reference) : ITechnologyFlows
{
    public static readonly string[] Levels = ["province", "city", "group"];

    public const string Elsewhere = "other";

    public async Task<FlowMatrix> MatrixAsync(DateOnly fromMonth, DateOnly toMonth, string level = "province", CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(fromMonth, toMonth, cancellationToken);
        var regions = await RegionsAsync(level, cancellationToken);
        return Aggregate(rows, fromMonth, toMonth, level, regions, reference.RegionGroups);
    }

    public async Task<HebeiShare> HebeiShareAsync(DateOnly fromMonth, DateOnly toMonth, CancellationToken cancellationToken = default) =>
        Share(await RowsAsync(fromMonth, toMonth, cancellationToken));

    public async Task<IReadOnlyList<FlowRow>> RowsAsync(DateOnly fromMonth, DateOnly toMonth, CancellationToken cancellationToken)
    {
        var first = new DateOnly(fromMonth.Year, fromMonth.Month, 1);
        var last = new DateOnly(toMonth.Year, toMonth.Month, 1).AddMonths(1).AddDays(-1);
        return await db.Set<TechContract>().AsNoTracking()
            .Where(c => c.Status == ContractStatus.Registered && c.RegisteredOn >= first && c.RegisteredOn <= last)
            .Select(c => new FlowRow(c.SellerRegionCode, c.BuyerRegionCode, c.TotalFen, c.TechnologyAmountFen, c.TypeCode, c.TechnologyFieldCode, c.RegisteredOn!.Value))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FlowRegion>> RegionsAsync(string level, CancellationToken cancellationToken)
    {
        var list = new List<FlowRegion> { new("11", "北京", "Beijing"), new("12", "天津", "Tianjin") };
        switch (level)
        {
            case "city":
                var codes = Enumerable.Range(1, 11).Select(i => $"13{i:D2}").ToList();
                var names = await reference.RegionNamesAsync(codes, cancellationToken);
                list.AddRange(codes.Select(c => new FlowRegion(c, names.GetValueOrDefault(c, c), CityEnglish.GetValueOrDefault(c, c))));
                break;
            case "group":
                list.AddRange(reference.RegionGroups.Select(g => new FlowRegion(g.Code, g.NameZh, g.NameEn)));
                list.Add(new FlowRegion("13-other", "河北其他地区", "Rest of Hebei"));
                break;
            default:
                list.Add(new FlowRegion("13", "河北", "Hebei"));
                break;
        }

        list.Add(new FlowRegion(Elsewhere, "其他地区", "Elsewhere"));
        return list;
    }

    private static readonly Dictionary<string, string> CityEnglish = new(StringComparer.Ordinal)
    {
        ["1301"] = "Shijiazhuang", ["1302"] = "Tangshan", ["1303"] = "Qinhuangdao", ["1304"] = "Handan", ["1305"] = "Xingtai", ["1306"] = "Baoding",
        ["1307"] = "Zhangjiakou", ["1308"] = "Chengde", ["1309"] = "Cangzhou", ["1310"] = "Langfang", ["1311"] = "Hengshui",
    };

    // The bucket of a region code at a level; Hebei codes in no group of the plan fall into "13-other".
    public static string Bucket(string regionCode, string level, IReadOnlyList<RegionGroup> groups)
    {
        if (regionCode.StartsWith("11", StringComparison.Ordinal) || regionCode.StartsWith("12", StringComparison.Ordinal))
        {
            return regionCode[..2];
        }

        if (!regionCode.StartsWith("13", StringComparison.Ordinal))
        {
            return Elsewhere;
        }

        return level switch
        {
            "city" when regionCode.Length >= 4 => regionCode[..4],
            "city" => "13-other",
            "group" => groups.FirstOrDefault(g => g.RegionCodes.Any(p => regionCode.StartsWith(p, StringComparison.Ordinal)))?.Code ?? "13-other",
            _ => "13",
        };
    }

    public static FlowMatrix Aggregate(IReadOnlyList<FlowRow> rows, DateOnly fromMonth, DateOnly toMonth, string level, IReadOnlyList<FlowRegion> regions, IReadOnlyList<RegionGroup> groups)
    {
        var cells = rows.GroupBy(r => (Seller: Bucket(r.SellerRegionCode, level, groups), Buyer: Bucket(r.BuyerRegionCode, level, groups)))
            .Select(g => new FlowCell(g.Key.Seller, g.Key.Buyer, g.Count(), Sum(g, r => r.TotalFen), Sum(g, r => r.TechnologyAmountFen)))
            .OrderBy(c => Index(regions, c.Seller)).ThenBy(c => Index(regions, c.Buyer)).ToList();
        return new FlowMatrix(
            Month(fromMonth), Month(toMonth), level, regions, cells,
            Breakdown(rows, r => Bucket(r.SellerRegionCode, level, groups)).OrderBy(b => Index(regions, b.Code)).ToList(),
            Breakdown(rows, r => Bucket(r.BuyerRegionCode, level, groups)).OrderBy(b => Index(regions, b.Code)).ToList(),
            Share(rows),
            Breakdown(rows, r => r.TypeCode).OrderByDescending(b => b.ContractValueFen).ToList(),
            Breakdown(rows, r => r.FieldCode).OrderByDescending(b => b.ContractValueFen).ToList(),
            Breakdown(rows, r => Month(r.RegisteredOn)).OrderBy(b => b.Code, StringComparer.Ordinal).ToList(),
            rows.Count, Sum(rows, r => r.TotalFen), Sum(rows, r => r.TechnologyAmountFen));
    }

    public static HebeiShare Share(IReadOnlyList<FlowRow> rows)
    {
        var fromBeijingTianjin = rows.Where(r => r.SellerRegionCode.StartsWith("11", StringComparison.Ordinal) || r.SellerRegionCode.StartsWith("12", StringComparison.Ordinal)).ToList();
        var toHebei = fromBeijingTianjin.Where(r => r.BuyerRegionCode.StartsWith("13", StringComparison.Ordinal)).ToList();
        long num = Sum(toHebei, r => r.TotalFen), den = Sum(fromBeijingTianjin, r => r.TotalFen);
        long techNum = Sum(toHebei, r => r.TechnologyAmountFen), techDen = Sum(fromBeijingTianjin, r => r.TechnologyAmountFen);
        return new HebeiShare(num, den, Ratio(num, den), techNum, techDen, Ratio(techNum, techDen), toHebei.Count, fromBeijingTianjin.Count);
    }

    // Four decimal places of the ratio (0.0812 = 8.12%), rounded half away from zero.
    private static decimal? Ratio(long numerator, long denominator) =>
        denominator == 0 ? null : decimal.Round((decimal)numerator / denominator, 4, MidpointRounding.AwayFromZero);

    private static List<FlowBreakdown> Breakdown(IReadOnlyList<FlowRow> rows, Func<FlowRow, string> key) =>
        rows.GroupBy(key).Select(g => new FlowBreakdown(g.Key, g.Count(), Sum(g, r => r.TotalFen), Sum(g, r => r.TechnologyAmountFen))).ToList();

    private static long Sum(IEnumerable<FlowRow> rows, Func<FlowRow, long> value)
    {
        long sum = 0;
        foreach (var row in rows)
        {
            sum = checked(sum + value(row));
        }

        return sum;
    }

    private static int Index(IReadOnlyList<FlowRegion> regions, string code)
    {
        for (var i = 0; i < regions.Count; i++)
        {
            if (regions[i].Code == code)
            {
                return i;
            }
        }

        return regions.Count;
    }

    public static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool TryParseMonth(string? text, out DateOnly month) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
}
