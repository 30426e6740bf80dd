using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Contracts;
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
            var outcome = objection.Status == ObjectionStatus.Upheld ? "异议成立，申请不予通过" : "异议不成立，公示继续";
            var body = $"关于 {name} 的公示异议已处理：{outcome}。说明：{objection.Resolution}";
            recipients.Send(members, "institution-objection-resolved", "公示异议已处理", body, link);
            if (!members.Contains(objection.UserId))
            {
                recipients.Send([objection.UserId], "institution-objection-resolved", "您提出的异议已处理", body, "/Notices");
            }
        }

        (string Kind, string Title, string Body)? message = (stateBefore, a.State) switch
        {
            (InstitutionState.Submitted, InstitutionState.UnderReview) =>
                ("institution-under-review", "入库申请进入审核", $"{name} 的服务机构入库申请已进入审核。"),
            (InstitutionState.UnderReview, InstitutionState.UnderReview) when firstReviewBefore is null && a.FirstReviewedBy is not null =>
                ("institution-first-review-passed", "入库申请通过初审", $"{name} 的服务机构入库申请已通过市级初审，等待终审。"),
            (InstitutionState.UnderReview, InstitutionState.PublicNotice) =>
                ("institution-notice-started", "入库申请进入公示", $"{name} 已通过审核并进入公示，公示截止 {AdjustableClock.ToChina(a.NoticeEndsAt!.Value):yyyy-MM-dd HH:mm}（北京时间）。"),
            (InstitutionState.PublicNotice, InstitutionState.Approved) =>
                ("institution-approved", "服务机构入库申请已通过", $"{name} 已获准入库，现已在机构名录中公开。"),
            (_, InstitutionState.Rejected) =>
                ("institution-rejected", "服务机构入库申请未通过", $"{name} 的服务机构入库申请未通过。理由：{a.Reason}"),
            (InstitutionState.Approved, InstitutionState.Suspended) =>
                ("institution-suspended", "服务机构已被暂停", $"{name} 的服务机构资格已被暂停。理由：{a.Reason}"),
            (InstitutionState.Suspended, InstitutionState.Approved) =>
                ("institution-reinstated", "服务机构已恢复", $"{name} 的服务机构资格已恢复。说明：{a.Reason}"),
            _ => null,
        };
        if (message is { } m)
        {
            recipients.Send(members, m.Kind, m.Title, m.Body, link);
        }

        if (firstReviewBefore is null && a.FirstReviewedBy is not null && a.State == InstitutionState.UnderReview)
        {
            recipients.Send(await AdminsAsync(a, Level.Final, ct), "institution-final-review-due", "服务机构入库申请待终审",
                $"{name} 的入库申请已通过市级初审，等待终审。", "/Admin/Onboarding");
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
