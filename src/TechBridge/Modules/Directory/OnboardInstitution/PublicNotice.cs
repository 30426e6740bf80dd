using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Notify;

namespace TechBridge.Modules.Directory.OnboardInstitution;

internal sealed partial class OnboardingHandler
{
    // The final review (终审) opens the public notice.
    public Task<ApplicationView> StartNoticeAsync(Guid id, CancellationToken ct) => TransitionAsync(id, [InstitutionState.UnderReview], Level.Final, a =>
    {
        if (NeedsFirstReview(a) && a.FirstReviewedBy is null)
        {
            throw new ConflictException("first_review_pending", "The city's first review comes first.");
        }

        var now = clock.GetUtcNow();
        a.State = InstitutionState.PublicNotice;
        a.NoticeStartedAt = now;
        a.NoticeEndsAt = now.AddDays(options.NoticeDays);
    }, ct);


    // The public notice board (公示): who is under notice now, ending soonest first, with the region's own name.
    public async Task<List<PublicNoticeEntry>> PublicNoticesAsync(CancellationToken ct)
    {
        var rows = await db.Set<InstitutionApplication>().Where(a => a.State == InstitutionState.PublicNotice)
            .Join(db.Set<Organization>(), a => a.OrganizationId, o => o.Id, (a, o) => new { a.Id, o.LegalName, o.CreditCode, a.RegionCode, a.NoticeEndsAt })
            .ToListAsync(ct);
        var codes = rows.Select(r => r.RegionCode).Distinct().ToList();
        var names = await db.Set<Region>().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return rows.OrderBy(r => r.NoticeEndsAt)
            .Select(r => new PublicNoticeEntry(r.Id, r.LegalName, r.CreditCode, names.GetValueOrDefault(r.RegionCode, r.RegionCode), r.NoticeEndsAt ?? DateTimeOffset.MinValue))
            .ToList();
    }

    // The applicant's name, for the confirmation after an objection (null for an unknown application).
    public Task<string?> ApplicantNameAsync(Guid applicationId, CancellationToken ct) =>
        db.Set<InstitutionApplication>().Where(a => a.Id == applicationId)
            .Join(db.Set<Organization>(), a => a.OrganizationId, o => o.Id, (a, o) => o.LegalName).FirstOrDefaultAsync(ct);

    public async Task<ObjectionView> ObjectAsync(Guid id, string? reason, CancellationToken ct)
    {
        RequireReason(reason);
        var userId = access.UserId;
        var application = await db.Set<InstitutionApplication>().FirstOrDefaultAsync(a => a.Id == id && a.State == InstitutionState.PublicNotice, ct)
            ?? throw new NotFoundException("The application under public notice");
        var objection = new InstitutionObjection { ApplicationId = application.Id, UserId = userId, Reason = reason!.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Add(objection);
        var name = await NameAsync(application, ct);
        recipients.Send(await recipients.MembersAsync(application.OrganizationId, ownersOnly: false, ct), DirectoryNotices.ObjectionReceived,
            new() { ["organization"] = name, ["reason"] = objection.Reason }, $"/Organizations/{application.OrganizationId}");
        recipients.Send([userId], DirectoryNotices.ObjectionSubmitted, new() { ["organization"] = name }, "/Notices");
        // The final-level admins resolve objections, and approval waits for them.
        recipients.Send(await AdminsAsync(application, Level.Final, ct), DirectoryNotices.ObjectionToDecide,
            new() { ["organization"] = name }, "/Admin/Onboarding");
        await db.SaveChangesAsync(ct);
        return ToView(objection);
    }

    // Upheld → the application is rejected with the objection as reason; dismissed → the notice continues.
    public Task<ApplicationView> ResolveObjectionAsync(Guid id, Guid objectionId, bool uphold, string? resolution, CancellationToken ct)
    {
        RequireReason(resolution);
        return TransitionAsync(id, [InstitutionState.PublicNotice], Level.Final, a =>
        {
            var objection = a.Objections.FirstOrDefault(o => o.Id == objectionId) ?? throw new NotFoundException("The objection");
            if (objection.Status != ObjectionStatus.Open)
            {
                throw new ConflictException("objection_resolved", "The objection was already resolved.");
            }

            objection.Status = uphold ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
            objection.Resolution = resolution!.Trim();
            if (uphold)
            {
                a.State = InstitutionState.Rejected;
                a.Reason = objection.Reason;
                a.DecidedAt = clock.GetUtcNow();
            }
        }, ct);
    }
}

internal static partial class OnboardingEndpoints
{
    private static void MapPublicNotice(RouteGroupBuilder onboarding)
    {
        Transition(onboarding, "start-notice", "StartInstitutionNotice", "Final review passed; opens the public notice (公示).", (id, _, h, ct) => h.StartNoticeAsync(id, ct));
        onboarding.MapPost("/applications/{id:guid}/objections", async Task<Created<ObjectionView>> (Guid id, ReasonRequest request, OnboardingHandler h, CancellationToken ct) =>
            {
                var view = await h.ObjectAsync(id, request.Reason, ct);
                return TypedResults.Created($"/api/v1/onboarding/applications/{id}/objections/{view.Id}", view);
            })
            .WithName("ObjectToInstitution").WithSummary("Anyone signed in objects, with a reason, during the public notice.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        onboarding.MapPost("/applications/{id:guid}/objections/{objectionId:guid}/uphold", async Task<Ok<ApplicationView>> (Guid id, Guid objectionId, ReasonRequest request, OnboardingHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.ResolveObjectionAsync(id, objectionId, uphold: true, request.Reason, ct)))
            .WithName("UpholdObjection").WithSummary("Upholds an objection: the application is rejected.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        onboarding.MapPost("/applications/{id:guid}/objections/{objectionId:guid}/dismiss", async Task<Ok<ApplicationView>> (Guid id, Guid objectionId, ReasonRequest request, OnboardingHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.ResolveObjectionAsync(id, objectionId, uphold: false, request.Reason, ct)))
            .WithName("DismissObjection").WithSummary("Dismisses an objection: the notice continues.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
