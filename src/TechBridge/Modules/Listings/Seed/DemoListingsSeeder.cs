using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.Data;
using TechBridge.Platform.Files;
using TechBridge.Platform.Persistence;

namespace TechBridge.Modules.Listings.Seed;

// Demo listings with real texts: achievements from the CSL abstracts (title, keywords, discipline) and from national
// key R&D projects whose lead institution is a demo organization; demands, open calls with proposals and offerings
// for the demo organizations across all sectors and Hebei cities. Runs once: a second start finds demo listings and
// stops. Everything is added in one SaveChanges per kind.
internal sealed class DemoListingsSeeder(PlatformDbContext db, IOrganizationFacts facts, TimeProvider clock, IConfiguration configuration) : IDemoSeeder
{
    private static readonly (string Needle, string Field)[] FieldByTopic =
    [
        ("核", "nuclear"), ("航空", "aerospace"), ("航天", "aerospace"), ("宇航", "aerospace"), ("交通", "transport"), ("船舶", "transport"), ("汽车", "transport"),
        ("医", "biomedicine"), ("药", "biomedicine"), ("干细胞", "biomedicine"), ("疾病", "biomedicine"), ("生殖", "biomedicine"), ("蛋白质", "biomedicine"), ("发育", "biomedicine"), ("健康", "biomedicine"), ("生物", "biomedicine"),
        ("农", "agriculture"), ("园艺", "agriculture"), ("水产", "agriculture"), ("作物", "agriculture"), ("畜", "agriculture"), ("林", "agriculture"), ("粮", "agriculture"), ("食品", "agriculture"), ("植物", "agriculture"),
        ("材料", "new-materials"), ("纳米", "new-materials"), ("化学", "new-materials"), ("冶金", "new-materials"), ("纺织", "new-materials"),
        ("能源", "new-energy"), ("动力", "new-energy"), ("电气", "new-energy"), ("石油", "new-energy"), ("氢能", "new-energy"),
        ("环境", "environment"), ("固废", "environment"), ("土壤", "environment"), ("水利", "environment"), ("水资源", "environment"), ("大气", "environment"), ("全球变化", "environment"), ("矿业", "environment"), ("地质", "environment"),
        ("电子", "electronics"), ("计算机", "electronics"), ("信息", "electronics"), ("通信", "electronics"), ("光", "electronics"), ("量子", "electronics"), ("控制", "electronics"), ("网络", "electronics"),
        ("机械", "advanced-manufacturing"), ("制造", "advanced-manufacturing"), ("机器人", "advanced-manufacturing"), ("仪器", "advanced-manufacturing"), ("兵器", "advanced-manufacturing"), ("力学", "advanced-manufacturing"), ("部件", "advanced-manufacturing"),
        ("土木", "urban-social"), ("建筑", "urban-social"), ("测绘", "urban-social"), ("村镇", "urban-social"), ("灾害", "urban-social"), ("公共安全", "urban-social"), ("冬奥", "urban-social"), ("海洋", "environment"),
    ];

    private static readonly Dictionary<string, string> IndustryByField = new()
    {
        ["electronics"] = "C39", ["advanced-manufacturing"] = "C34", ["new-energy"] = "C38", ["environment"] = "N77", ["transport"] = "C37", ["urban-social"] = "E48",
        ["biomedicine"] = "C27", ["agriculture"] = "A01", ["new-materials"] = "C30", ["aerospace"] = "C37", ["nuclear"] = "M73",
    };

