using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.Calendar;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Modules.TechMarket.Data;
using TechBridge.Modules.TechMarket.RegisterContracts;

namespace TechBridge.Modules.TechMarket.Seed;

// Several hundred registered contracts 2019–2025 whose output by province follows the real technology-market
// series (Data/techmarket/market-push.csv: MarketPush of Beijing, Tianjin, Hebei in 万元, from the techme package),
// scaled down by DemoScale, and whose buyers are spread as published flow figures suggest (Beijing → Tianjin + Hebei
// about 8–9% of Beijing's output in 2023); plus a handful of pending applications for the demo authorities' queues.
internal sealed class DemoContractsSeeder(PlatformDbContext db, IOrganizationFacts facts, WorkingCalendarSource calendars, TradingRules rules, TimeProvider clock) : IDemoSeeder
{
    // 万元 of the official series → fen of the demo: 1/2000 of the real amount (1万元 = 1,000,000 fen → 500 fen).
    private const long FenPerWanOfficial = 500;

    public int Order => 80;

    private static readonly string[] BeijingCounties = ["110108", "110108", "110105", "110102", "110114", "110115", "110106"];
    private static readonly string[] TianjinCounties = ["120116", "120116", "120104", "120111", "120113"];
    private static readonly string[] HebeiCounties =
        ["130102", "130104", "130105", "130108", "130203", "130302", "130402", "130502", "130602", "130606", "130629", "130632", "130702", "130802", "130902", "131002", "131003", "131102", "130181", "130682"];
    private static readonly string[] OtherCounties = ["310104", "440305", "320102", "370102", "420111", "510107", "330106", "210102"];
    private static readonly string[] Words = ["智芯", "新材", "精工", "绿能", "康泰", "数联", "华科", "中试", "晶创", "睿控", "安捷", "科源"];
    private static readonly string[] Suffixes = ["科技有限公司", "技术有限公司", "研究院", "智能装备有限公司", "新材料股份有限公司"];
    private static readonly string[] Topics = ["工业机器人视觉定位", "锂电池极片涂布控制", "高强度铝合金焊接", "污水深度处理", "智慧农业灌溉", "氢燃料电池电堆", "生物医药中试放大", "钢铁余热回收", "北斗高精度定位", "柔性显示封装"];

    public async Task SeedAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (await db.Set<TechContract>().AnyAsync(c => c.Origin == "demo", cancellationToken))
        {
            return;
        }

