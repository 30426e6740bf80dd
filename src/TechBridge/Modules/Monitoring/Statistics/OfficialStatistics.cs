using System.Globalization;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.Monitoring.Statistics;

// What a series counts: technology-market figures by seller (输出) or buyer (吸纳) province, or lists.
internal enum SeriesDefinition
{
    Output = 1,
    Absorption = 2,
    Recognitions = 3,
    Evaluation = 4,
}

internal sealed record OfficialSeries(
    string Code,
    string TitleZh,
    string TitleEn,
    SeriesDefinition Definition,
    string UnitZh,
    string UnitEn,
    string SourceZh,
    string SourceEn,
    string File,
    IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> ByProvince)
{
    public IReadOnlyDictionary<int, double> Of(string province) =>
        ByProvince.TryGetValue(province, out var values) ? values : new Dictionary<int, double>();
}

// The official series shipped in Data/statistics (techme, MIT; SOURCE.md there), read once per process: they change
// only with a release, like the reference lists.
internal sealed class OfficialStatistics
{
    public const string MarketOutputValue = "market-output-value";
    public const string MarketOutputContracts = "market-output-contracts";
    public const string MarketAbsorptionValue = "market-absorption-value";
    public const string MarketAbsorptionContracts = "market-absorption-contracts";
    public const string HighTechRecognitions = "high-tech-recognitions";
    public const string OpenSharingEvaluated = "open-sharing-evaluated";
    public const string OpenSharingExcellent = "open-sharing-excellent";
    public const string OpenSharingPoor = "open-sharing-poor";

    private const string Yearbook = "中国科技统计年鉴（techme 整理，MIT）";
    private const string YearbookEn = "China Statistical Yearbook on Science and Technology (via techme, MIT)";

    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "Data", "statistics");

    public static OfficialStatistics Shipped => ShippedStatistics.Value;

    private static readonly Lazy<OfficialStatistics> ShippedStatistics = new(() => Load(ShippedDirectory));

    public required IReadOnlyList<OfficialSeries> Series { get; init; }

    public OfficialSeries? Find(string? code) => Series.FirstOrDefault(s => s.Code == code);

    public static OfficialStatistics Load(string directory)
    {
        var push = Rows(directory, "MarketPush.csv");
        var pull = Rows(directory, "MarketPull.csv");
        var hitech = Rows(directory, "HitechFirmsPub.csv");
        var share = Rows(directory, "PubOpenShare.csv");
        const string torch = "科技部火炬中心高新技术企业认定名单（techme 整理，MIT）";
        const string torchEn = "MOST Torch Centre high-tech enterprise lists (via techme, MIT)";
        const string sharing = "科技部 科研设施与仪器开放共享评价考核结果（techme 整理，MIT）";
        const string sharingEn = "MOST open-sharing evaluation results (via techme, MIT)";
        return new OfficialStatistics
        {
            Series =
            [
                new(MarketOutputValue, "技术市场输出合同成交额", "Technology market output (contract value)", SeriesDefinition.Output, "万元", "10,000 yuan", Yearbook, YearbookEn, "MarketPush.csv",
                    Market(push, "金额")),
                new(MarketOutputContracts, "技术市场输出合同数", "Technology market output (contracts)", SeriesDefinition.Output, "项", "contracts", Yearbook, YearbookEn, "MarketPush.csv",
                    Market(push, "数量")),
                new(MarketAbsorptionValue, "技术市场吸纳合同成交额", "Technology market absorption (contract value)", SeriesDefinition.Absorption, "万元", "10,000 yuan", Yearbook, YearbookEn, "MarketPull.csv",
                    Market(pull, "金额")),
                new(MarketAbsorptionContracts, "技术市场吸纳合同数", "Technology market absorption (contracts)", SeriesDefinition.Absorption, "项", "contracts", Yearbook, YearbookEn, "MarketPull.csv",
                    Market(pull, "数量")),
                new(HighTechRecognitions, "高新技术企业认定数（全部领域）", "High-tech enterprises recognised (all sectors)", SeriesDefinition.Recognitions, "家", "enterprises", torch, torchEn, "HitechFirmsPub.csv",
                    Group(hitech.Select(r => (r[2], Year(r[1]), Number(r[3]))))),
                new(OpenSharingEvaluated, "参加开放共享评价考核的单位数", "Units evaluated for open sharing", SeriesDefinition.Evaluation, "家", "units", sharing, sharingEn, "PubOpenShare.csv",
                    Group(share.Select(r => (r[5], Year(r[0]), 1.0)))),
                new(OpenSharingExcellent, "开放共享评价考核“优秀”单位数", "Units rated excellent for open sharing", SeriesDefinition.Evaluation, "家", "units", sharing, sharingEn, "PubOpenShare.csv",
                    Group(share.Where(r => r[3] == "优秀").Select(r => (r[5], Year(r[0]), 1.0)))),
                new(OpenSharingPoor, "开放共享评价考核“较差”单位数", "Units rated poor for open sharing", SeriesDefinition.Evaluation, "家", "units", sharing, sharingEn, "PubOpenShare.csv",
                    Group(share.Where(r => r[3] == "较差").Select(r => (r[5], Year(r[0]), 1.0)))),
            ],
        };
    }

    private static Dictionary<string, IReadOnlyDictionary<int, double>> Market(List<string[]> rows, string block) =>
        Group(rows.Where(r => r[2] == block).Select(r => (r[0], Year(r[1]), Number(r[3]))));

    private static Dictionary<string, IReadOnlyDictionary<int, double>> Group(IEnumerable<(string Province, int Year, double Value)> rows) =>
        // The yearbook leaves some cells empty ("NA"): no value, not zero.
        rows.Where(r => !double.IsNaN(r.Value)).GroupBy(r => r.Province, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<int, double>)g.GroupBy(r => r.Year).OrderBy(y => y.Key).ToDictionary(y => y.Key, y => y.Sum(r => r.Value)),
            StringComparer.Ordinal);

    private static int Year(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static double Number(string value) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN;

    private static List<string[]> Rows(string directory, string file)
    {
        using var reader = new StreamReader(Path.Combine(directory, file));
        return Csv.Read(reader).Skip(1).Where(r => r.Length > 1).ToList();
    }
}
