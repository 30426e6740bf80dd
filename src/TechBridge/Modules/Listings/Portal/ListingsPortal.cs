using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Modules.Listings.Data;
using TechBridge.Platform.Portal;

namespace TechBridge.Modules.Listings.Portal;

// What the Listings module puts on the home page (published demands, services and achievements by sector; the
// announcements of open calls) and in the workspace (the user's own listings; the review queue of an admin).
internal sealed class ListingsPortalSource(PlatformDbContext db, IAccess access, IOrganizationFacts organizations) : IPortalSource, IWorkspaceSource
{
    private const int QueueItems = 5;

    public async Task<IReadOnlyList<SectorCount>> SectorCountsAsync(CancellationToken cancellationToken)
    {
        var offerings = await db.Set<ServiceOffering>().Where(o => o.Status == ListingStatus.Published)
            .GroupBy(o => o.SectorCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var demands = await db.Set<TechnologyDemand>().Where(d => d.Status == ListingStatus.Published)
            .GroupBy(d => d.SectorCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        // Achievements carry a technology field, not a service sector: they count in the total only.
        var achievements = await db.Set<TechnologyAchievement>().CountAsync(a => a.Status == ListingStatus.Published, cancellationToken);
        return
        [
            new SectorCount(10, "Service offerings", "/Search?kind=offering", offerings.ToDictionary(g => g.Key ?? "", g => g.Count)),
            new SectorCount(20, "Technology demands", "/Search?kind=demand", demands.GroupBy(g => g.Key ?? "").ToDictionary(g => g.Key, g => g.Sum(x => x.Count))),
            new SectorCount(30, "Technology achievements", "/Search?kind=achievement", new Dictionary<string, int> { [""] = achievements }),
        ];
    }

    public async Task<IReadOnlyList<MonthlyCount>> MonthlyCountsAsync(PortalMonths months, CancellationToken cancellationToken)
    {
        var from = months.From;
        var published = await db.Set<ServiceOffering>().Where(o => o.PublishedAt >= from).Select(o => o.PublishedAt!.Value).ToListAsync(cancellationToken);
        published.AddRange(await db.Set<TechnologyDemand>().Where(o => o.PublishedAt >= from).Select(o => o.PublishedAt!.Value).ToListAsync(cancellationToken));
        published.AddRange(await db.Set<TechnologyAchievement>().Where(o => o.PublishedAt >= from).Select(o => o.PublishedAt!.Value).ToListAsync(cancellationToken));
        return [new MonthlyCount(10, "Listings published", months.Count(published))];
    }

    // Open calls (揭榜挂帅) still taking proposals are announcements too.
    public async Task<IReadOnlyList<PortalNotice>> NoticesAsync(int take, CancellationToken cancellationToken)
    {
        var calls = await db.Set<TechnologyDemand>()
            .Where(d => d.Status == ListingStatus.Published && d.IsOpenCall && d.OpenCallDecidedAt == null)
            .OrderByDescending(d => d.PublishedAt).Take(take)
            .Select(d => new { d.Id, d.Title, d.PublishedAt }).ToListAsync(cancellationToken);
        return calls.Select(c => new PortalNotice("Open call", c.Title, $"/Listings/Detail?kind=demand&id={c.Id}", c.PublishedAt ?? DateTimeOffset.MinValue)).ToList();
    }

    public async Task<IReadOnlyList<WorkspaceQueue>> QueuesAsync(CancellationToken cancellationToken)
    {
        var queues = new List<WorkspaceQueue>();
        var memberships = await organizations.MembershipsOfAsync(access.UserId, cancellationToken);
        if (memberships.Count > 0)
        {
            var ids = memberships.Select(m => m.Id).ToList();
            var own = new List<(string Kind, Guid Id, string Title, ListingStatus Status, DateTimeOffset Updated)>();
            own.AddRange((await db.Set<ServiceOffering>().Where(l => ids.Contains(l.OrganizationId)).Select(l => new { l.Id, l.Title, l.Status, l.UpdatedAt }).ToListAsync(cancellationToken))
                .Select(l => ("offering", l.Id, l.Title, l.Status, l.UpdatedAt)));
            own.AddRange((await db.Set<TechnologyDemand>().Where(l => ids.Contains(l.OrganizationId)).Select(l => new { l.Id, l.Title, l.Status, l.UpdatedAt }).ToListAsync(cancellationToken))
                .Select(l => ("demand", l.Id, l.Title, l.Status, l.UpdatedAt)));
            own.AddRange((await db.Set<TechnologyAchievement>().Where(l => ids.Contains(l.OrganizationId)).Select(l => new { l.Id, l.Title, l.Status, l.UpdatedAt }).ToListAsync(cancellationToken))
                .Select(l => ("achievement", l.Id, l.Title, l.Status, l.UpdatedAt)));
            // What needs the owner first: rejected and draft listings, then those in review, then the published ones.
            var order = new Dictionary<ListingStatus, int> { [ListingStatus.Rejected] = 0, [ListingStatus.Draft] = 1, [ListingStatus.Submitted] = 2, [ListingStatus.Published] = 3 };
            var items = own.OrderBy(l => order.GetValueOrDefault(l.Status, 4)).ThenByDescending(l => l.Updated).Take(QueueItems)
                .Select(l => new WorkspaceItem(l.Title, $"/Listings/Detail?kind={l.Kind}&id={l.Id}", l.Updated, StatusLabel(l.Status))).ToList();
            queues.Add(new WorkspaceQueue(20, "mine", "My listings", own.Count, "/Listings/Mine", items, Always: true));
        }

        var jurisdictions = await access.JurisdictionsWithAsync(ListingsPermissions.ReviewListings, cancellationToken);
        if (jurisdictions.Count > 0)
        {
            var submitted = new List<(string Kind, Guid Id, string Title, string Region, DateTimeOffset? At)>();
            submitted.AddRange((await db.Set<ServiceOffering>().Where(l => l.Status == ListingStatus.Submitted).Select(l => new { l.Id, l.Title, l.OwnerRegionCode, l.SubmittedAt }).ToListAsync(cancellationToken))
                .Select(l => ("offering", l.Id, l.Title, l.OwnerRegionCode, l.SubmittedAt)));
            submitted.AddRange((await db.Set<TechnologyDemand>().Where(l => l.Status == ListingStatus.Submitted).Select(l => new { l.Id, l.Title, l.RegionCode, l.SubmittedAt }).ToListAsync(cancellationToken))
                .Select(l => ("demand", l.Id, l.Title, l.RegionCode, l.SubmittedAt)));
            submitted.AddRange((await db.Set<TechnologyAchievement>().Where(l => l.Status == ListingStatus.Submitted).Select(l => new { l.Id, l.Title, l.OwnerRegionCode, l.SubmittedAt }).ToListAsync(cancellationToken))
                .Select(l => ("achievement", l.Id, l.Title, l.OwnerRegionCode, l.SubmittedAt)));
            // Review queues are short (items wait for a decision): the jurisdiction test runs here.
            var mine = submitted.Where(l => jurisdictions.Any(j => Jurisdictions.Covers(j, l.Region))).OrderBy(l => l.At).ToList();
            queues.Add(new WorkspaceQueue(120, "admin", "Listings awaiting review", mine.Count, "/Admin/ListingReview",
                mine.Take(QueueItems).Select(l => new WorkspaceItem(l.Title, $"/Listings/Detail?kind={l.Kind}&id={l.Id}", l.At)).ToList(), Always: true));
        }

        return queues;
    }

    private static string StatusLabel(ListingStatus status) => status switch
    {
        ListingStatus.Draft => "Draft",
        ListingStatus.Submitted => "In review",
        ListingStatus.Published => "Published",
        ListingStatus.Rejected => "Rejected",
        ListingStatus.Closed => "Closed",
        ListingStatus.Expired => "Expired",
        _ => "Taken down",
    };
}

internal sealed record PublicListing(string Kind, Guid Id, string Title, string? SectorCode, string? FieldCode, long? PriceFen, bool AcceptsVouchers, DateTimeOffset? PublishedAt);

// The published offerings and achievements of one organization, for its public profile.
internal sealed class OrganizationListingsHandler(PlatformDbContext db)
{
    public const int Limit = 50;

    public async Task<IReadOnlyList<PublicListing>> PublishedAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var offerings = await db.Set<ServiceOffering>().AsNoTracking().Where(o => o.OrganizationId == organizationId && o.Status == ListingStatus.Published)
            .OrderByDescending(o => o.PublishedAt).Take(Limit)
            .Select(o => new PublicListing("offering", o.Id, o.Title, o.SectorCode, null, o.PriceFen, o.AcceptsInnovationVouchers, o.PublishedAt))
            .ToListAsync(cancellationToken);
        var achievements = await db.Set<TechnologyAchievement>().AsNoTracking().Where(a => a.OrganizationId == organizationId && a.Status == ListingStatus.Published)
            .OrderByDescending(a => a.PublishedAt).Take(Limit)
            .Select(a => new PublicListing("achievement", a.Id, a.Title, null, a.TechnologyFieldCode, a.AskingPriceFen, false, a.PublishedAt))
            .ToListAsync(cancellationToken);
        return [.. offerings, .. achievements];
    }
}
