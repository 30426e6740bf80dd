using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.OnboardInstitution;

internal sealed partial class OnboardingHandler
{
    public Task<ApplicationView> StartReviewAsync(Guid id, CancellationToken ct) => TransitionAsync(id, [InstitutionState.Submitted], Level.Any, a =>
        a.State = InstitutionState.UnderReview, ct);

    // A city admin's first review (初审). Only where a city-level jurisdiction exists between county and province.
    public Task<ApplicationView> FirstReviewAsync(Guid id, CancellationToken ct) => TransitionAsync(id, [InstitutionState.UnderReview], Level.City, a =>
    {
        if (!NeedsFirstReview(a))
        {
            throw new ConflictException("no_first_review", "This application has no city-level first review.");
        }

        if (a.FirstReviewedBy is not null)
        {
            throw new ConflictException("first_review_done", "The first review is already done.");
        }

        a.FirstReviewedBy = "city";
    }, ct);
}

internal static partial class OnboardingEndpoints
{
    private static void MapReview(RouteGroupBuilder onboarding)
    {
        Transition(onboarding, "start-review", "StartInstitutionReview", "Submitted → UnderReview.", (id, _, h, ct) => h.StartReviewAsync(id, ct));
        Transition(onboarding, "first-review", "FirstReviewInstitution", "City admin's first review (初审) passed.", (id, _, h, ct) => h.FirstReviewAsync(id, ct));
    }
}
