using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Engagements.Contracts;
using TechBridge.Modules.Engagements.Data;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Platform.Portal;

namespace TechBridge.Modules.Engagements.Portal;

// What Engagements puts on the home page (engagements and orders started per month) and in the workspace: the
// user's engagements and orders, admins' complaints, and the broker's mediation and match-judging queues.
internal sealed class EngagementsPortalSource(PlatformDbContext db, IAccess access, IOrganizationFacts organizations, IListingSearchSource listings) : IPortalSource, IWorkspaceSource
{
    private const int QueueItems = 5;

    // How many published demands a broker's judging queue looks at (the newest first).
    private const int DemandsToJudge = 200;

    public async Task<IReadOnlyList<MonthlyCount>> MonthlyCountsAsync(PortalMonths months, CancellationToken cancellationToken)
    {
        var from = months.From;
        var engagements = await db.Set<Engagement>().Where(e => e.CreatedAt >= from).Select(e => e.CreatedAt).ToListAsync(cancellationToken);
        var orders = await db.Set<ServiceOrder>().Where(o => o.CreatedAt >= from).Select(o => o.CreatedAt).ToListAsync(cancellationToken);
        return
        [
            new MonthlyCount(20, "Engagements started", months.Count(engagements)),
            new MonthlyCount(30, "Service orders placed", months.Count(orders)),
        ];
    }

    public async Task<IReadOnlyList<WorkspaceQueue>> QueuesAsync(CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        var queues = new List<WorkspaceQueue>();
        var memberships = await organizations.MembershipsOfAsync(userId, cancellationToken);
        if (memberships.Count > 0)
        {
            var ids = memberships.Select(m => m.Id).ToList();
            var engagements = await db.Set<Engagement>().AsNoTracking()
                .Where(e => (ids.Contains(e.ListingOrganizationId) || ids.Contains(e.InterestedOrganizationId))
                    && (e.Status == EngagementStatus.Open || e.Status == EngagementStatus.InDiscussion || e.Status == EngagementStatus.Agreed))
                .Select(e => new { e.Id, e.ListingTitle, e.Status, e.UpdatedAt }).ToListAsync(cancellationToken);
            queues.Add(new WorkspaceQueue(30, "mine", "My engagements", engagements.Count, "/Engagements",
                engagements.OrderByDescending(e => e.UpdatedAt).Take(QueueItems)
                    .Select(e => new WorkspaceItem(e.ListingTitle, $"/Engagements?id={e.Id}", e.UpdatedAt, EngagementState(e.Status))).ToList(), Always: true));

            var orders = await db.Set<ServiceOrder>().AsNoTracking()
                .Where(o => (ids.Contains(o.ClientOrganizationId) || ids.Contains(o.ProviderOrganizationId))
                    && (o.Status == OrderStatus.InProgress || o.Status == OrderStatus.Delivered || o.Status == OrderStatus.Disputed))
                .Select(o => new { o.Id, o.Title, o.Status, o.CreatedAt }).ToListAsync(cancellationToken);
            queues.Add(new WorkspaceQueue(40, "mine", "My orders", orders.Count, "/Orders",
                orders.OrderByDescending(o => o.CreatedAt).Take(QueueItems)
                    .Select(o => new WorkspaceItem(o.Title, $"/Orders/Detail?id={o.Id}", o.CreatedAt, OrderState(o.Status))).ToList(), Always: true));
        }

        var complaints = await access.JurisdictionsWithAsync(EngagementsPermissions.ResolveComplaints, cancellationToken);
        if (complaints.Count > 0)
        {
            var open = (await db.Set<Complaint>().AsNoTracking().Where(c => c.Status == ComplaintStatus.Open)
                    .Join(db.Set<ServiceOrder>(), c => c.OrderId, o => o.Id, (c, o) => new { o.Title, c.ProviderRegionCode, c.CreatedAt })
                    .ToListAsync(cancellationToken))
                .Where(c => complaints.Any(j => Jurisdictions.Covers(j, c.ProviderRegionCode))).OrderBy(c => c.CreatedAt).ToList();
            queues.Add(new WorkspaceQueue(140, "admin", "Complaints to resolve", open.Count, "/Admin/Complaints",
                open.Take(QueueItems).Select(c => new WorkspaceItem(c.Title, "/Admin/Complaints", c.CreatedAt)).ToList(), Always: true));
        }

        if (access.IsInRole(Roles.Broker))
        {
            queues.AddRange(await BrokerQueuesAsync(userId, memberships, cancellationToken));
        }

        return queues;
    }