    private static readonly (string Title, string Description, string Field, string Sector, string Industry)[] DemandTexts =
    [
        ("数控机床主轴热变形补偿技术", "我公司数控加工中心在连续加工 4 小时后主轴热伸长导致尺寸超差，需要热误差建模与实时补偿方案，要求补偿后精度提升 50% 以上。", "advanced-manufacturing", "rd", "C34"),
        ("锂电池极片涂布面密度在线检测", "涂布工序面密度波动较大，希望引入在线测量与闭环控制，面密度一致性控制在 ±1.5% 以内。", "new-energy", "testing", "C38"),
        ("食品中农药残留快速检测方法", "需要适用于生产线的蔬菜原料农药残留快速筛查方法，单样检测时间不超过 20 分钟，并取得 CMA 资质报告。", "agriculture", "testing", "C14"),
        ("工业废水中重金属深度处理", "电镀车间废水含镍、铬，现有工艺难以稳定达到新排放标准，寻求经济可行的深度处理工艺与工程化方案。", "environment", "technology-transfer", "N77"),
        ("智能仓储 AGV 调度系统", "仓库有 30 台 AGV，需要多车路径规划与调度优化系统，与现有 WMS 对接，提升出入库效率 30%。", "electronics", "digital", "I65"),
        ("高性能碳纤维复合材料成型工艺", "需要热塑性碳纤维复合材料快速模压成型工艺，用于汽车轻量化结构件，成型周期小于 3 分钟。", "new-materials", "rd", "C30"),
        ("中药提取物质量标准研究", "公司中药配方颗粒需要建立指纹图谱与含量测定方法，满足国家药品标准申报要求。", "biomedicine", "consulting", "C27"),
        ("产品外观与人机工程设计", "新一代家用空气净化器需要外观设计与人机交互优化，兼顾量产工艺与成本。", "advanced-manufacturing", "industrial-design", "C38"),
        ("发明专利布局与侵权风险分析", "拟进入欧洲市场，需对核心产品进行专利检索、自由实施（FTO）分析和专利布局规划。", "electronics", "ip", "C39"),
        ("科技型企业知识产权质押融资", "公司拥有 12 项发明专利，希望通过知识产权质押获得 500 万元流动资金贷款，需要评估与融资对接服务。", "new-materials", "finance", "C30"),
        ("孵化场地与创业辅导服务", "初创团队 8 人，需要 300 平方米中试场地及创业辅导、政策申报服务。", "electronics", "incubation", "I65"),
        ("工业互联网平台设备接入", "厂内 200 台设备协议不一，需要统一接入工业互联网平台，实现设备状态监测与能耗分析。", "electronics", "platform", "I65"),
        ("羊绒纤维细度快速检测", "需要羊绒纤维细度与长度的快速检测设备或服务，替代人工显微镜测量。", "new-materials", "testing", "C17"),
        ("皮革鞣制废液资源化利用", "鞣制废液中铬回收率低，寻求铬回收与废液资源化利用技术，降低处理成本。", "environment", "technology-transfer", "C19"),
        ("丝网产品耐腐蚀涂层", "不锈钢丝网在海洋环境中腐蚀严重，需要耐盐雾 1000 小时以上的涂层技术。", "new-materials", "rd", "C33"),
        ("电线电缆绝缘材料老化评估", "需要建立电缆绝缘材料加速老化试验方法与寿命评估模型。", "new-materials", "testing", "C38"),
        ("葡萄酒发酵过程智能控制", "希望实现葡萄酒发酵温度、糖度的在线监测与智能控制，稳定产品风味。", "agriculture", "digital", "C15"),
        ("医疗器械注册检验与临床评价", "二类医疗器械产品需要完成注册检验与临床评价资料准备。", "biomedicine", "consulting", "C35"),
        ("氢燃料电池双极板国产化", "寻求金属双极板成形与涂层技术合作，实现双极板国产化替代。", "new-energy", "rd", "C38"),
        ("城市供热管网漏损监测", "供热公司需要管网漏损在线监测与定位方案，降低热损失。", "urban-social", "platform", "D44"),
    ];

