using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.OnboardInstitution;

internal sealed partial class OnboardingHandler
{
    public Task<ApplicationView> SuspendAsync(Guid id, string? reason, CancellationToken ct)
    {
        RequireReason(reason);
        return TransitionAsync(id, [InstitutionState.Approved], Level.Final, a =>
        {
            a.State = InstitutionState.Suspended;
            a.Reason = reason!.Trim();
        }, ct);
    }

    public Task<ApplicationView> ReinstateAsync(Guid id, string? reason, CancellationToken ct)
    {
        RequireReason(reason);
        return TransitionAsync(id, [InstitutionState.Suspended], Level.Final, a =>
        {
            a.State = InstitutionState.Approved;
            a.Reason = reason!.Trim();
        }, ct);
    }
}

internal static partial class OnboardingEndpoints
{
    private static void MapSuspend(RouteGroupBuilder onboarding)
    {
        Transition(onboarding, "suspend", "SuspendInstitution", "Suspends an approved institution with a reason.", (id, r, h, ct) => h.SuspendAsync(id, r?.Reason, ct));
        Transition(onboarding, "reinstate", "ReinstateInstitution", "Reinstates a suspended institution with a reason.", (id, r, h, ct) => h.ReinstateAsync(id, r?.Reason, ct));
    }
}
