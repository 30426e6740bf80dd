using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Modules.Monitoring.Data;
using TechBridge.Modules.Monitoring.Statistics;

namespace TechBridge.Modules.Monitoring.Catalog;

// The plan's quantified targets (一（三）发展目标 and 三 重点任务, DESIGN.md §6) and its qualitative goals, as the catalog
// starts. Responsible units are those the plan's text names for the clause; the four 发展目标 figures without a
// clause of their own take the units of 四（一）加强组织领导 (revenue: 四（四）做好统计监测).
internal static class PlanCatalog
{
    private const string Plan = "《河北省科技服务业高质量发展实施方案》";
    private const string LeadUnits = "省科技厅、省发展改革委、省工业和信息化厅";

    // Target2020: null for the platform figures the plan watches without a quantified target.
    public sealed record Entry(Kpi Kpi, double? Target2020);

    public static IReadOnlyList<Entry> Kpis { get; } =
    [
        Count(10, "leading-enterprises", "科技服务龙头企业和机构", "Leading sci-tech service enterprises and institutions",
            "在高端研发、创业孵化等重点领域集聚的具有影响力的科技服务龙头企业和机构数量。", "Influential leading sci-tech service enterprises and institutions gathered in the key sectors.",
            "N = 河北省内已确认“领军/龙头企业”认定且在有效期内的机构数", 50, LeadUnits, "一（三）发展目标；责任单位见四（一）", IndicatorKeys.LeadingEnterprises),
        Count(20, "high-tech-service-enterprises", "科技服务业领域高新技术企业", "High-tech enterprises in sci-tech services",
            "十大科技服务领域内持有效高新技术企业认定的企业数量。", "Enterprises in the ten sci-tech service sectors holding a valid high-tech enterprise recognition.",
            "N = 河北省内已确认“高新技术企业”认定、在有效期内且登记了十大领域之一的机构数", 400, LeadUnits, "一（三）发展目标；责任单位见四（一）", IndicatorKeys.HighTechServiceEnterprises,
            OfficialStatistics.HighTechRecognitions, "官方序列统计全部领域的高新技术企业，而本指标只计科技服务业领域，仅作背景参考。",
            "The official series counts high-tech enterprises of all sectors; this KPI counts sci-tech services only — context, not the KPI's value."),
        Count(30, "service-clusters", "高质量科技服务集聚区", "High-quality sci-tech service clusters",
            "建成的高质量科技服务集聚区数量。", "High-quality sci-tech service clusters built.",
            "N = 河北省内登记的科技服务集聚区数", 20, "省科技厅、省商务厅", "一（三）发展目标；三（四）3", IndicatorKeys.ServiceClusters),
        new(new Kpi
        {
            Code = "sector-revenue", SortOrder = 40, NameZh = "科技服务业主营业务收入", NameEn = "Main business revenue of sci-tech services",
            DefinitionZh = "全省科技服务业法人单位主营业务收入合计。", DefinitionEn = "Total main business revenue of the province's sci-tech service entities.",
            Formula = "R = Σ 科技服务业法人单位主营业务收入（亿元）", Unit = KpiUnit.HundredMillionYuan, Comparison = KpiComparison.AtLeast,
            SourceKind = KpiSourceKind.Reported, ResponsibleUnits = "省科技厅、省统计局", PlanReference = "一（三）发展目标；责任单位见四（四）",
            PendingReasonZh = "科技服务业数据库（机构统计报送）尚未建成；在此之前由责任单位报送数值、省级管理员确认。",
            PendingReasonEn = "The sci-tech service database (institutions' statistical reports) is not built yet; until then the responsible units report the figure and a province admin confirms it.",
        }, 3000),
        new(new Kpi
        {
            Code = "hebei-share-of-beijing-tianjin-output", SortOrder = 50, NameZh = "京津技术输出成交额中河北占比", NameEn = "Hebei's share of Beijing–Tianjin technology output",
            DefinitionZh = "卖方在北京或天津、买方在河北的登记技术合同成交额，占卖方在北京或天津的全部登记技术合同成交额的比例；按技术交易额计算的同一比例并列显示。",
            DefinitionEn = "Contract value of registered technology contracts with the seller in Beijing or Tianjin and the buyer in Hebei, as a share of the contract value of all registered contracts with the seller in Beijing or Tianjin; the same ratio on the technology transaction amount is shown beside it.",
            Formula = "S = Σ成交额(卖方∈{11,12}, 买方∈13) ÷ Σ成交额(卖方∈{11,12}) × 100%", Unit = KpiUnit.Percent, Comparison = KpiComparison.AtLeast,
            SourceKind = KpiSourceKind.Computed, ResponsibleUnits = "省科技厅、省发展改革委、省商务厅、省财政厅", PlanReference = "三（一）1",
            IndicatorKey = IndicatorKeys.HebeiShareOfBeijingTianjinOutput,
            ContextSeriesCode = OfficialStatistics.MarketOutputValue,
            ContextNoteZh = "官方序列只有各省输出总额，没有省际流向，不能据此计算本指标；京津冀三地输出额仅作背景参考。",
            ContextNoteEn = "Official series give each province's total output only, no flows between provinces, so this KPI cannot be computed from them; the three output totals are context.",
            PendingReasonZh = "技术合同登记（技术市场模块）尚未接入：占比须由登记合同的买卖双方所在地计算。",
            PendingReasonEn = "Technology-contract registration (the technology market module) is not connected yet: the share is computed from the seller's and buyer's locations of registered contracts.",
        }, 10),
        Count(60, "international-cooperation-bases", "省级以上国际科技合作基地", "International S&T cooperation bases (provincial level and above)",
            "国家级和省级国际科技合作基地数量。", "National and provincial international S&T cooperation bases.",
            "N = 河北省内已确认的国家级、省级“国际科技合作基地”认定数", 130, "省科技厅、省发展改革委、省商务厅、省外办", "三（一）2", IndicatorKeys.InternationalCooperationBases),
        Count(70, "innovation-alliances", "省级以上产业技术创新联盟", "Industrial technology innovation alliances (provincial level and above)",
            "省级以上产业技术创新联盟数量，目标为超过 70 个。", "Provincial-level and national industrial technology innovation alliances; the target is more than 70.",
            "N = 河北省内登记的产业技术创新联盟数（登记簿未记录联盟级别）", 70, "省科技厅、省教育厅、省财政厅、省发展改革委", "三（一）3", IndicatorKeys.InnovationAlliances, strictlyMore: true),
        Count(80, "new-rd-institutions", "新型研发机构", "New-type R&D institutions",
            "重点支持打造的新型研发机构数量，目标为 100 家以上。", "New-type R&D institutions supported; the target is 100 or more.",
            "N = 河北省内已确认“新型研发机构”认定的机构数", 100, LeadUnits, "三（二）1", IndicatorKeys.NewRdInstitutions),
        Count(90, "national-rd-platforms", "国家级研发平台", "National R&D platforms",
            "国家在河北布局建设的各类国家级研发平台总数。", "National R&D platforms of all kinds the state has placed in Hebei.",
            "N = 河北省内已确认的国家级重点实验室、工程技术研究中心、技术创新中心认定数", 85, LeadUnits, "三（三）2", IndicatorKeys.NationalRdPlatforms),
        new(new Kpi
        {
            Code = "voucher-redemptions", SortOrder = 100, NameZh = "创新券兑付金额", NameEn = "Innovation vouchers paid out",
            DefinitionZh = "河北省各级创新券项目已兑付的创新券金额（已记账、未冲回），按年合计。方案要求推动创新券京津冀互认互通，未设定量目标。",
            DefinitionEn = "Amount of vouchers of Hebei's programs paid out (posted, not reversed), per year. The plan asks for vouchers recognised across Beijing, Tianjin and Hebei and sets no quantified target.",
            Formula = "V = Σ 已记账兑付金额（万元）", Unit = KpiUnit.TenThousandYuan, Comparison = KpiComparison.AtLeast,
            SourceKind = KpiSourceKind.Computed, ResponsibleUnits = "省科技厅、省财政厅", PlanReference = "平台运行指标（方案未设定量目标）",
            IndicatorKey = IndicatorKeys.VoucherRedemptions,
        }, null),
        new(new Kpi
        {
            Code = "instrument-shared-hours", SortOrder = 110, NameZh = "大型仪器共享服务机时", NameEn = "Shared instrument machine-hours",
            DefinitionZh = "河北省内开放共享的仪器已完成的使用机时，按年合计。方案要求推进大型科研仪器开放共享，未设定量目标。",
            DefinitionEn = "Machine-hours of completed uses of shared instruments in Hebei, per year. The plan asks for open sharing of large research instruments and sets no quantified target.",
            Formula = "H = Σ（结束时间 − 开始时间），已完成的使用", Unit = KpiUnit.Hours, Comparison = KpiComparison.AtLeast,
            SourceKind = KpiSourceKind.Computed, ResponsibleUnits = "省科技厅", PlanReference = "平台运行指标（方案未设定量目标）",
            IndicatorKey = IndicatorKeys.InstrumentSharedHours,
        }, null),
    ];