    private static readonly Dictionary<string, (string Title, string Description, string[] Items)[]> OfferingTexts = new()
    {
        ["rd"] = [("委托研发与中试验证", "面向制造企业提供工艺研发、样机试制与中试验证服务，配备中试线与检测平台。", ["工艺开发", "样机试制", "中试验证"]), ("产学研联合攻关", "组织高校院所专家团队开展关键共性技术联合攻关。", ["技术攻关", "专家咨询"])],
        ["incubation"] = [("科技企业孵化与创业辅导", "提供孵化场地、创业导师、投融资对接和政策申报服务。", ["孵化场地", "创业辅导", "投融资对接"]), ("众创空间工位服务", "开放工位、共享会议室与路演活动。", ["开放工位", "路演活动"])],
        ["industrial-design"] = [("产品外观与结构设计", "工业设计团队提供产品外观、结构、CMF 与人机工程设计。", ["外观设计", "结构设计", "CMF 设计"]), ("设计驱动的产品创新咨询", "以用户研究为基础的产品定义与创新策略。", ["用户研究", "产品定义"])],
        ["technology-transfer"] = [("技术转移与成果转化经纪", "技术经纪人团队提供成果评价、供需对接、技术合同登记辅导。", ["成果评价", "供需对接", "合同登记辅导"]), ("技术交易撮合", "面向京津冀的技术交易撮合与挂牌服务。", ["技术挂牌", "交易撮合"])],
        ["finance"] = [("知识产权质押融资服务", "提供知识产权评估、质押融资方案设计与银行对接。", ["知识产权评估", "融资方案", "银行对接"]), ("科技型企业融资担保", "为科技型中小企业提供贷款担保服务。", ["融资担保"])],
        ["ip"] = [("专利申请与布局", "发明、实用新型、外观设计专利申请代理与专利布局规划。", ["专利申请", "专利布局", "审查意见答复"]), ("专利检索与 FTO 分析", "专利检索、侵权风险与自由实施分析。", ["专利检索", "FTO 分析"])],
        ["testing"] = [("材料力学性能检测", "具备 CMA、CNAS 资质，提供拉伸、冲击、硬度、疲劳等力学性能检测。", ["拉伸试验", "冲击试验", "疲劳试验"]), ("化学成分与环境检测", "提供金属材料化学成分、水质与土壤环境检测。", ["成分分析", "水质检测", "土壤检测"])],
        ["consulting"] = [("科技项目申报咨询", "高新技术企业认定、科技型中小企业评价与科技项目申报辅导。", ["高企认定辅导", "项目申报"]), ("企业技术创新诊断", "企业研发管理体系与技术创新能力诊断。", ["创新诊断", "研发管理咨询"])],
        ["digital"] = [("工业软件与数字化改造", "提供 MES、设备联网与数据分析等数字化改造服务。", ["MES 实施", "设备联网", "数据分析"]), ("人工智能视觉检测方案", "基于深度学习的表面缺陷视觉检测方案。", ["视觉检测", "算法定制"])],
        ["platform"] = [("科技资源共享平台服务", "大型科研仪器共享预约、科技文献与标准信息服务。", ["仪器共享", "文献检索", "标准信息"]), ("综合科技服务一站式对接", "一站式科技服务需求受理与专业机构对接。", ["需求受理", "机构对接"])],
    };

    public int Order => 30;

    public async Task SeedAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (await db.Set<TechnologyAchievement>().AnyAsync(a => a.IsDemo, cancellationToken))
        {
            progress?.Report("demo listings: already there");
            return;
        }

        var now = clock.GetUtcNow();
        var validity = TimeSpan.FromDays(configuration.GetValue("Listings:ValidityDays", 180));
        var universities = await facts.DemoOrganizationsAsync(OrganizationType.UniversityOrInstitute, cancellationToken);
        var institutions = await facts.DemoOrganizationsAsync(OrganizationType.ServiceInstitution, cancellationToken);
        var enterprises = (await facts.DemoOrganizationsAsync(OrganizationType.Enterprise, cancellationToken)).Where(e => e.RegionCode.StartsWith("13", StringComparison.Ordinal)).ToList();
        if (universities.Count == 0 || institutions.Count == 0 || enterprises.Count == 0)
        {
            progress?.Report("demo listings: no demo organizations, skipped");
            return;
        }

        var n = 0;
        // Most demo listings are published; a few wait for review or are drafts, so every page has something to show.
        T Stamp<T>(T listing, OrganizationFacts owner)
            where T : Listing
        {
            n++;
            listing.OrganizationId = owner.Id;
            listing.OwnerRegionCode = owner.RegionCode;
            listing.IsDemo = true;
            listing.CreatedAt = now.AddDays(-(n % 60));
            listing.UpdatedAt = listing.CreatedAt;
            listing.Status = (n % 10) switch { 0 => ListingStatus.Submitted, 5 => ListingStatus.Draft, _ => ListingStatus.Published };
            if (listing.Status != ListingStatus.Draft)
            {
                listing.SubmittedAt = listing.CreatedAt;
            }

            if (listing.Status == ListingStatus.Published)
            {
                listing.PublishedAt = listing.CreatedAt;
                listing.ExpiresAt = listing.CreatedAt + validity;
                db.Add(new OutboxEntry { ListingKind = listing.Kind, ListingId = listing.Id, Change = ListingChange.Published, OccurredAt = now });
            }

            db.Add(listing);
            return listing;
        }

