using TechBridge.Platform.Time;

namespace TechBridge.Platform.Portal;

internal sealed record HomeView(
    IReadOnlyList<EntryPoint> EntryPoints,
    IReadOnlyList<SectorCount> Sectors,
    IReadOnlyList<MonthlyCount> Monthly,
    PortalMonths Months,
    IReadOnlyList<PortalNotice> Notices);

// The home page: what a visitor can do, the announcements, and what the platform holds by sector and month.
internal sealed class HomeHandler(IEnumerable<EntryPoint> entryPoints, IEnumerable<IPortalSource> sources, TimeProvider clock)
{
    public const int TrendMonths = 12;
    public const int NoticeCount = 6;

    public async Task<HomeView> ReadAsync(CancellationToken cancellationToken)
    {
        var months = MonthsEndingAt(clock.GetUtcNow(), TrendMonths);
        var sectors = new List<SectorCount>();
        var monthly = new List<MonthlyCount>();
        var notices = new List<PortalNotice>();
        // One scoped DbContext: the sources run one after the other.
        foreach (var source in sources)
        {
            sectors.AddRange(await source.SectorCountsAsync(cancellationToken));
            monthly.AddRange(await source.MonthlyCountsAsync(months, cancellationToken));
            notices.AddRange(await source.NoticesAsync(NoticeCount, cancellationToken));
        }

        return new HomeView(
            entryPoints.OrderBy(e => e.Order).ToList(),
            sectors.OrderBy(s => s.Order).ToList(),
            monthly.OrderBy(m => m.Order).ToList(),
            months,
            notices.OrderByDescending(n => n.At).Take(NoticeCount).ToList());
    }

    // The first instant of each of the last `count` calendar months in Beijing, the current month last.
    public static PortalMonths MonthsEndingAt(DateTimeOffset now, int count)
    {
        var local = AdjustableClock.ToChina(now);
        var offset = local.Offset;
        var first = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, offset);
        return new PortalMonths(Enumerable.Range(0, count).Select(i => first.AddMonths(i - count + 1).ToUniversalTime()).ToList());
    }
}

// The workspace: every module's queues for the signed-in user, in the order the modules give them.
internal sealed class WorkspaceHandler(IEnumerable<IWorkspaceSource> sources)
{
    public async Task<IReadOnlyList<WorkspaceQueue>> QueuesAsync(CancellationToken cancellationToken)
    {
        var queues = new List<WorkspaceQueue>();
        foreach (var source in sources)
        {
            queues.AddRange(await source.QueuesAsync(cancellationToken));
        }

        return queues.Where(q => q.Always || q.Count > 0).OrderBy(q => q.Order).ToList();
    }
}