    public static IReadOnlyList<PlanGoal> Goals { get; } =
    [
        Goal(10, "2020-service-system", 2020, "科技服务市场化水平明显提升，服务科技创新和转型发展能力大幅增强，基本形成覆盖科技创新全链条的科技服务体系。",
            "Markedly more market-based sci-tech services, much stronger support for innovation and transformation, and a service system covering the whole innovation chain basically in place.", null),
        Goal(20, "2022-ecosystem", 2022, "初步建成符合新时代要求、新经济发展需要的高质量科技服务生态。",
            "A high-quality sci-tech service ecosystem meeting the needs of the new era and the new economy initially built.", null),
        Goal(30, "2022-new-forms", 2022, "科技服务新业态、新模式大量涌现，科技服务业综合竞争力迈上新台阶。",
            "New forms and models of sci-tech services emerging in large numbers; the sector's overall competitiveness at a new level.", "high-tech-service-enterprises;leading-enterprises"),
        Goal(40, "2022-integration", 2022, "京津冀科技服务一体化程度明显提高。",
            "Markedly deeper Beijing–Tianjin–Hebei integration of sci-tech services.", "hebei-share-of-beijing-tianjin-output"),
        Goal(50, "2022-regional-layout", 2022, "以雄安新区引领发展、省会率先发展、多点支撑发展的区域科技服务业格局基本形成。",
            "A regional layout led by Xiong'an, with the provincial capital first and several supporting centres, basically formed.", "service-clusters"),
        Goal(60, "2022-growth-engine", 2022, "科技服务业成为全省新的经济增长点和发展引擎。",
            "Sci-tech services a new growth point and engine of the province's economy.", "sector-revenue"),
    ];