        // Achievements from CSL: joined by abstract across the title, keyword and discipline files.
        var directory = Path.Combine(AppContext.BaseDirectory, "Data", "demo");
        Dictionary<string, string> ReadPairs(string file) => File.ReadLines(Path.Combine(directory, file))
            .Select(l => l.Split('\t')).Where(p => p.Length == 3).GroupBy(p => p[1]).ToDictionary(g => g.Key, g => g.First()[2]);
        var keywords = ReadPairs("csl-kg-dev.tsv");
        var disciplines = ReadPairs("csl-dcp-dev.tsv");
        var modes = new[] { TransferModes.Licence, TransferModes.Assignment | TransferModes.Licence, TransferModes.JointDevelopment, TransferModes.EquityContribution | TransferModes.JointDevelopment };
        var count = 0;
        foreach (var (abstractText, title) in ReadPairs("csl-ts-dev.tsv"))
        {
            var field = FieldOf(disciplines.GetValueOrDefault(abstractText, "") + title);
            if (field is null || title.Length > 200 || abstractText.Length > 8000 || count >= 400)
            {
                continue;
            }

            var owner = universities[count % universities.Count];
            Stamp(new TechnologyAchievement
            {
                OwnerRegionCode = owner.RegionCode,
                Title = title,
                Abstract = abstractText,
                Keywords = string.Join(';', keywords.GetValueOrDefault(abstractText, "").Split('_', StringSplitOptions.RemoveEmptyEntries).Take(20)),
                TechnologyFieldCode = field,
                IndustryCode = IndustryByField[field],
                Trl = 2 + (count % 7),
                LinkedIp = count % 3 == 0 ? $"ZL20{18 + (count % 6)}1{count:D7}.{count % 10}" : null,
                TransferModes = modes[count % modes.Length],
                AskingPriceFen = count % 4 == 0 ? null : (10 + (count % 40)) * 1_000_000L,
            }, owner);
            count++;
        }

        // Achievements from national key R&D projects led by demo institutions (real titles and institutions).
        var projects = new List<string[]>();
        using (var reader = new StreamReader(Path.Combine(directory, "PubNKRDP.csv")))
        {
            projects.AddRange(Csv.Read(reader).Skip(1).Where(r => r.Length >= 9));
        }

        var owners = await facts.FindVerifiedByNamesAsync(projects.Select(p => p[5]).Distinct().ToList(), cancellationToken);
        var ownerFacts = await facts.FindManyAsync(owners.Values.ToList(), cancellationToken);
        var projectCount = 0;
        foreach (var project in projects.Where(p => owners.ContainsKey(p[5])).Take(150))
        {
            var owner = ownerFacts[owners[project[5]]];
            var field = FieldOf(project[8] + project[4]) ?? "advanced-manufacturing";
            Stamp(new TechnologyAchievement
            {
                OwnerRegionCode = owner.RegionCode,
                Title = project[4].Length > 200 ? project[4][..200] : project[4],
                Abstract = $"国家重点研发计划“{project[8]}”重点专项项目（{project[0]} 年立项，项目编号 {project[2]}），由{project[5]}牵头承担。{project[4]}。",
                Keywords = project[8],
                TechnologyFieldCode = field,
                IndustryCode = IndustryByField[field],
                Trl = 3 + (projectCount % 5),
                TransferModes = modes[projectCount % modes.Length],
                AskingPriceFen = projectCount % 3 == 0 ? null : (50 + (projectCount % 50)) * 1_000_000L,
            }, owner);
            projectCount++;
        }

        // Demands: the demo enterprise first, then enterprises across every Hebei city.
        var demoEnterprise = (await facts.MembershipsOfUserNameAsync("enterprise.demo", cancellationToken)).FirstOrDefault(o => o.Type == OrganizationType.Enterprise);
        var posters = (demoEnterprise is null ? enterprises : [demoEnterprise, .. enterprises.Where(e => e.Id != demoEnterprise.Id)]).ToList();
        var openCalls = new List<TechnologyDemand>();
        for (var i = 0; i < Math.Max(DemandTexts.Length * 2, posters.Count); i++)
        {
            var (title, description, field, sector, industry) = DemandTexts[i % DemandTexts.Length];
            var owner = posters[i % posters.Count];
            var demand = Stamp(new TechnologyDemand
            {
                OwnerRegionCode = owner.RegionCode,
                Title = title,
                Description = description,
                TechnologyFieldCode = field,
                SectorCode = sector,
                IndustryCode = industry,
                BudgetMinFen = (5 + (i % 10)) * 1_000_000L,
                BudgetMaxFen = (20 + (i % 10)) * 5_000_000L,
                Deadline = DateOnly.FromDateTime(now.UtcDateTime).AddDays(60 + (i % 120)),
                RegionCode = owner.RegionCode,
                Visibility = i % 4 == 1 ? DemandVisibility.Anonymous : DemandVisibility.Public,
                IsOpenCall = i % 3 == 0,
            }, owner);
            if (i < 2)
            {
                // The demo enterprise's first two are published open calls, so the comparison page has proposals.
                demand.IsOpenCall = true;
                demand.Status = ListingStatus.Published;
                demand.PublishedAt ??= demand.CreatedAt;
                demand.ExpiresAt ??= demand.CreatedAt + validity;
            }

            if (demand.IsOpenCall && demand.Status == ListingStatus.Published)
            {
                openCalls.Add(demand);
            }
        }