    // The broker's region is the one the system admin assigned (Directory's broker region, jurisdictions with their
    // exceptions such as 雄安); without one, that of the organizations the broker belongs to; a broker with neither
    // works for the whole platform.
    private async Task<IReadOnlyList<WorkspaceQueue>> BrokerQueuesAsync(Guid userId, IReadOnlyList<OrganizationFacts> memberships, CancellationToken cancellationToken)
    {
        var regions = (await access.BrokerRegionsAsync(cancellationToken)).ToList();
        if (regions.Count == 0)
        {
            regions = memberships.SelectMany(m => m.Branches.Select(b => b.RegionCode).Append(m.RegionCode)).Select(r => r.Length >= 4 ? r[..4] : r).Distinct().ToList();
        }

        bool InRegion(string code) => regions.Count == 0 || regions.Any(r => Jurisdictions.Covers(r, code));

        var awaiting = (await db.Set<Engagement>().AsNoTracking()
                .Where(e => e.Anonymous && e.BrokerUserId == null && (e.Status == EngagementStatus.Open || e.Status == EngagementStatus.InDiscussion))
                .Select(e => new { e.Id, e.ListingTitle, e.JurisdictionRegion, e.CreatedAt }).ToListAsync(cancellationToken))
            .Where(e => InRegion(e.JurisdictionRegion)).OrderBy(e => e.CreatedAt).ToList();
        var mediated = await db.Set<Engagement>().AsNoTracking()
            .Where(e => e.BrokerUserId == userId && (e.Status == EngagementStatus.Open || e.Status == EngagementStatus.InDiscussion || e.Status == EngagementStatus.Agreed))
            .Select(e => new { e.Id, e.ListingTitle, e.Status, e.UpdatedAt }).ToListAsync(cancellationToken);

        // Published demands whose matches this broker has not judged yet.
        var demands = await listings.PublishedPageAsync(SearchableKinds.Demand, 0, DemandsToJudge, cancellationToken);
        var judged = await db.Set<MatchJudgement>().AsNoTracking().Where(j => j.BrokerUserId == userId).Select(j => j.QueryListingId).Distinct().ToListAsync(cancellationToken);
        var toJudge = demands.Where(d => !judged.Contains(d.Id) && (regions.Count == 0 || d.RegionCodes.Any(InRegion)))
            .OrderByDescending(d => d.PublishedAt).ToList();
        return
        [
            new WorkspaceQueue(200, "broker", "Anonymous demands awaiting mediation", awaiting.Count, "/Engagements",
                awaiting.Take(QueueItems).Select(e => new WorkspaceItem(e.ListingTitle, $"/Engagements?id={e.Id}", e.CreatedAt)).ToList(), Always: true),
            new WorkspaceQueue(210, "broker", "Engagements I mediate", mediated.Count, "/Engagements",
                mediated.OrderByDescending(e => e.UpdatedAt).Take(QueueItems).Select(e => new WorkspaceItem(e.ListingTitle, $"/Engagements?id={e.Id}", e.UpdatedAt, EngagementState(e.Status))).ToList(), Always: true),
            new WorkspaceQueue(220, "broker", "Match recommendations to judge", toJudge.Count, "/Search?kind=demand",
                toJudge.Take(QueueItems).Select(d => new WorkspaceItem(d.Title, $"/Listings/Detail?kind=demand&id={d.Id}#matches-heading", d.PublishedAt)).ToList(), Always: true),
        ];
    }

    private static string EngagementState(EngagementStatus status) => status switch
    {
        EngagementStatus.Open => "Open",
        EngagementStatus.InDiscussion => "In discussion",
        EngagementStatus.Agreed => "Agreed",
        EngagementStatus.Declined => "Declined",
        _ => "Closed",
    };

    private static string OrderState(OrderStatus status) => status switch
    {
        OrderStatus.InProgress => "In progress",
        OrderStatus.Delivered => "Delivered",
        OrderStatus.Accepted => "Accepted",
        _ => "Disputed",
    };
}

internal sealed record ProviderRecord(int CompletedOrders, double? AverageStars, int Ratings, int ComplaintsResolved, int ComplaintsOpen, IReadOnlyList<RatingLine> Recent);

internal sealed record RatingLine(int Stars, string? Comment, DateTimeOffset At);

// A provider's public track record for its profile: accepted orders, ratings, complaints (counts only; who the
// clients were stays private).
internal sealed class ProviderRecordHandler(PlatformDbContext db)
{
    public async Task<ProviderRecord> ForAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var completed = await db.Set<ServiceOrder>().CountAsync(o => o.ProviderOrganizationId == organizationId && o.Status == OrderStatus.Accepted, cancellationToken);
        var ratings = await db.Set<ProviderRating>().AsNoTracking().Where(r => r.ProviderOrganizationId == organizationId)
            .Select(r => new { r.Stars, r.Comment, r.At }).ToListAsync(cancellationToken);
        var resolved = await db.Set<Complaint>().CountAsync(c => c.ProviderOrganizationId == organizationId && c.Status == ComplaintStatus.Resolved, cancellationToken);
        var open = await db.Set<Complaint>().CountAsync(c => c.ProviderOrganizationId == organizationId && c.Status == ComplaintStatus.Open, cancellationToken);
        return new ProviderRecord(completed, ratings.Count == 0 ? null : Math.Round(ratings.Average(r => r.Stars), 1), ratings.Count, resolved, open,
            ratings.OrderByDescending(r => r.At).Take(5).Select(r => new RatingLine(r.Stars, r.Comment, r.At)).ToList());
    }
}
