using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Instruments.Data;
using TechBridge.Modules.Instruments.Fees;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Instruments.Seed;

// Demo instruments: real instrument types, models and makers at plausible original values, owned by the demo
// universities and institutes under their real names in Beijing, Tianjin and Hebei and by demo testing labs. The
// testing labs' instruments (provider.demo's among them) take bookings from other organizations without approval, so
// enterprise.demo can book them at once; the universities approve. A few bookings this week fill the week view and
// the owner's approval queue. Runs once: a second start finds demo instruments and stops.
internal sealed class DemoInstrumentsSeeder(PlatformDbContext db, IOrganizationFacts facts, TimeProvider clock) : IDemoSeeder
{
    public const string ProviderOwner = "provider.demo";
    public const string BeijingLabOwner = "provider.beijing";
    public const string EnterpriseUser = "enterprise.demo";

    // Owner keys: P provider.demo's institution, H1/H2 other Hebei testing institutions, BL the Beijing lab, or an
    // institution's legal name.
    private static readonly (string Owner, string Name, string Model, string Maker, string Category, long Yuan, bool Specialised, int Year)[] Catalog =
    [
        ("P", "电子万能材料试验机", "5985", "英斯特朗（Instron）", "mechanical-testing", 1_200_000, false, 2019),
        ("P", "三坐标测量机", "CONTURA 10/12/6", "卡尔蔡司（Carl Zeiss）", "metrology", 1_350_000, false, 2020),
        ("P", "直读光谱仪", "ARL iSpark 8860", "赛默飞世尔（Thermo Fisher）", "spectroscopy", 1_150_000, false, 2021),
        ("P", "摆锤冲击试验机", "HIT450P", "兹韦克罗尔（ZwickRoell）", "mechanical-testing", 760_000, false, 2018),
        ("H1", "电动振动试验系统", "DC-6000-60", "苏州苏试试验集团", "environmental-testing", 980_000, false, 2020),
        ("H1", "高低温湿热试验箱", "SH-662", "爱斯佩克（ESPEC）", "environmental-testing", 320_000, false, 2022),
        ("H1", "循环盐雾腐蚀试验箱", "Q-FOG CCT1100", "Q-Lab", "environmental-testing", 380_000, false, 2021),
        ("H2", "气相色谱-质谱联用仪", "GCMS-QP2020 NX", "岛津（Shimadzu）", "mass-spectrometry", 860_000, false, 2021),
        ("H2", "电感耦合等离子体质谱仪", "7900 ICP-MS", "安捷伦（Agilent）", "mass-spectrometry", 1_580_000, false, 2022),
        ("H2", "超高效液相色谱仪", "1290 Infinity II", "安捷伦（Agilent）", "mass-spectrometry", 450_000, false, 2023),
        ("中国科学院遗传与发育生物学研究所农业资源研究中心", "元素分析仪", "vario EL cube", "元素（Elementar）", "other-instruments", 420_000, false, 2017),
        ("中国科学院遗传与发育生物学研究所农业资源研究中心", "实时荧光定量PCR仪", "CFX96 Touch", "伯乐（Bio-Rad）", "life-science", 350_000, false, 2019),
        ("中国水产科学研究院北戴河中心实验站", "流式细胞仪", "CytoFLEX S", "贝克曼库尔特（Beckman Coulter）", "life-science", 1_100_000, false, 2020),
        ("BL", "电磁兼容测试系统", "ESW44 接收机与 3 米法半电波暗室", "罗德与施瓦茨（Rohde & Schwarz）", "environmental-testing", 6_500_000, true, 2019),
        ("BL", "工业CT", "METROTOM 1500", "卡尔蔡司（Carl Zeiss）", "metrology", 7_800_000, true, 2021),
        ("BL", "疲劳试验机", "Landmark 370.25", "美特斯（MTS）", "mechanical-testing", 2_100_000, false, 2018),
        ("中国农业大学", "600兆核磁共振波谱仪", "AVANCE NEO 600", "布鲁克（Bruker）", "magnetic-resonance", 6_900_000, true, 2020),
        ("中国农业大学", "三重四极杆液质联用仪", "6470B", "安捷伦（Agilent）", "mass-spectrometry", 2_450_000, false, 2021),
        ("中国农业大学", "激光扫描共聚焦显微镜", "LSM 980", "卡尔蔡司（Carl Zeiss）", "life-science", 4_200_000, true, 2022),
        ("中国农业大学", "超速离心机", "Optima XPN-100", "贝克曼库尔特（Beckman Coulter）", "life-science", 580_000, false, 2016),
        ("中国地质科学院地质研究所", "电子探针显微分析仪", "JXA-8230", "日本电子（JEOL）", "electron-microscopy", 6_300_000, true, 2015),
        ("中国地质科学院地质研究所", "X射线衍射仪", "D8 ADVANCE", "布鲁克（Bruker）", "x-ray", 1_650_000, false, 2018),
        ("中国地质科学院地质研究所", "场发射扫描电子显微镜", "Sigma 300", "卡尔蔡司（Carl Zeiss）", "electron-microscopy", 3_280_000, false, 2019),
        ("中国医学科学院药物研究所", "轨道阱高分辨质谱仪", "Orbitrap Exploris 480", "赛默飞世尔（Thermo Fisher）", "mass-spectrometry", 5_200_000, true, 2022),
        ("中国医学科学院药物研究所", "流式细胞分选仪", "FACSAria III", "碧迪（BD）", "life-science", 3_600_000, true, 2017),
        ("南开大学", "X射线光电子能谱仪", "ESCALAB Xi+", "赛默飞世尔（Thermo Fisher）", "spectroscopy", 5_600_000, true, 2018),
        ("南开大学", "单晶X射线衍射仪", "XtaLAB Synergy-R", "理学（Rigaku）", "x-ray", 3_900_000, true, 2020),
        ("南开大学", "显微共焦拉曼光谱仪", "LabRAM HR Evolution", "堀场（HORIBA）", "spectroscopy", 1_900_000, false, 2019),
        ("天津大学", "聚焦离子束双束电镜", "Helios 5 UX", "赛默飞世尔（Thermo Fisher）", "electron-microscopy", 12_500_000, true, 2021),
        ("天津大学", "场发射透射电子显微镜", "JEM-F200", "日本电子（JEOL）", "electron-microscopy", 9_850_000, true, 2020),
        ("天津大学", "原子力显微镜", "Dimension Icon", "布鲁克（Bruker）", "other-instruments", 2_300_000, false, 2017),
        ("天津大学", "同步热分析仪", "STA 449 F3", "耐驰（NETZSCH）", "thermal-analysis", 720_000, false, 2016),
        ("中国科学院天津工业生物技术研究所", "高通量测序仪", "NovaSeq 6000", "因美纳（Illumina）", "life-science", 8_800_000, true, 2021),
        ("中国科学院天津工业生物技术研究所", "傅里叶变换红外光谱仪", "Nicolet iS50", "赛默飞世尔（Thermo Fisher）", "spectroscopy", 650_000, false, 2018),
        ("中国科学院天津工业生物技术研究所", "动态热机械分析仪", "DMA 850", "TA 仪器（TA Instruments）", "thermal-analysis", 560_000, false, 2019),
        ("中国科学院天津工业生物技术研究所", "荧光光谱仪", "FLS1000", "爱丁堡仪器（Edinburgh Instruments）", "spectroscopy", 1_050_000, false, 2022),
    ];

