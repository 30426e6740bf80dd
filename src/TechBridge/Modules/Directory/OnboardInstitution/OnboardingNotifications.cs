using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Notify;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Directory.OnboardInstitution;

internal sealed partial class OnboardingHandler
{
    // Every transition tells the organization's owners and members; objection outcomes also tell the objector; a
    // passed first review tells the admins who act next. Added to this unit of work: saved with the change or not at all.
    private async Task AnnounceAsync(InstitutionApplication a, InstitutionState stateBefore, string? firstReviewBefore, List<Guid> openBefore, CancellationToken ct)
    {
        var name = await NameAsync(a, ct);
        var members = await recipients.MembersAsync(a.OrganizationId, ownersOnly: false, ct);
        var link = $"/Organizations/{a.OrganizationId}";
        foreach (var objection in a.Objections.Where(o => openBefore.Contains(o.Id) && o.Status != ObjectionStatus.Open))
        {
            var outcome = objection.Status == ObjectionStatus.Upheld ? DirectoryNotices.ObjectionUpheld : DirectoryNotices.ObjectionDismissed;
            var values = new Dictionary<string, string> { ["organization"] = name, ["reason"] = objection.Resolution ?? "" };
            recipients.Send(members, outcome, values, link);
            if (!members.Contains(objection.UserId))
            {
                recipients.Send([objection.UserId], outcome, values, "/Notices");
            }
        }

        var template = (stateBefore, a.State) switch
        {
            (InstitutionState.Submitted, InstitutionState.UnderReview) => DirectoryNotices.InstitutionUnderReview,
            (InstitutionState.UnderReview, InstitutionState.UnderReview) when firstReviewBefore is null && a.FirstReviewedBy is not null =>
                DirectoryNotices.InstitutionFirstReviewPassed,
            (InstitutionState.UnderReview, InstitutionState.PublicNotice) => DirectoryNotices.InstitutionNoticeStarted,
            (InstitutionState.PublicNotice, InstitutionState.Approved) => DirectoryNotices.InstitutionApproved,
            (_, InstitutionState.Rejected) => DirectoryNotices.InstitutionRejected,
            (InstitutionState.Approved, InstitutionState.Suspended) => DirectoryNotices.InstitutionSuspended,
            (InstitutionState.Suspended, InstitutionState.Approved) => DirectoryNotices.InstitutionReinstated,
            _ => null,
        };
        var parameters = new Dictionary<string, string> { ["organization"] = name, ["reason"] = a.Reason ?? "" };
        if (a.NoticeEndsAt is { } ends)
        {
            // A date is the same figures in both languages; Beijing time, as the template says.
            parameters["ends"] = AdjustableClock.ToChina(ends).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (template is not null)
        {
            recipients.Send(members, template, parameters, link);
        }

        if (firstReviewBefore is null && a.FirstReviewedBy is not null && a.State == InstitutionState.UnderReview)
        {
            recipients.Send(await AdminsAsync(a, Level.Final, ct), DirectoryNotices.InstitutionFinalReviewDue,
                new() { ["organization"] = name }, "/Admin/Onboarding");
        }
    }

    // The admins who act at a level (the same rule as RequireLevelAsync, seen from the grants' side).
    private Task<List<Guid>> AdminsAsync(InstitutionApplication a, Level level, CancellationToken ct) =>
        recipients.AdminsAsync(DirectoryPermissions.ReviewInstitutions, a.RegionCode, j => level switch
        {
            Level.City => j.Length != 2,
            Level.Final => !options.ProvinceFinalReview || j.Length == 2,
            _ => true,
        }, ct);

    private Task<string> NameAsync(InstitutionApplication a, CancellationToken ct) =>
        db.Set<Organization>().Where(o => o.Id == a.OrganizationId).Select(o => o.LegalName).FirstAsync(ct);
}