        var push = MarketSeries.Read(Path.Combine(AppContext.BaseDirectory, "Data", "techmarket", "market-push.csv"));
        var random = new Random(20261207);
        var fields = new[] { "electronics", "advanced-manufacturing", "new-energy", "environment", "transport", "urban-social", "biomedicine", "agriculture", "new-materials", "aerospace", "nuclear" };
        var sequence = 0;
        var count = 0;
        for (var year = 2019; year <= 2025; year++)
        {
            foreach (var province in new[] { "11", "12", "13" })
            {
                // 2024 and 2025 are not in the series yet: 2023 grown by 10% a year.
                var wan = push.TryGetValue((province, year), out var v) ? v : push[(province, 2023)] * (decimal)Math.Pow(1.1, year - 2023);
                var budget = (long)(wan * FenPerWanOfficial);
                var contracts = province == "11" ? 30 : 12;
                var weights = Enumerable.Range(0, contracts).Select(_ => Math.Exp(random.NextDouble() * 2.5)).ToArray();
                var weightSum = weights.Sum();
                for (var i = 0; i < contracts; i++)
                {
                    var total = Math.Max(5_000_000L, (long)(budget * (weights[i] / weightSum)) / 100 * 100);
                    var seller = Pick(random, province switch { "11" => BeijingCounties, "12" => TianjinCounties, _ => HebeiCounties });
                    var buyer = BuyerRegion(random, province, year);
                    var nonTech = random.NextDouble() < 0.3 ? total / 100 * random.Next(5, 40) : 0;
                    var type = Pick(random, ["development", "development", "transfer", "licensing", "consulting", "service", "service"]);
                    var subtype = ContractCatalog.Type(type)!.Subtypes[random.Next(ContractCatalog.Type(type)!.Subtypes.Count)].Code;
                    var registered = new DateOnly(year, random.Next(1, 13), random.Next(1, 28));
                    sequence++;
                    db.Add(new TechContract
                    {
                        ApplicationNumber = $"JS{registered:yyyyMMdd}D{sequence:D5}",
                        Title = $"{Pick(random, Topics)}{(type == "development" ? "技术开发" : type == "transfer" ? "技术转让" : type == "licensing" ? "技术许可" : type == "consulting" ? "技术咨询" : "技术服务")}合同",
                        TypeCode = type,
                        SubtypeCode = subtype,
                        SellerName = Name(random, seller),
                        SellerRegionCode = seller,
                        SellerEntityKind = random.NextDouble() < 0.3 ? "university" : "enterprise",
                        BuyerName = Name(random, buyer),
                        BuyerRegionCode = buyer,
                        BuyerEntityKind = "enterprise",
                        AuthorityJurisdiction = Jurisdictions.Of(seller),
                        RegistrantRegionCode = seller,
                        TotalFen = total,
                        NonTechnicalFen = nonTech,
                        TechnologyAmountFen = total - nonTech,
                        Items = nonTech > 0 ? [new NonTechnicalItem { Sequence = 1, Kind = "equipment", Description = "配套设备", AmountFen = nonTech }] : [],
                        TechnologyFieldCode = Pick(random, fields),
                        IpKind = Pick(random, ["none", "invention-patent", "technical-secret", "software-copyright"]),
                        FundingSource = Pick(random, ["own", "own", "government", "bank-loan"]),
                        SignedOn = registered.AddDays(-random.Next(10, 60)),
                        TermFrom = registered.AddDays(-random.Next(0, 10)),
                        TermTo = registered.AddMonths(random.Next(6, 36)),
                        PaymentSchedule = "签约后支付 30%，验收后支付 70%",
                        PublishPartyNames = random.NextDouble() < 0.35,
                        Status = ContractStatus.Registered,
                        ExpertReviewRequired = total - nonTech >= rules.Registration.ExpertThresholdFen,
                        SubmittedOn = registered.AddDays(-14),
                        DueOn = registered,
                        RegisteredOn = registered,
                        CertificateNumber = $"{year}{(Jurisdictions.Of(seller) == Jurisdictions.Xiongan ? "133100" : Jurisdictions.Of(seller).PadRight(6, '0'))}D{sequence:D4}",
                        Origin = "demo",
                        CreatedAt = clock.GetUtcNow(),
                        UpdatedAt = clock.GetUtcNow(),
                    });
                    count++;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var pending = await SeedPendingAsync(cancellationToken);
        progress?.Report($"demo technology contracts: {count} registered, {pending} pending");
    }

    // Applications waiting in the Shijiazhuang, Hebei and Beijing queues: one overdue, one for expert review.
    private async Task<int> SeedPendingAsync(CancellationToken cancellationToken)
    {
        var providers = await facts.MembershipsOfUserNameAsync("provider.demo", cancellationToken);
        var beijing = await facts.MembershipsOfUserNameAsync("provider.beijing", cancellationToken);
        var enterprises = await facts.MembershipsOfUserNameAsync("enterprise.demo", cancellationToken);
        if (providers.Count == 0 || enterprises.Count == 0)
        {
            return 0;
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        var today = DateOnly.FromDateTime(Platform.Time.AdjustableClock.ToChina(clock.GetUtcNow()).DateTime);
        var seller = providers[0];
        var buyer = enterprises[0];
        var list = new List<(OrganizationFacts Seller, string Title, long Total, int DaysAgo)>
        {
            (seller, "钢铁余热回收工艺技术服务合同", 180_000_000, 30),
            (seller, "工业机器人视觉定位技术开发合同", 820_000_000, 5),
            (seller, "污水深度处理技术咨询合同", 26_000_000, 2),
        };
        if (beijing.Count > 0)
        {
            list.Add((beijing[0], "氢燃料电池电堆技术许可合同", 450_000_000, 8));
        }

        var n = 0;
        foreach (var (s, title, total, daysAgo) in list)
        {
            var submitted = today.AddDays(-daysAgo);
            var expert = ContractViewer.NeedsExperts(rules, total, false);
            DateOnly due;
            try
            {
                due = ContractViewer.DueDate(calendar, rules, submitted, expert);
            }
            catch (CalendarMissingException)
            {
                // No deadline without the calendar: the demo leaves this one out rather than guess.
                continue;
            }

            db.Add(new TechContract
            {
                ApplicationNumber = $"JS{submitted:yyyyMMdd}P{++n:D5}",
                Title = title,
                TypeCode = title.Contains("开发", StringComparison.Ordinal) ? "development" : title.Contains("许可", StringComparison.Ordinal) ? "licensing" : title.Contains("咨询", StringComparison.Ordinal) ? "consulting" : "service",
                SubtypeCode = title.Contains("开发", StringComparison.Ordinal) ? "commissioned" : title.Contains("许可", StringComparison.Ordinal) ? "patent-licence" : "general",
                SellerOrganizationId = s.Id,
                SellerName = s.LegalName,
                SellerRegionCode = s.RegionCode,
                SellerEntityKind = RegisterContractsHandler.EntityKindOf(s.Type),
                BuyerOrganizationId = buyer.Id,
                BuyerName = buyer.LegalName,
                BuyerRegionCode = buyer.RegionCode,
                BuyerEntityKind = "enterprise",
                ApplicantOrganizationId = s.Id,
                AuthorityJurisdiction = Jurisdictions.Of(s.RegionCode),
                RegistrantRegionCode = s.RegionCode,
                TotalFen = total,
                TechnologyAmountFen = total,
                TechnologyFieldCode = "advanced-manufacturing",
                IpKind = "invention-patent",
                FundingSource = "own",
                SignedOn = submitted.AddDays(-7),
                TermFrom = submitted,
                TermTo = submitted.AddYears(1),
                PaymentSchedule = "签约后支付 40%，验收后支付 60%",
                ExpertReviewRequired = expert,
                SubmittedOn = submitted,
                DueOn = due,
                Origin = "demo",
                CreatedAt = clock.GetUtcNow(),
                UpdatedAt = clock.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return n;
    }

    // Where a province's output goes (shares of count): mostly home and elsewhere; Beijing and Tianjin sell to Hebei
    // a rising share (the plan's KPI), Hebei buys from both.
    private static string BuyerRegion(Random random, string sellerProvince, int year)
    {
        var toHebei = sellerProvince switch { "11" => 0.04 + (0.006 * (year - 2019)), "12" => 0.08 + (0.006 * (year - 2019)), _ => 0.55 };
        var toBeijing = sellerProvince switch { "11" => 0.42, "12" => 0.08, _ => 0.06 };
        var toTianjin = sellerProvince switch { "11" => 0.03, "12" => 0.45, _ => 0.05 };
        var roll = random.NextDouble();
        return roll < toHebei ? Pick(random, HebeiCounties)
            : roll < toHebei + toBeijing ? Pick(random, BeijingCounties)
            : roll < toHebei + toBeijing + toTianjin ? Pick(random, TianjinCounties)
            : Pick(random, OtherCounties);
    }

    private static string Name(Random random, string region) =>
        (region[..2] switch { "11" => "北京", "12" => "天津", "13" => "河北", "31" => "上海", "44" => "深圳", "32" => "南京", "37" => "山东", "42" => "武汉", "51" => "成都", "33" => "杭州", _ => "沈阳" })
        + Pick(random, Words) + Pick(random, Suffixes);

    private static T Pick<T>(Random random, T[] list) => list[random.Next(list.Length)];
}

// The MarketPush rows of Beijing, Tianjin and Hebei (province, year, value in 万元).
internal static class MarketSeries
{
    public static Dictionary<(string Province, int Year), decimal> Read(string path)
    {
        var codes = new Dictionary<string, string> { ["北京"] = "11", ["天津"] = "12", ["河北"] = "13" };
        var result = new Dictionary<(string, int), decimal>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split(',').Select(c => c.Trim('"')).ToArray();
            if (cells.Length >= 4 && cells[2] == "金额" && codes.TryGetValue(cells[0], out var code) && int.TryParse(cells[1], System.Globalization.CultureInfo.InvariantCulture, out var year)
                && decimal.TryParse(cells[3], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                result[(code, year)] = value;
            }
        }

        return result;
    }
}
