using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Portal;

namespace TechBridge.Modules.Directory.Portal;

// What the Directory puts on the home page (verified institutions by sector, the admission notices) and in the
// workspace (membership requests for owners; verifications, admissions and recognitions for admins).
internal sealed class DirectoryPortalSource(PlatformDbContext db, IAccess access) : IPortalSource, IWorkspaceSource
{
    private const int QueueItems = 5;

    public async Task<IReadOnlyList<SectorCount>> SectorCountsAsync(CancellationToken cancellationToken)
    {
        var rows = await (from o in db.Set<Organization>()
                          where o.Verification == VerificationStatus.Verified
                              && (o.Kind == OrganizationKind.ServiceInstitution || o.Kind == OrganizationKind.UniversityOrInstitute)
                          from s in o.Sectors.DefaultIfEmpty()
                          select new { o.Id, Sector = s == null ? "" : s.SectorCode }).ToListAsync(cancellationToken);
        // An institution active in two sectors counts in both rows, once in the total.
        var bySector = rows.GroupBy(r => r.Sector).ToDictionary(g => g.Key, g => g.Select(r => r.Id).Distinct().Count());
        return [new SectorCount(40, "Institutions", "/Directory", bySector) { DistinctTotal = rows.Select(r => r.Id).Distinct().Count() }];
    }

    public async Task<IReadOnlyList<PortalNotice>> NoticesAsync(int take, CancellationToken cancellationToken)
    {
        var rows = await db.Set<InstitutionApplication>().Where(a => a.State == InstitutionState.PublicNotice)
            .Join(db.Set<Organization>(), a => a.OrganizationId, o => o.Id, (a, o) => new { o.LegalName, a.NoticeStartedAt })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.NoticeStartedAt).Take(take)
            .Select(r => new PortalNotice("Institution admission notice", r.LegalName, "/Notices", r.NoticeStartedAt ?? DateTimeOffset.MinValue)).ToList();
    }

    public async Task<IReadOnlyList<WorkspaceQueue>> QueuesAsync(CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        var queues = new List<WorkspaceQueue>();
        var owned = await db.Set<Membership>().Where(m => m.UserId == userId && m.Role == MembershipRole.Owner).Select(m => m.OrganizationId).ToListAsync(cancellationToken);
        if (owned.Count > 0)
        {
            var requests = await db.Set<MembershipRequest>().Where(r => owned.Contains(r.OrganizationId) && r.Status == MembershipRequestStatus.Open)
                .Join(db.Set<Organization>(), r => r.OrganizationId, o => o.Id, (r, o) => new { o.Id, o.LegalName, r.CreatedAt })
                .ToListAsync(cancellationToken);
            queues.Add(new WorkspaceQueue(10, "mine", "Membership requests to decide", requests.Count, "/Organizations/Mine",
                requests.OrderBy(r => r.CreatedAt).Take(QueueItems).Select(r => new WorkspaceItem(r.LegalName, $"/Organizations/{r.Id}", r.CreatedAt)).ToList(), Always: true));
        }

        var verify = await access.JurisdictionsWithAsync(DirectoryPermissions.VerifyOrganizations, cancellationToken);
        if (verify.Count > 0)
        {
            var pending = (await db.Set<Organization>().Where(o => o.Verification == VerificationStatus.Pending)
                    .Select(o => new { o.Id, o.LegalName, o.RegionCode, o.CreatedAt }).ToListAsync(cancellationToken))
                .Where(o => verify.Any(j => Jurisdictions.Covers(j, o.RegionCode))).OrderBy(o => o.CreatedAt).ToList();
            queues.Add(new WorkspaceQueue(110, "admin", "Organizations awaiting verification", pending.Count, "/Admin/Verification",
                pending.Take(QueueItems).Select(o => new WorkspaceItem(o.LegalName, $"/Organizations/{o.Id}", o.CreatedAt)).ToList(), Always: true));
        }

        var review = await access.JurisdictionsWithAsync(DirectoryPermissions.ReviewInstitutions, cancellationToken);
        if (review.Count > 0)
        {
            var open = (await db.Set<InstitutionApplication>()
                    .Where(a => a.State == InstitutionState.Submitted || a.State == InstitutionState.UnderReview || a.State == InstitutionState.PublicNotice)
                    .Join(db.Set<Organization>(), a => a.OrganizationId, o => o.Id, (a, o) => new { o.Id, o.LegalName, a.RegionCode, a.SubmittedAt, a.State })
                    .ToListAsync(cancellationToken))
                .Where(a => review.Any(j => Jurisdictions.Covers(j, a.RegionCode))).OrderBy(a => a.SubmittedAt).ToList();
            queues.Add(new WorkspaceQueue(115, "admin", "Institution applications in review or under notice", open.Count, "/Admin/Onboarding",
                open.Take(QueueItems).Select(a => new WorkspaceItem(a.LegalName, "/Admin/Onboarding", a.SubmittedAt, DisplayNames.Of(a.State.ToString()))).ToList(), Always: true));
        }

        var recognitions = await access.JurisdictionsWithAsync(DirectoryPermissions.ManageRecognitions, cancellationToken);
        if (recognitions.Count > 0)
        {
            var waiting = (await db.Set<Recognition>().Where(r => r.Status == RecognitionStatus.Pending)
                    .Join(db.Set<Organization>(), r => r.OrganizationId, o => o.Id, (r, o) => new { o.LegalName, o.RegionCode, r.CreatedAt })
                    .ToListAsync(cancellationToken))
                .Where(r => recognitions.Any(j => Jurisdictions.Covers(j, r.RegionCode))).OrderBy(r => r.CreatedAt).ToList();
            queues.Add(new WorkspaceQueue(150, "admin", "Recognitions awaiting confirmation", waiting.Count, "/Admin/Recognitions?status=pending",
                waiting.Take(QueueItems).Select(r => new WorkspaceItem(r.LegalName, "/Admin/Recognitions?status=pending", r.CreatedAt)).ToList()));
        }

        return queues;
    }
}