    public static string TargetSource => $"{Plan}（2020 年目标）";

    private static Entry Count(int order, string code, string nameZh, string nameEn, string definitionZh, string definitionEn, string formula, double target,
        string units, string reference, string indicator, string? contextSeries = null, string? contextZh = null, string? contextEn = null, bool strictlyMore = false) =>
        new(new Kpi
        {
            Code = code, SortOrder = order, NameZh = nameZh, NameEn = nameEn, DefinitionZh = definitionZh, DefinitionEn = definitionEn, Formula = formula,
            Unit = KpiUnit.Count, Comparison = strictlyMore ? KpiComparison.MoreThan : KpiComparison.AtLeast, SourceKind = KpiSourceKind.Computed,
            ResponsibleUnits = units, PlanReference = reference, IndicatorKey = indicator,
            ContextSeriesCode = contextSeries, ContextNoteZh = contextZh, ContextNoteEn = contextEn,
        }, target);

    private static PlanGoal Goal(int order, string code, int year, string zh, string en, string? kpis) =>
        new() { Code = code, Year = year, TextZh = zh, TextEn = en, KpiCodes = kpis, SortOrder = order };
}

// Loads the plan's catalog after every migration, in every environment (it is the plan, not demo data). Idempotent:
// a KPI or goal already there is left as admins keep it.
internal sealed class PlanCatalogLoader(PlatformDbContext db, TimeProvider clock) : IStartupDataLoader
{
    public int Order => 200;

    public async Task LoadAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var kpis = await db.Set<Kpi>().Select(k => k.Code).ToListAsync(cancellationToken);
        var goals = await db.Set<PlanGoal>().Select(g => g.Code).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var (template, target) in PlanCatalog.Kpis.Where(e => !kpis.Contains(e.Kpi.Code)))
        {
            var kpi = Copy(template);
            kpi.FromPlan = true;
            kpi.CreatedAt = now;
            if (target is { } value)
            {
                kpi.Targets.Add(new KpiTarget { Year = 2020, Value = value, Source = PlanCatalog.TargetSource + " " + template.PlanReference, EnteredAt = now });
            }

            db.Add(kpi);
            added++;
        }

        foreach (var goal in PlanCatalog.Goals.Where(g => !goals.Contains(g.Code)))
        {
            db.Add(new PlanGoal { Code = goal.Code, Year = goal.Year, TextZh = goal.TextZh, TextEn = goal.TextEn, KpiCodes = goal.KpiCodes, SortOrder = goal.SortOrder });
            added++;
        }

        if (added > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            progress?.Report($"monitoring: plan catalog, {added} added");
        }
    }

    // The templates are shared by every host in the process: each database gets its own entities.
    private static Kpi Copy(Kpi t) => new()
    {
        Code = t.Code, SortOrder = t.SortOrder, NameZh = t.NameZh, NameEn = t.NameEn, DefinitionZh = t.DefinitionZh, DefinitionEn = t.DefinitionEn,
        Formula = t.Formula, Unit = t.Unit, Comparison = t.Comparison, SourceKind = t.SourceKind, ResponsibleUnits = t.ResponsibleUnits,
        PlanReference = t.PlanReference, IndicatorKey = t.IndicatorKey, ContextSeriesCode = t.ContextSeriesCode, ContextNoteZh = t.ContextNoteZh,
        ContextNoteEn = t.ContextNoteEn, PendingReasonZh = t.PendingReasonZh, PendingReasonEn = t.PendingReasonEn,
    };
}
