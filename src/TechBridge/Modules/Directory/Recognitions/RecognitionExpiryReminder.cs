using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Jobs;
using TechBridge.Platform.Notifications;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Directory.Recognitions;

// Reminds an organization's owners and the admins of its jurisdiction once, 30 days before a confirmed recognition
// expires. Idempotent: the recognition carries the time the reminder went out, committed with the notifications.
// A platform job ("directory.recognition-expiry", every Recognitions:ReminderPeriodMinutes, default 60).
internal sealed class RecognitionExpiryReminder(PlatformDbContext db, Notifier notifier, ActorContext actor, IReferenceData reference, TimeProvider clock) : IJob
{
    public const int DaysAhead = 30;
    public const string NotificationKind = "recognition-expiring"; // the template key of DirectoryNotices.RecognitionExpiring

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        actor.Action = "remind recognition expiry";
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(AdjustableClock.ToChina(now).DateTime);
        var horizon = today.AddDays(DaysAhead);
        var due = await (from r in db.Set<Recognition>()
                         join o in db.Set<Organization>() on r.OrganizationId equals o.Id
                         where r.Status == RecognitionStatus.Confirmed && r.ExpiryRemindedAt == null
                               && r.ValidUntil != null && r.ValidUntil >= today && r.ValidUntil <= horizon
                         select new { Recognition = r, o.LegalName, o.RegionCode })
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var organizationIds = due.Select(d => d.Recognition.OrganizationId).Distinct().ToList();
        var owners = await db.Set<Membership>()
            .Where(m => organizationIds.Contains(m.OrganizationId) && m.Role == MembershipRole.Owner)
            .Select(m => new { m.OrganizationId, m.UserId })
            .ToListAsync(cancellationToken);
        var grants = await db.Set<AdminGrant>()
            .Where(g => g.Permission == DirectoryPermissions.ManageRecognitions)
            .Select(g => new { g.UserId, g.JurisdictionCode })
            .ToListAsync(cancellationToken);

        foreach (var item in due)
        {
            var recognition = item.Recognition;
            var parameters = new Dictionary<string, string>
            {
                ["organization"] = item.LegalName,
                ["kind"] = reference.RecognitionKinds.FirstOrDefault(k => k.Code == recognition.KindCode)?.NameEn ?? recognition.KindCode,
                ["certificate"] = recognition.CertificateNumber,
                ["date"] = recognition.ValidUntil!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            };
            var recipients = owners.Where(o => o.OrganizationId == recognition.OrganizationId).Select(o => o.UserId)
                .Concat(grants.Where(g => Jurisdictions.Covers(g.JurisdictionCode, item.RegionCode)).Select(g => g.UserId))
                .Distinct();
            foreach (var userId in recipients)
            {
                notifier.Notify(userId, Notify.DirectoryNotices.RecognitionExpiring, parameters, $"/Organizations/{recognition.OrganizationId}");
            }

            recognition.ExpiryRemindedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}
