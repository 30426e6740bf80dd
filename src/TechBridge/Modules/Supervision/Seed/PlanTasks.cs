using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Supervision.Data;

namespace TechBridge.Modules.Supervision.Seed;

// The plan's 三、重点任务, every numbered task, with the responsible units its text names (责任单位: the first leads,
// the others share the task) and the KPIs the task's text quantifies. Each gets the plan's two milestones: the 2020
// targets and the 2022 goals (一（三）).
internal static class PlanTasks
{
    public sealed record Entry(string Number, string Section, string TitleZh, string TitleEn, string Units, string? Kpis);

    private const string S1 = "（一）构建开放式科技服务创新网络";
    private const string S2 = "（二）打造适应新经济发展的赋能生态";
    private const string S3 = "（三）推进科技服务与实体经济深度融合";
    private const string S4 = "（四）优化科技服务业发展战略布局";

    public static IReadOnlyList<Entry> All { get; } =
    [
        new("三（一）1", S1, "加强京津资源引进与协作", "Attract and cooperate with Beijing and Tianjin resources", "省科技厅、省发展改革委、省商务厅、省财政厅", "hebei-share-of-beijing-tianjin-output"),
        new("三（一）2", S1, "提升科技服务国际化水平", "Internationalise sci-tech services", "省科技厅、省发展改革委、省商务厅、省外办", "international-cooperation-bases"),
        new("三（一）3", S1, "强化区域资源整合和协同发展", "Integrate regional resources and develop together", "省科技厅、省教育厅、省财政厅、省发展改革委", "innovation-alliances"),
        new("三（二）1", S2, "发展新型科技服务组织", "Develop new-type sci-tech service organizations", "省科技厅、省发展改革委、省工业和信息化厅", "new-rd-institutions"),
        new("三（二）2", S2, "推动科技服务模式创新", "Innovate sci-tech service models", "省科技厅、省发展改革委", null),
        new("三（二）3", S2, "赋能打造新经济增长点", "Enable new growth points of the new economy", "省科技厅、省发展改革委", "leading-enterprises"),
        new("三（三）1", S3, "提升优势产业科技服务能级", "Raise sci-tech services for the leading traditional industries", "省科技厅、省发展改革委、省工业和信息化厅", null),
        new("三（三）2", S3, "加强战略性科技服务平台布局", "Lay out strategic sci-tech service platforms", "省科技厅、省发展改革委、省工业和信息化厅", "national-rd-platforms"),
        new("三（三）3", S3, "完善特色产业科技服务链条", "Complete the service chains of county characteristic industries", "省科技厅、省发展改革委、省工业和信息化厅", null),
        new("三（三）4", S3, "推动大中小企业服务融通共享", "Share services between large and small enterprises", "省科技厅、省发展改革委、省国资委、省工业和信息化厅", "high-tech-service-enterprises"),
        new("三（四）1", S4, "建设雄安高端科技服务集聚区", "Build the Xiong'an high-end sci-tech service cluster", "省科技厅、雄安新区管委会", null),
        new("三（四）2", S4, "建设省会科技服务示范区", "Build the provincial capital's sci-tech service demonstration zone", "省科技厅、省发展改革委、省工业和信息化厅、石家庄市政府", null),
        new("三（四）3", S4, "培育科技服务业产业集群", "Grow sci-tech service industry clusters", "省科技厅、省商务厅", "service-clusters"),
    ];

    // Where each responsible unit sits: provincial agencies under Hebei (130000); 雄安新区管委会 in 雄安 (容城); the
    // Shijiazhuang government in its city.
    public static AgencySpec Agency(string name) => name switch
    {
        "雄安新区管委会" => new(name, "130629"),
        "石家庄市政府" => new(name, "130100"),
        _ => new(name, "130000"),
    };

    public static IReadOnlyList<string> UnitsOf(Entry entry) => entry.Units.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

// Loads the plan's tasks after every migration, in every environment (they are the plan), registering the responsible
// units as government-agency organizations through the Directory. Idempotent: a task already there is left as it is.
internal sealed class PlanTasksLoader(PlatformDbContext db, IGovernmentAgencies agencies, TimeProvider clock) : IStartupDataLoader
{
    public int Order => 210;

    public async Task LoadAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var present = await db.Set<PlanTask>().Where(t => t.ParentId == null).Select(t => t.Number).ToListAsync(cancellationToken);
        var missing = PlanTasks.All.Where(t => !present.Contains(t.Number)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var ids = await agencies.EnsureAsync(missing.SelectMany(PlanTasks.UnitsOf).Distinct().Select(PlanTasks.Agency).ToList(), cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var entry in missing)
        {
            var task = new PlanTask
            {
                Number = entry.Number,
                SectionZh = entry.Section,
                TitleZh = entry.TitleZh,
                TitleEn = entry.TitleEn,
                KpiCodes = entry.Kpis,
                SortOrder = PlanTasks.All.ToList().IndexOf(entry),
                CreatedAt = now,
            };
            var units = PlanTasks.UnitsOf(entry);
            for (var i = 0; i < units.Count; i++)
            {
                task.Units.Add(new TaskUnit { OrganizationId = ids[units[i]], Role = i == 0 ? UnitRole.Lead : UnitRole.CoResponsible, NameInPlan = units[i] });
            }

            task.Milestones.Add(new Milestone { Title = "2020 年目标（一（三）发展目标）", DueOn = new DateOnly(2020, 12, 31) });
            task.Milestones.Add(new Milestone { Title = "2022 年目标（一（三）发展目标）", DueOn = new DateOnly(2022, 12, 31) });
            db.Add(task);
        }

        await db.SaveChangesAsync(cancellationToken);
        progress?.Report($"supervision: {missing.Count} plan tasks loaded");
    }
}

// Demo members of two responsible agencies, so that the agency side can be tried: agency.kjt (省科技厅) and
// agency.fgw (省发展改革委).
internal sealed class DemoAgencyMembersSeeder(IGovernmentAgencies agencies) : IDemoSeeder
{
    public const string Password = "TechBridge-demo-2026";

    public int Order => 900;

    public async Task SeedAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var ids = await agencies.EnsureAsync([PlanTasks.Agency("省科技厅"), PlanTasks.Agency("省发展改革委")], cancellationToken);
        await agencies.EnsureDemoMemberAsync("agency.kjt", "省科技厅 demo officer", ids["省科技厅"], Password, cancellationToken);
        await agencies.EnsureDemoMemberAsync("agency.fgw", "省发展改革委 demo officer", ids["省发展改革委"], Password, cancellationToken);
        progress?.Report("supervision: demo agency members agency.kjt, agency.fgw");
    }
}