    private static readonly string[] Technicians = ["王建国", "李晓燕", "张磊", "刘芳", "陈静", "杨帆", "赵敏", "黄强", "周丽", "吴军"];

    public int Order => 60;

    public async Task SeedAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (await db.Set<Instrument>().AnyAsync(i => i.IsDemo, cancellationToken))
        {
            return;
        }

        var owners = await OwnersAsync(cancellationToken);
        if (owners.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var instruments = new List<Instrument>();
        var n = 0;
        foreach (var row in Catalog)
        {
            if (!owners.TryGetValue(row.Owner, out var owner))
            {
                continue;
            }

            n++;
            var lab = row.Owner is "P" or "H1" or "H2" or "BL";
            var valueFen = row.Yuan * 100;
            var rated = row.Specialised ? 800 : 1400;
            var suggested = FeeCalculator.SuggestedHourlyFen(valueFen, 8, rated, row.Specialised ? 8_000 : 3_000);
            var enterpriseRate = Math.Max(5_000, (suggested + 500) / 1_000 * 1_000);
            var instrument = new Instrument
            {
                OwnerOrganizationId = owner.Id,
                Name = row.Name,
                Model = row.Model,
                Manufacturer = row.Maker,
                CategoryCode = row.Category,
                OriginalValueFen = valueFen,
                PurchaseDate = new DateOnly(row.Year, 1 + (n * 5 % 12), 1 + (n * 7 % 27)),
                FundingSourceCode = lab ? "own-funds" : n % 3 == 0 ? "local-finance" : "central-finance",
                RegionCode = owner.RegionCode,
                Address = lab ? "检测中心实验楼" + (1 + (n % 4)) + "层" : "公共仪器平台" + (100 + n) + "室",
                Status = n % 17 == 0 ? InstrumentStatus.Idle : InstrumentStatus.InUse,
                OpenForExternalUse = n % 11 != 0,
                Technicians = $"{Technicians[n % Technicians.Length]}、{Technicians[(n + 3) % Technicians.Length]}",
                Specialised = row.Specialised,
                RatedHoursPerYear = rated,
                RequiredTraining = row.Specialised ? "首次使用须参加仪器管理单位组织的上机培训并通过考核，或由本单位技术人员代为操作。" : null,
                Description = $"{row.Maker} {row.Model}，面向京津冀高校、科研院所和企业开放共享。",
                Rules = new BookingRules
                {
                    MinDurationMinutes = row.Specialised ? 60 : 30,
                    MaxDurationMinutes = row.Specialised ? 480 : 720,
                    MinNoticeMinutes = lab ? 60 : 24 * 60,
                    MaxAdvanceDays = lab ? 60 : 30,
                    BufferMinutes = row.Specialised ? 30 : 0,
                    CancellationWindowHours = 24,
                    CancellationFeeFen = lab ? 10_000 : 0,
                    // provider.demo's coordinate measuring machine is the one lab instrument whose bookings wait for approval.
                    ApprovalRequired = !lab || row.Model.StartsWith("CONTURA", StringComparison.Ordinal),
                    ExternalBookingAllowed = n % 13 != 0,
                },
                FeeMode = row.Category is "environmental-testing" ? FeeMode.PerReservation : lab ? FeeMode.ReservationPlusOverage : FeeMode.PerUse,
                DepreciationYears = 8,
                ConsumablesPerHourFen = row.Specialised ? 8_000 : 3_000,
                IsDemo = true,
                CreatedAt = now,
                UpdatedAt = now,
            };
            foreach (var (group, share) in new[] { (PriceGroup.Internal, 50), (PriceGroup.ExternalAcademic, 80), (PriceGroup.Enterprise, 100) })
            {
                var hourly = enterpriseRate * share / 100;
                instrument.Rates.Add(new FeeRate { InstrumentId = instrument.Id, PriceGroup = group, FromMinutes = 0, HourlyFen = hourly });
                if (row.Specialised)
                {
                    // Long sessions on specialised instruments: from the fifth hour on, 80% of the rate.
                    instrument.Rates.Add(new FeeRate { InstrumentId = instrument.Id, PriceGroup = group, FromMinutes = 240, HourlyFen = hourly * 80 / 100 });
                }
            }

            instruments.Add(instrument);
        }

        db.AddRange(instruments);
        await AddBookingsAsync(instruments, owners, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        progress?.Report($"demo instruments: {instruments.Count} added");
    }

    private static OrganizationFacts? First(IReadOnlyList<OrganizationFacts> organizations) => organizations.Count > 0 ? organizations[0] : null;

    private async Task<Dictionary<string, OrganizationFacts>> OwnersAsync(CancellationToken cancellationToken)
    {
        var owners = new Dictionary<string, OrganizationFacts>(StringComparer.Ordinal);
        var provider = First(await facts.MembershipsOfUserNameAsync(ProviderOwner, cancellationToken));
        if (provider is not null)
        {
            owners["P"] = provider;
        }

        var beijingLab = First(await facts.MembershipsOfUserNameAsync(BeijingLabOwner, cancellationToken));
        if (beijingLab is not null)
        {
            owners["BL"] = beijingLab;
        }

        var hebeiLabs = (await facts.DemoOrganizationsAsync(OrganizationType.ServiceInstitution, cancellationToken))
            .Where(o => o.RegionCode.StartsWith("13", StringComparison.Ordinal) && o.Id != provider?.Id && o.Sectors.Contains("testing"))
            .OrderBy(o => o.RegionCode, StringComparer.Ordinal).ToList();
        if (hebeiLabs.Count > 0)
        {
            owners["H1"] = hebeiLabs[0];
            owners["H2"] = hebeiLabs[^1];
        }

        var names = Catalog.Select(c => c.Owner).Where(o => o.Length > 2).Distinct().ToList();
        var ids = await facts.FindVerifiedByNamesAsync(names, cancellationToken);
        var found = await facts.FindManyAsync(ids.Values.ToList(), cancellationToken);
        foreach (var (name, id) in ids)
        {
            if (found.TryGetValue(id, out var organization))
            {
                owners[name] = organization;
            }
        }

        return owners;
    }

    // This week: internal use on provider.demo's lab, one enterprise booking, and a request waiting in a university's
    // queue (provider.demo's measuring machine), so the week view, "my bookings" and the approval queue show something on a fresh start.
    private async Task AddBookingsAsync(List<Instrument> instruments, Dictionary<string, OrganizationFacts> owners, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var enterprise = First(await facts.MembershipsOfUserNameAsync(EnterpriseUser, cancellationToken));
        if (enterprise is null || !owners.TryGetValue("P", out var provider))
        {
            return;
        }

        var providerUser = (await facts.MemberUserIdsAsync(provider.Id, cancellationToken))[0];
        var enterpriseUser = (await facts.MemberUserIdsAsync(enterprise.Id, cancellationToken))[0];
        var today = DateOnly.FromDateTime(AdjustableClock.ToChina(now).DateTime);
        DateTimeOffset At(int days, int hour) => new DateTimeOffset(today.AddDays(days).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)).ToUniversalTime();

        var tensile = instruments.First(i => i.OwnerOrganizationId == provider.Id);
        void Add(Instrument instrument, Guid organizationId, Guid userId, int day, int from, int to, string purpose, BookingStatus status, PriceGroup group) =>
            db.Add(new Booking
            {
                InstrumentId = instrument.Id, OrganizationId = organizationId, UserId = userId, StartsAt = At(day, from), EndsAt = At(day, to),
                Purpose = purpose, Status = status, PriceGroup = group, IsDemo = true, CreatedAt = now,
                EstimatedFeeFen = FeeCalculator.FeeFor(instrument.Rates, group, At(day, to) - At(day, from)),
            });

        Add(tensile, provider.Id, providerUser, 1, 9, 12, "Q355B 钢板拉伸性能检测（委托单 2026-118）", BookingStatus.Approved, PriceGroup.Internal);
        Add(tensile, provider.Id, providerUser, 2, 14, 17, "铝合金型材拉伸与弯曲试验", BookingStatus.Approved, PriceGroup.Internal);
        Add(tensile, enterprise.Id, enterpriseUser, 3, 9, 11, "新产品零件材料力学性能验证", BookingStatus.Approved, PriceGroup.Enterprise);
        var measuring = instruments.FirstOrDefault(i => i.OwnerOrganizationId == provider.Id && i.Rules.ApprovalRequired);
        if (measuring is not null)
        {
            Add(measuring, enterprise.Id, enterpriseUser, 4, 9, 12, "变速箱壳体关键尺寸与形位公差测量", BookingStatus.Requested, PriceGroup.Enterprise);
        }
    }
}
