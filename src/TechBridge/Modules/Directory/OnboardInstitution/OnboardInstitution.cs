using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Notify;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Directory.OnboardInstitution;

internal sealed record SubmitApplicationRequest(string? ServiceDescription);

internal sealed record ReasonRequest(string? Reason);

internal sealed record BulkApproveRequest(IReadOnlyList<Guid>? Ids);

internal sealed record BulkItemResult(Guid Id, bool Succeeded, int Status, string? Code, string? Detail);

internal sealed record ObjectionView(Guid Id, string Reason, string Status, string? Resolution, DateTimeOffset CreatedAt);

internal sealed record ApplicationView(
    Guid Id, Guid OrganizationId, string LegalName, string RegionCode, string State, bool FirstReviewDone,
    DateTimeOffset SubmittedAt, DateTimeOffset? NoticeStartedAt, DateTimeOffset? NoticeEndsAt, string? Reason,
    IReadOnlyList<ObjectionView> Objections);

// Onboarding:NoticeDays (7) and Onboarding:Levels ("city,province": a city admin's first review where the region
// has a city-level jurisdiction, then the province's final review, notice and approval).
internal sealed class OnboardingOptions(IConfiguration configuration)
{
    public int NoticeDays { get; } = configuration.GetValue("Onboarding:NoticeDays", 7);

    private readonly string[] levels = (configuration["Onboarding:Levels"] ?? "city,province")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool CityFirstReview => levels.Contains("city", StringComparer.OrdinalIgnoreCase);

    public bool ProvinceFinalReview => levels.Contains("province", StringComparer.OrdinalIgnoreCase);
}

// Service-institution admission: Submitted → UnderReview → (city first review) → PublicNotice (公示, N days,
// objections) → Approved / Rejected; Approved ↔ Suspended. Every transition checks the state it expects and
// bumps the row's concurrency token, so of two admins acting at once one gets 409.
internal sealed class Onboarding(PlatformDbContext db, IAccess access, OnboardingOptions options, TimeProvider clock, DirectoryRecipients recipients)
{
    public async Task<ApplicationView> SubmitAsync(SubmitApplicationRequest request, CancellationToken ct)
    {
        new Validation().MaxLength("serviceDescription", request.ServiceDescription, 2000).ThrowIfInvalid();
        var organizationId = await access.RequireVerifiedActingOrganizationAsync(ct);
        return await SubmitForAsync(organizationId, request, ct);
    }

    // The organization page applies for the organization on screen, which its member need not have switched to.
    public async Task<ApplicationView> SubmitFromPageAsync(Guid organizationId, SubmitApplicationRequest request, CancellationToken ct)
    {
        new Validation().MaxLength("serviceDescription", request.ServiceDescription, 2000).ThrowIfInvalid();
        await access.RequireMemberAsync(organizationId, ownerOnly: false, ct);
        if (!await db.Set<Organization>().AnyAsync(o => o.Id == organizationId && o.Verification == VerificationStatus.Verified, ct))
        {
            throw new ConflictException("organization_not_verified", "The organization is not verified yet.");
        }

        return await SubmitForAsync(organizationId, request, ct);
    }

