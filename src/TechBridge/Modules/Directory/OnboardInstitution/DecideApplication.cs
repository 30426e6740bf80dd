using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.OnboardInstitution;

internal sealed partial class OnboardingHandler
{
    public Task<ApplicationView> ApproveAsync(Guid id, CancellationToken ct) => TransitionAsync(id, [InstitutionState.PublicNotice], Level.Final, a =>
    {
        if (clock.GetUtcNow() < a.NoticeEndsAt)
        {
            throw new ConflictException("notice_period_running", $"The public notice runs until {a.NoticeEndsAt:O}.");
        }

        if (a.Objections.Any(o => o.Status == ObjectionStatus.Open))
        {
            throw new ConflictException("objection_open", "An objection is open; resolve it first.");
        }

        a.State = InstitutionState.Approved;
        a.DecidedAt = clock.GetUtcNow();
    }, ct);

    public Task<ApplicationView> RejectAsync(Guid id, string? reason, CancellationToken ct)
    {
        RequireReason(reason);
        return TransitionAsync(id, [InstitutionState.Submitted, InstitutionState.UnderReview, InstitutionState.PublicNotice], Level.Any, a =>
        {
            a.State = InstitutionState.Rejected;
            a.Reason = reason!.Trim();
            a.DecidedAt = clock.GetUtcNow();
        }, ct);
    }
}

internal static partial class OnboardingEndpoints
{
    private static void MapDecide(RouteGroupBuilder onboarding)
    {
        Transition(onboarding, "approve", "ApproveInstitution", "Approves after the notice period, with no open objection.", (id, _, h, ct) => h.ApproveAsync(id, ct));
        Transition(onboarding, "reject", "RejectInstitution", "Rejects with a reason.", (id, r, h, ct) => h.RejectAsync(id, r?.Reason, ct));
    }
}
