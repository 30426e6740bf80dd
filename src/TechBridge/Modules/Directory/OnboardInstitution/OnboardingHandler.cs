using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Notify;

namespace TechBridge.Modules.Directory.OnboardInstitution;

// Service-institution admission: Submitted → UnderReview → (city first review) → PublicNotice (公示, N days,
// objections) → Approved / Rejected; Approved ↔ Suspended. One file per transition (SubmitApplication,
// ReviewApplication, PublicNotice, DecideApplication, SuspendInstitution, BulkApprove, OnboardingQueue); this file
// holds the rules they share. Every transition checks the state it expects and the reviewer's level, and bumps
// the row's concurrency token, so of two admins acting at once one gets 409.
internal sealed partial class OnboardingHandler(PlatformDbContext db, IAccess access, OnboardingOptions options, TimeProvider clock, DirectoryRecipients recipients)
{
    // The application states a queue filter offers, by their API names.
    public static IReadOnlyList<string> States { get; } = Enum.GetNames<InstitutionState>();

    private bool NeedsFirstReview(InstitutionApplication a) => options.CityFirstReview && Jurisdictions.Of(a.RegionCode).Length > 2;

    private enum Level
    {
        Any,
        City,
        Final,
    }

    private async Task<ApplicationView> TransitionAsync(Guid id, InstitutionState[] from, Level level, Action<InstitutionApplication> change, CancellationToken ct)
    {
        var application = await db.Set<InstitutionApplication>().Include(a => a.Objections).FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFoundException("The application");
        await RequireLevelAsync(application, level, ct);
        if (!from.Contains(application.State))
        {
            throw new ConflictException("transition_not_allowed", $"Not possible while the application is {application.State}.");
        }

        var stateBefore = application.State;
        var firstReviewBefore = application.FirstReviewedBy;
        var openBefore = application.Objections.Where(o => o.Status == ObjectionStatus.Open).Select(o => o.Id).ToList();
        change(application);
        application.Version = Guid.CreateVersion7();
        await AnnounceAsync(application, stateBefore, firstReviewBefore, openBefore, ct);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(id, ct);
    }

    // City level: a grant on a non-province jurisdiction covering the region. Final level: with province final
    // review configured, a grant on the province; otherwise any covering grant.
    private async Task RequireLevelAsync(InstitutionApplication application, Level level, CancellationToken ct)
    {
        await access.RequirePermissionAsync(DirectoryPermissions.ReviewInstitutions, application.RegionCode, ct);
        var covering = (await access.JurisdictionsWithAsync(DirectoryPermissions.ReviewInstitutions, ct))
            .Where(j => Jurisdictions.Covers(j, application.RegionCode)).ToList();
        var ok = level switch
        {
            Level.City => covering.Any(j => j.Length != 2),
            Level.Final => !options.ProvinceFinalReview || covering.Any(j => j.Length == 2),
            _ => true,
        };
        if (!ok)
        {
            throw new ForbiddenException(level == Level.City
                ? "The first review is done by the city's admin."
                : "The final review is done by the province's admin.");
        }
    }

    private async Task<ApplicationView> ViewAsync(Guid id, CancellationToken ct)
    {
        var a = await db.Set<InstitutionApplication>().AsNoTracking().Include(x => x.Objections).FirstAsync(x => x.Id == id, ct);
        var name = await db.Set<Organization>().Where(o => o.Id == a.OrganizationId).Select(o => o.LegalName).FirstAsync(ct);
        return new ApplicationView(a.Id, a.OrganizationId, name, a.RegionCode, a.State.ToString(), a.FirstReviewedBy is not null,
            a.SubmittedAt, a.NoticeStartedAt, a.NoticeEndsAt, a.Reason, a.Objections.OrderBy(o => o.CreatedAt).Select(ToView).ToList())
        {
            ServiceDescription = a.ServiceDescription,
            Steps = access.ReadsEverything ? [] : await StepsAsync(a, ct),
        };
    }

    private IReadOnlyList<string>? reviewJurisdictions;

    // The steps RequireLevelAsync and the state machine would let the caller take now: the queue offers only these.
    private async Task<IReadOnlyList<string>> StepsAsync(InstitutionApplication a, CancellationToken ct)
    {
        // Read once per request (the handler is scoped): a queue of hundreds asks for every row.
        reviewJurisdictions ??= await access.JurisdictionsWithAsync(DirectoryPermissions.ReviewInstitutions, ct);
        var covering = reviewJurisdictions.Where(j => Jurisdictions.Covers(j, a.RegionCode)).ToList();
        if (covering.Count == 0)
        {
            return [];
        }

        var city = covering.Any(j => j.Length != 2);
        var final = !options.ProvinceFinalReview || covering.Any(j => j.Length == 2);
        var steps = new List<string>();
        switch (a.State)
        {
            case InstitutionState.Submitted:
                steps.AddRange(["start-review", "reject"]);
                break;
            case InstitutionState.UnderReview:
                if (NeedsFirstReview(a) && a.FirstReviewedBy is null)
                {
                    if (city)
                    {
                        steps.Add("first-review");
                    }
                }
                else if (final)
                {
                    steps.Add("start-notice");
                }

                steps.Add("reject");
                break;
            case InstitutionState.PublicNotice when final:
                steps.AddRange(["approve", "resolve-objection", "reject"]);
                break;
            case InstitutionState.PublicNotice:
                steps.Add("reject");
                break;
            case InstitutionState.Approved when final:
                steps.Add("suspend");
                break;
            case InstitutionState.Suspended when final:
                steps.Add("reinstate");
                break;
        }

        return steps;
    }

    private static ObjectionView ToView(InstitutionObjection o) => new(o.Id, o.Reason, o.Status.ToString(), o.Resolution, o.CreatedAt);

    private static void RequireReason(string? reason) =>
        new Validation().Required("reason", reason).MaxLength("reason", reason, 1000).ThrowIfInvalid();
}

internal static partial class OnboardingEndpoints
{
    public static RouteGroupBuilder MapOnboarding(this RouteGroupBuilder onboarding)
    {
        MapSubmit(onboarding);
        MapQueue(onboarding);
        MapReview(onboarding);
        MapPublicNotice(onboarding);
        MapDecide(onboarding);
        MapSuspend(onboarding);
        MapBulkApprove(onboarding);
        return onboarding;
    }

    private static void Transition(RouteGroupBuilder group, string verb, string name, string summary, Func<Guid, ReasonRequest?, OnboardingHandler, CancellationToken, Task<ApplicationView>> act) =>
        // The reason is optional: the framework binds it (an empty body is no reason; a malformed one is a 400 naming
        // the field), nothing reads the body by hand.
        group.MapPost($"/applications/{{id:guid}}/{verb}", async Task<Ok<ApplicationView>> (Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ReasonRequest? body, OnboardingHandler h, CancellationToken ct) =>
                TypedResults.Ok(await act(id, body, h, ct)))
            .WithName(name).WithSummary(summary)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
