using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Supervision.Contracts;
using TechBridge.Modules.Supervision.Data;
using TechBridge.Platform.Portal;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Supervision.Portal;

// The way into supervision from the workspace: admins who oversee the plan's tasks see the overdue milestones (shown
// even when there are none, so the board is one click away); members of a responsible agency see their tasks.
internal sealed class SupervisionWorkspace(PlatformDbContext db, IAccess access, IOrganizationFacts organizations, TimeProvider clock) : IWorkspaceSource
{
    private const int QueueItems = 5;

    public async Task<IReadOnlyList<WorkspaceQueue>> QueuesAsync(CancellationToken cancellationToken)
    {
        var queues = new List<WorkspaceQueue>();
        if ((await access.JurisdictionsWithAsync(SupervisionPermissions.OverseeTasks, cancellationToken)).Count > 0)
        {
            var today = DateOnly.FromDateTime(AdjustableClock.ToChina(clock.GetUtcNow()).DateTime);
            var overdue = await (from m in db.Set<Milestone>().AsNoTracking()
                                 join t in db.Set<PlanTask>() on m.TaskId equals t.Id
                                 where m.CompletedAt == null && m.DueOn < today
                                 orderby m.DueOn
                                 select new { t.Id, t.Number, m.Title }).ToListAsync(cancellationToken);
            queues.Add(new WorkspaceQueue(161, "admin", "Overdue plan milestones", overdue.Count, "/Supervision",
                overdue.Take(QueueItems).Select(o => new WorkspaceItem($"{o.Number} {o.Title}", $"/Supervision/Task/{o.Id}")).ToList(), Always: true));
        }

        var agencies = (await organizations.MembershipsOfAsync(access.UserId, cancellationToken))
            .Where(m => m.Type == OrganizationType.GovernmentAgency && m.IsVerified).Select(m => m.Id).ToList();
        if (agencies.Count > 0)
        {
            var tasks = await (from u in db.Set<TaskUnit>().AsNoTracking()
                               join t in db.Set<PlanTask>() on u.TaskId equals t.Id
                               where agencies.Contains(u.OrganizationId)
                               select new { t.Id, t.Number, t.TitleZh, t.SortOrder }).Distinct().ToListAsync(cancellationToken);
            queues.Add(new WorkspaceQueue(162, "mine", "Plan tasks your agency answers for", tasks.Count, "/Supervision",
                tasks.OrderBy(t => t.SortOrder).Take(QueueItems).Select(t => new WorkspaceItem($"{t.Number} {t.TitleZh}", $"/Supervision/Task/{t.Id}")).ToList(), Always: true));
        }

        return queues;
    }
}
