using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Supervision.Contracts;
using TechBridge.Modules.Supervision.Data;
using TechBridge.Platform.Jobs;
using TechBridge.Platform.Notifications;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Supervision.Overdue;

// Finds milestones past their due date (Beijing date) and not completed, and escalates each once: the members of
// every responsible unit of the task and the admins who oversee its region are notified. Idempotent: the milestone
// carries the time the escalation went out, committed with the notifications. A platform job
// ("supervision.overdue-milestones", every Supervision:OverduePeriodMinutes, default 60).
internal sealed class OverdueMilestones(PlatformDbContext db, IOrganizationFacts organizations, IGovernmentAgencies agencies, Notifier notifier, ActorContext actor, TimeProvider clock) : IJob
{
    public const string NotificationKind = "supervision.milestone-overdue";

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        actor.Action = "escalate overdue milestones";
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(AdjustableClock.ToChina(now).DateTime);
        var overdue = await (from m in db.Set<Milestone>()
                             join t in db.Set<PlanTask>() on m.TaskId equals t.Id
                             where m.CompletedAt == null && m.EscalatedAt == null && m.DueOn < today
                             select new { Milestone = m, Task = t })
            .ToListAsync(cancellationToken);
        if (overdue.Count == 0)
        {
            return 0;
        }

        var taskIds = overdue.Select(o => o.Task.Id).Distinct().ToList();
        var units = await db.Set<TaskUnit>().Where(u => taskIds.Contains(u.TaskId)).ToListAsync(cancellationToken);
        foreach (var item in overdue)
        {
            var recipients = new HashSet<Guid>();
            foreach (var unit in units.Where(u => u.TaskId == item.Task.Id))
            {
                recipients.UnionWith(await organizations.MemberUserIdsAsync(unit.OrganizationId, cancellationToken));
            }

            recipients.UnionWith(await agencies.AdminsWithAsync(SupervisionPermissions.OverseeTasks, item.Task.RegionCode ?? Jurisdictions.Hebei, cancellationToken));
            var title = $"督导事项逾期：{item.Task.Number} {item.Task.TitleZh}";
            var body = $"里程碑“{item.Milestone.Title}”应于 {item.Milestone.DueOn:yyyy-MM-dd} 完成，尚未报送完成。请责任单位报送进展。";
            foreach (var userId in recipients)
            {
                notifier.Notify(userId, NotificationKind, title, body, $"/Supervision/Task/{item.Task.Id}");
            }

            item.Milestone.EscalatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return overdue.Count;
    }
}