    // The application of an organization, for its members' page (null when it never applied).
    public async Task<ApplicationView?> ForOrganizationAsync(Guid organizationId, CancellationToken ct)
    {
        var id = await db.Set<InstitutionApplication>().Where(a => a.OrganizationId == organizationId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? await ViewAsync(found, ct) : null;
    }

    private async Task<ApplicationView> SubmitForAsync(Guid organizationId, SubmitApplicationRequest request, CancellationToken ct)
    {
        var organization = await db.Set<Organization>().FirstAsync(o => o.Id == organizationId, ct);
        if (organization.Kind != OrganizationKind.ServiceInstitution)
        {
            throw InvalidRequestException.For("X-Organization", "serviceInstitution", "Only service institutions apply for admission.");
        }

        var application = await db.Set<InstitutionApplication>().FirstOrDefaultAsync(a => a.OrganizationId == organizationId, ct);
        if (application is null)
        {
            application = new InstitutionApplication { OrganizationId = organizationId, RegionCode = organization.RegionCode };
            db.Add(application);
        }
        else if (application.State != InstitutionState.Rejected)
        {
            throw new ConflictException("application_exists", $"The organization's application is {application.State}.");
        }

        application.State = InstitutionState.Submitted;
        application.ServiceDescription = request.ServiceDescription?.Trim();
        application.SubmittedAt = clock.GetUtcNow();
        application.FirstReviewedBy = null;
        application.NoticeStartedAt = null;
        application.NoticeEndsAt = null;
        application.Reason = null;
        application.Version = Guid.CreateVersion7();
        recipients.Send(await AdminsAsync(application, NeedsFirstReview(application) ? Level.City : Level.Final, ct), "institution-submitted",
            "新的服务机构入库申请", $"{organization.LegalName} 提交了服务机构入库申请，等待审核。", "/Admin/Onboarding");
        await db.SaveChangesAsync(ct);
        return await ViewAsync(application.Id, ct);
    }

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

    public async Task<ObjectionView> ObjectAsync(Guid id, string? reason, CancellationToken ct)
    {
        RequireReason(reason);
        var userId = access.UserId;
        var application = await db.Set<InstitutionApplication>().FirstOrDefaultAsync(a => a.Id == id && a.State == InstitutionState.PublicNotice, ct)
            ?? throw new NotFoundException("The application under public notice");
        var objection = new InstitutionObjection { ApplicationId = application.Id, UserId = userId, Reason = reason!.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Add(objection);
        var name = await NameAsync(application, ct);
        recipients.Send(await recipients.MembersAsync(application.OrganizationId, ownersOnly: false, ct), "institution-objection-filed",
            "公示期间收到异议", $"{name} 在公示期间收到一条异议：{objection.Reason}", $"/Organizations/{application.OrganizationId}");
        recipients.Send([userId], "institution-objection-filed", "异议已提交", $"您对 {name} 的异议已提交，管理员处理后将通知您。", "/Notices");
        // The final-level admins resolve objections, and approval waits for them.
        recipients.Send(await AdminsAsync(application, Level.Final, ct), "institution-objection-filed",
            "公示异议待处理", $"{name} 在公示期间收到一条异议，请处理。", "/Admin/Onboarding");
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

    public async Task<List<BulkItemResult>> BulkApproveAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var results = new List<BulkItemResult>();
        foreach (var id in ids.Distinct())
        {
            try
            {
                await ApproveAsync(id, ct);
                results.Add(new BulkItemResult(id, true, StatusCodes.Status200OK, null, null));
            }
            catch (Exception e) when (Platform.Errors.ProblemDetailsExceptionHandler.Translate(e) is { } problem)
            {
                db.ChangeTracker.Clear();
                results.Add(new BulkItemResult(id, false, problem.Status ?? 500, problem.Extensions.TryGetValue("code", out var code) ? code?.ToString() : null, problem.Detail));
            }
        }

        return results;
    }

    public async Task<ApplicationView> GetAsync(Guid id, CancellationToken ct)
    {
        var application = await db.Set<InstitutionApplication>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("The application");
        var userId = access.UserId;
        var member = await db.Set<Membership>().AnyAsync(m => m.OrganizationId == application.OrganizationId && m.UserId == userId, ct);
        if (!member && !await access.HasPermissionAsync(DirectoryPermissions.ReviewInstitutions, application.RegionCode, ct))
        {
            throw new NotFoundException("The application");
        }

        return await ViewAsync(id, ct);
    }

    public async Task<List<ApplicationView>> QueueAsync(string? state, string? region, string? sector, CancellationToken ct)
    {
        var jurisdictions = await access.JurisdictionsWithAsync(DirectoryPermissions.ReviewInstitutions, ct);
        if (jurisdictions.Count == 0)
        {
            throw new ForbiddenException("Reviewing institutions needs an admin grant.");
        }

        var query = db.Set<InstitutionApplication>().AsQueryable();
        if (!string.IsNullOrEmpty(state))
        {
            query = Enum.TryParse<InstitutionState>(state, ignoreCase: true, out var s) && !int.TryParse(state, out _)
                ? query.Where(a => a.State == s)
                : throw InvalidRequestException.For("state", "oneOf", $"state must be one of {string.Join(", ", Enum.GetNames<InstitutionState>())}.");
        }
        else
        {
            query = query.Where(a => a.State == InstitutionState.Submitted || a.State == InstitutionState.UnderReview || a.State == InstitutionState.PublicNotice);
        }

        if (!string.IsNullOrEmpty(region))
        {
            query = query.Where(a => a.RegionCode.StartsWith(region));
        }

        if (!string.IsNullOrEmpty(sector))
        {
            query = query.Where(a => db.Set<OrganizationSector>().Any(s => s.OrganizationId == a.OrganizationId && s.SectorCode == sector));
        }

        var ids = await query.Select(a => new { a.Id, a.RegionCode, a.SubmittedAt }).ToListAsync(ct);
        var views = new List<ApplicationView>();
        foreach (var row in ids.Where(r => jurisdictions.Any(j => Jurisdictions.Covers(j, r.RegionCode))).OrderBy(r => r.SubmittedAt).Take(500))
        {
            views.Add(await ViewAsync(row.Id, ct));
        }

        return views;
    }

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
            a.SubmittedAt, a.NoticeStartedAt, a.NoticeEndsAt, a.Reason, a.Objections.OrderBy(o => o.CreatedAt).Select(ToView).ToList());
    }

    private static ObjectionView ToView(InstitutionObjection o) => new(o.Id, o.Reason, o.Status.ToString(), o.Resolution, o.CreatedAt);

    private static void RequireReason(string? reason) =>
        new Validation().Required("reason", reason).MaxLength("reason", reason, 1000).ThrowIfInvalid();
}

