using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Modules.Monitoring.Data;
using TechBridge.Platform.Portal;

namespace TechBridge.Modules.Monitoring.Portal;

// The way into plan monitoring from the workspace, for the people who use it: province admins who confirm reported
// values (the queue is shown even when empty, so the dashboard is one click away), and the members of government
// agencies, who report the values of the KPIs their units answer for.
internal sealed class MonitoringWorkspace(PlatformDbContext db, IAccess access, IOrganizationFacts organizations) : IWorkspaceSource
{
    private const int QueueItems = 5;

    public async Task<IReadOnlyList<WorkspaceQueue>> QueuesAsync(CancellationToken cancellationToken)
    {
        var queues = new List<WorkspaceQueue>();
        if (await access.HasPermissionAsync(MonitoringPermissions.ManageKpis, Jurisdictions.Hebei, cancellationToken))
        {
            var pending = await (from v in db.Set<KpiValue>().AsNoTracking()
                                 join k in db.Set<Kpi>() on v.KpiId equals k.Id
                                 where v.ConfirmedAt == null
                                 select new { k.Code, k.NameZh, v.Year, v.ReportedAt }).ToListAsync(cancellationToken);
            queues.Add(new WorkspaceQueue(160, "admin", "Plan KPI values awaiting confirmation", pending.Count, "/Monitoring",
                pending.OrderBy(p => p.ReportedAt).Take(QueueItems).Select(p => new WorkspaceItem($"{p.NameZh} · {p.Year}", $"/Monitoring/Kpi/{p.Code}", p.ReportedAt)).ToList(), Always: true));
        }
        else if ((await organizations.MembershipsOfAsync(access.UserId, cancellationToken)).Any(m => m.Type == OrganizationType.GovernmentAgency && m.IsVerified))
        {
            var reported = await db.Set<Kpi>().AsNoTracking().Where(k => k.SourceKind == KpiSourceKind.Reported).OrderBy(k => k.SortOrder)
                .Select(k => new { k.Code, k.NameZh }).ToListAsync(cancellationToken);
            queues.Add(new WorkspaceQueue(160, "mine", "Plan KPIs your agency reports", reported.Count, "/Monitoring",
                reported.Take(QueueItems).Select(k => new WorkspaceItem(k.NameZh, $"/Monitoring/Kpi/{k.Code}")).ToList(), Always: true));
        }

        return queues;
    }
}
