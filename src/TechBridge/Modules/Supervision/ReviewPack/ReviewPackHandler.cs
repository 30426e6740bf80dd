using MiniExcelLibs;
using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Modules.Supervision.Board;
using TechBridge.Platform.Auditing;

namespace TechBridge.Modules.Supervision.ReviewPack;

internal sealed record OverdueItem(Guid TaskId, string Number, string TitleZh, string TitleEn, string? RegionName, string LeadUnit, string Milestone, DateOnly DueOn);

internal sealed record ReviewPackView(DateOnly Date, IReadOnlyList<TaskRow> Tasks, IReadOnlyList<KpiStatusRow> Kpis, IReadOnlyList<OverdueItem> Overdue);

// The leading group's periodic meeting document: every task with its status and last report, the KPIs against their
// targets, and the overdue items — as a printable page and as xlsx (one sheet each). Exports are audited.
internal sealed class ReviewPackHandler(SupervisionHandler supervision, IKpiSnapshot kpis, AuditTrail trail, PlatformDbContext db)
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly Dictionary<string, string> TaskStatusZh = new(StringComparer.Ordinal)
    {
        ["done"] = "已完成", ["overdue"] = "逾期", ["in-progress"] = "推进中", ["not-started"] = "未开始",
    };

    private static readonly Dictionary<string, string> KpiStatusZh = new(StringComparer.Ordinal)
    {
        ["achieved"] = "已实现", ["on-track"] = "按计划推进", ["at-risk"] = "有风险", ["off-track"] = "偏离目标", ["not-assessable"] = "无法评估",
    };

    public async Task<ReviewPackView> BuildAsync(CancellationToken cancellationToken)
    {
        var tasks = await supervision.BoardAsync(null, null, cancellationToken);
        var overdue = new List<OverdueItem>();
        foreach (var task in tasks.Where(t => t.OverdueMilestones > 0))
        {
            var detail = await supervision.GetAsync(task.Id, cancellationToken);
            overdue.AddRange(detail.Milestones.Where(m => m.Overdue).Select(m =>
                new OverdueItem(task.Id, task.Number, task.TitleZh, task.TitleEn, task.RegionName, task.Units.FirstOrDefault(u => u.Role == "lead")?.Name ?? "", m.Title, m.DueOn)));
        }

        return new ReviewPackView(supervision.Today(), tasks, await kpis.CurrentAsync(cancellationToken), overdue);
    }

    public async Task<byte[]> XlsxAsync(CancellationToken cancellationToken)
    {
        var pack = await BuildAsync(cancellationToken);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["任务进展"] = pack.Tasks.Select(t => new Dictionary<string, object?>
            {
                ["编号"] = t.Number,
                ["任务"] = t.TitleZh,
                ["地区"] = t.RegionName ?? "全省",
                ["牵头单位"] = string.Join("、", t.Units.Where(u => u.Role == "lead").Select(u => u.Name)),
                ["配合单位"] = string.Join("、", t.Units.Where(u => u.Role != "lead").Select(u => u.Name)),
                ["状态"] = TaskStatusZh[t.Status],
                ["逾期里程碑"] = t.OverdueMilestones,
                ["最近报送"] = t.LastReportAt?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                ["完成比例(%)"] = t.LastPercent,
                ["最近进展"] = t.LastReportText,
            }).ToList(),
            ["指标完成情况"] = pack.Kpis.Select(k => new Dictionary<string, object?>
            {
                ["指标"] = k.NameZh,
                ["最新值"] = k.Latest,
                ["年份"] = k.LatestYear,
                ["目标值"] = k.Target,
                ["目标年份"] = k.TargetYear,
                ["线性趋势预测"] = k.LinearForecast,
                ["复合增长率预测"] = k.CagrForecast,
                ["状态"] = KpiStatusZh[k.Status],
                ["说明"] = k.NotComputableZh,
            }).ToList(),
            ["逾期事项"] = pack.Overdue.Count == 0
                ? [new Dictionary<string, object?> { ["说明"] = "无逾期事项" }]
                : pack.Overdue.Select(o => new Dictionary<string, object?>
                {
                    ["编号"] = o.Number,
                    ["任务"] = o.TitleZh,
                    ["地区"] = o.RegionName ?? "全省",
                    ["牵头单位"] = o.LeadUnit,
                    ["里程碑"] = o.Milestone,
                    ["应完成日期"] = o.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                }).ToList(),
        };
        trail.Note("SupervisionReviewPack", "export",
            $"exported the review pack of {pack.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}: {pack.Tasks.Count} tasks, {pack.Kpis.Count} KPIs, {pack.Overdue.Count} overdue items");
        await db.SaveChangesAsync(cancellationToken);
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }
}