internal static class OnboardingEndpoints
{
    public static RouteGroupBuilder MapOnboarding(this RouteGroupBuilder onboarding)
    {
        onboarding.MapPost("/applications", async Task<Created<ApplicationView>> (SubmitApplicationRequest request, Onboarding handler, CancellationToken ct) =>
            {
                var view = await handler.SubmitAsync(request, ct);
                return TypedResults.Created($"/api/v1/onboarding/applications/{view.Id}", view);
            })
            .WithName("SubmitInstitutionApplication")
            .WithSummary("The acting (verified) service institution applies for admission.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        onboarding.MapGet("/applications/{id:guid}", async Task<Ok<ApplicationView>> (Guid id, Onboarding h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetInstitutionApplication").WithSummary("An admission application (its members and reviewers).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        onboarding.MapGet("/queue", async Task<Ok<List<ApplicationView>>> (string? state, string? region, string? sector, Onboarding h, CancellationToken ct) =>
                TypedResults.Ok(await h.QueueAsync(state, region, sector, ct)))
            .WithName("GetOnboardingQueue").WithSummary("Applications in the caller's jurisdictions; filters state, region prefix, sector.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        Transition(onboarding, "start-review", "StartInstitutionReview", "Submitted → UnderReview.", (id, _, h, ct) => h.StartReviewAsync(id, ct));
        Transition(onboarding, "first-review", "FirstReviewInstitution", "City admin's first review (初审) passed.", (id, _, h, ct) => h.FirstReviewAsync(id, ct));
        Transition(onboarding, "start-notice", "StartInstitutionNotice", "Final review passed; opens the public notice (公示).", (id, _, h, ct) => h.StartNoticeAsync(id, ct));
        Transition(onboarding, "approve", "ApproveInstitution", "Approves after the notice period, with no open objection.", (id, _, h, ct) => h.ApproveAsync(id, ct));
        Transition(onboarding, "reject", "RejectInstitution", "Rejects with a reason.", (id, r, h, ct) => h.RejectAsync(id, r?.Reason, ct));
        Transition(onboarding, "suspend", "SuspendInstitution", "Suspends an approved institution with a reason.", (id, r, h, ct) => h.SuspendAsync(id, r?.Reason, ct));
        Transition(onboarding, "reinstate", "ReinstateInstitution", "Reinstates a suspended institution with a reason.", (id, r, h, ct) => h.ReinstateAsync(id, r?.Reason, ct));
        onboarding.MapPost("/applications/{id:guid}/objections", async Task<Created<ObjectionView>> (Guid id, ReasonRequest request, Onboarding h, CancellationToken ct) =>
            {
                var view = await h.ObjectAsync(id, request.Reason, ct);
                return TypedResults.Created($"/api/v1/onboarding/applications/{id}/objections/{view.Id}", view);
            })
            .WithName("ObjectToInstitution").WithSummary("Anyone signed in objects, with a reason, during the public notice.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        onboarding.MapPost("/applications/{id:guid}/objections/{objectionId:guid}/uphold", async Task<Ok<ApplicationView>> (Guid id, Guid objectionId, ReasonRequest request, Onboarding h, CancellationToken ct) =>
                TypedResults.Ok(await h.ResolveObjectionAsync(id, objectionId, uphold: true, request.Reason, ct)))
            .WithName("UpholdObjection").WithSummary("Upholds an objection: the application is rejected.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        onboarding.MapPost("/applications/{id:guid}/objections/{objectionId:guid}/dismiss", async Task<Ok<ApplicationView>> (Guid id, Guid objectionId, ReasonRequest request, Onboarding h, CancellationToken ct) =>
                TypedResults.Ok(await h.ResolveObjectionAsync(id, objectionId, uphold: false, request.Reason, ct)))
            .WithName("DismissObjection").WithSummary("Dismisses an objection: the notice continues.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        onboarding.MapPost("/bulk-approve", async Task<Ok<List<BulkItemResult>>> (BulkApproveRequest request, Onboarding h, CancellationToken ct) =>
            {
                if (request.Ids is not { Count: > 0 and <= 200 })
                {
                    throw InvalidRequestException.For("ids", "range", "ids lists 1 to 200 applications.");
                }

                return TypedResults.Ok(await h.BulkApproveAsync(request.Ids, ct));
            })
            .WithName("BulkApproveInstitutions").WithSummary("Approves several applications; one result per id.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return onboarding;
    }

    private static void Transition(RouteGroupBuilder group, string verb, string name, string summary, Func<Guid, ReasonRequest?, Onboarding, CancellationToken, Task<ApplicationView>> act) =>
        group.MapPost($"/applications/{{id:guid}}/{verb}", async Task<Ok<ApplicationView>> (Guid id, HttpRequest http, Onboarding h, CancellationToken ct) =>
            {
                var body = http.HasJsonContentType() && http.ContentLength != 0 ? await http.ReadFromJsonAsync<ReasonRequest>(ct) : null;
                return TypedResults.Ok(await act(id, body, h, ct));
            })
            .WithName(name).WithSummary(summary)
            .Accepts<ReasonRequest>(isOptional: true, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
