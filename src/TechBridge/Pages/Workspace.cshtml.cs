using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Notifications;

namespace TechBridge.Pages;

// The personal workspace: the user's organizations, what waits for the user, and the latest notifications.
[Authorize]
internal sealed class WorkspaceModel(PlatformDbContext db, IAccess access, NotificationsHandler inbox) : PageModel
{
    public sealed record OrganizationRow(Guid Id, string LegalName, OrganizationKind Kind, MembershipRole Role, VerificationStatus Verification, InstitutionState? Admission);

    public sealed record TaskRow(string Text, int Count, string Link);

    public IReadOnlyList<OrganizationRow> Organizations { get; private set; } = [];

    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];

    public IReadOnlyList<NotificationView> Notifications { get; private set; } = [];

    public int Unread { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        Organizations = await (
            from m in db.Set<Membership>().AsNoTracking()
            join o in db.Set<Organization>() on m.OrganizationId equals o.Id
            where m.UserId == userId
            orderby o.LegalName
            select new OrganizationRow(o.Id, o.LegalName, o.Kind, m.Role, o.Verification,
                db.Set<InstitutionApplication>().Where(a => a.OrganizationId == o.Id).OrderByDescending(a => a.SubmittedAt).Select(a => (InstitutionState?)a.State).FirstOrDefault()))
            .ToListAsync(cancellationToken);

        var tasks = new List<TaskRow>();
        var owned = Organizations.Where(o => o.Role == MembershipRole.Owner).Select(o => o.Id).ToList();
        if (owned.Count > 0)
        {
            var requests = await db.Set<MembershipRequest>().CountAsync(r => owned.Contains(r.OrganizationId) && r.Status == MembershipRequestStatus.Open, cancellationToken);
            tasks.Add(new TaskRow("Membership requests to decide", requests, "/Organizations/Mine"));
        }

        await AddAdminTaskAsync(tasks, DirectoryPermissions.VerifyOrganizations, "Organizations awaiting verification", "/Admin/Verification",
            db.Set<Organization>().Where(o => o.Verification == VerificationStatus.Pending).Select(o => o.RegionCode), cancellationToken);
        await AddAdminTaskAsync(tasks, DirectoryPermissions.ReviewInstitutions, "Institution applications in review or under notice", "/Admin/Onboarding",
            db.Set<InstitutionApplication>().Where(a => a.State == InstitutionState.Submitted || a.State == InstitutionState.UnderReview || a.State == InstitutionState.PublicNotice).Select(a => a.RegionCode),
            cancellationToken);
        Tasks = tasks;

        var list = await inbox.ListAsync(cancellationToken);
        Notifications = list.Items.Take(5).ToList();
        Unread = list.Unread;
    }

    private async Task AddAdminTaskAsync(List<TaskRow> tasks, string permission, string text, string link, IQueryable<string> regionCodes, CancellationToken cancellationToken)
    {
        var jurisdictions = await access.JurisdictionsWithAsync(permission, cancellationToken);
        if (jurisdictions.Count == 0)
        {
            return;
        }

        // Queues are short (items wait for a decision), so the jurisdiction test runs here rather than in SQL.
        var regions = await regionCodes.ToListAsync(cancellationToken);
        tasks.Add(new TaskRow(text, regions.Count(r => jurisdictions.Any(j => Jurisdictions.Covers(j, r))), link));
    }
}