        // Proposals: three institutions of the matching sector (or any) answer each open call.
        var providerMemberships = await facts.MembershipsOfUserNameAsync("provider.demo", cancellationToken);
        var demoProvider = providerMemberships.Count > 0 ? providerMemberships[0] : null;
        for (var c = 0; c < openCalls.Count; c++)
        {
            var call = openCalls[c];
            var bidders = institutions.Where(o => o.Sectors.Contains(call.SectorCode ?? "")).Concat(institutions).DistinctBy(o => o.Id).Take(3).ToList();
            if (c < 2 && demoProvider is not null && bidders.All(b => b.Id != demoProvider.Id))
            {
                bidders[^1] = demoProvider;
            }

            for (var b = 0; b < bidders.Count; b++)
            {
                db.Add(new Proposal
                {
                    DemandId = call.Id,
                    OrganizationId = bidders[b].Id,
                    Approach = $"方案{b + 1}：针对“{call.Title}”，{(b == 0 ? "采用成熟工艺快速落地，分两期实施" : b == 1 ? "联合高校开展技术攻关，先小试后中试" : "提供整体解决方案并负责运维")}。",
                    PriceFen = (call.BudgetMinFen ?? 10_000_000L) + (b * 2_500_000L),
                    DurationDays = 60 + (b * 30),
                    Team = b switch { 0 => "高级工程师 2 名，工程师 4 名", 1 => "教授 1 名，博士 3 名，工程师 2 名", _ => "项目经理 1 名，工程师 6 名" },
                    Status = b == 0 && c % 2 == 0 ? ProposalStatus.Shortlisted : ProposalStatus.Submitted,
                    CreatedAt = now.AddDays(-b),
                    IsDemo = true,
                });
            }
        }

        // Offerings: two per demo service institution, from the texts of its sector.
        foreach (var institution in institutions)
        {
            var sector = institution.Sectors.FirstOrDefault(s => OfferingTexts.ContainsKey(s)) ?? "consulting";
            var texts = OfferingTexts[sector];
            for (var k = 0; k < texts.Length; k++)
            {
                var (title, description, items) = texts[k];
                var model = (PriceModel)(1 + ((n + k) % 3));
                var city = institution.RegionCode[..2] == "13" ? institution.RegionCode[..4] : institution.RegionCode[..2];
                Stamp(new ServiceOffering
                {
                    OwnerRegionCode = institution.RegionCode,
                    Title = title,
                    Description = description,
                    SectorCode = sector,
                    ServiceItems = string.Join('\n', items),
                    PriceModel = model,
                    PriceFen = model == PriceModel.Negotiable ? null : (2 + (n % 20)) * 100_000L,
                    RegionsServed = string.Join(',', new[] { city, "13" }.Distinct()),
                    LeadTimeDays = 3 + (n % 20),
                    AcceptsInnovationVouchers = n % 2 == 0,
                    ContactName = "联系人",
                    ContactPhone = $"1380013{n % 10000:D4}",
                    BranchId = institution.Branches.Count > 0 ? institution.Branches[0].Id : null,
                }, institution);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        progress?.Report($"demo listings: {count + projectCount} achievements, {posters.Count} demands ({openCalls.Count} open calls), {institutions.Count * 2} offerings");
    }

    private static string? FieldOf(string text)
    {
        foreach (var (needle, field) in FieldByTopic)
        {
            if (text.Contains(needle, StringComparison.Ordinal))
            {
                return field;
            }
        }

        return null;
    }
}
