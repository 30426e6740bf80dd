using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Notifications;

namespace TechBridge.Modules.Directory.Notify;

// Who hears about a Directory change. What they hear is a template of DirectoryNotices with its parameters, rendered
// in the reader's language when read (never fixed words in the sender's language).
internal sealed class DirectoryRecipients(PlatformDbContext db, Notifier notifier)
{
    public async Task<List<Guid>> MembersAsync(Guid organizationId, bool ownersOnly, CancellationToken ct) =>
        await db.Set<Membership>()
            .Where(m => m.OrganizationId == organizationId && (!ownersOnly || m.Role == MembershipRole.Owner))
            .Select(m => m.UserId).ToListAsync(ct);

    // Users holding `permission` for a jurisdiction covering the region, narrowed by `level` (the jurisdiction code
    // of the grant, e.g. only province-level grants for a province's final review).
    public async Task<List<Guid>> AdminsAsync(string permission, string regionCode, Func<string, bool> level, CancellationToken ct)
    {
        var grants = await db.Set<AdminGrant>().Where(g => g.Permission == permission)
            .Select(g => new { g.UserId, g.JurisdictionCode }).ToListAsync(ct);
        return grants.Where(g => Jurisdictions.Covers(g.JurisdictionCode, regionCode) && level(g.JurisdictionCode))
            .Select(g => g.UserId).Distinct().ToList();
    }

    public void Send(IEnumerable<Guid> recipients, NotificationTemplate template, Dictionary<string, string> parameters, string? link)
    {
        foreach (var userId in recipients.Distinct())
        {
            notifier.Notify(userId, template, parameters, link);
        }
    }
}
