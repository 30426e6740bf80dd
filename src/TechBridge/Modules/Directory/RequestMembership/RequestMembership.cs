using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Notify;

namespace TechBridge.Modules.Directory.RequestMembership;

internal sealed record MembershipRequestBody(string? Message);

internal sealed record MembershipRequestView(Guid Id, Guid OrganizationId, Guid UserId, string? UserName, string? Message, string Status, DateTimeOffset CreatedAt);

// The way in after a duplicate credit code: ask to join the existing organization; an owner approves or declines.
// Any signed-in user may ask (the 409 told them the id), so the request reveals nothing beyond that.
// The owners are notified in-app of a new request; the requester of the decision.
internal static class RequestMembershipEndpoints
{
    public static RouteGroupBuilder MapRequestMembership(this RouteGroupBuilder organizations)
    {
        organizations.MapPost("/{id:guid}/membership-requests", async Task<Created<MembershipRequestView>> (Guid id, MembershipRequestBody? body, RequestMembershipHandler handler, CancellationToken ct) =>
            {
                var request = await handler.RequestAsync(id, body, ct);
                return TypedResults.Created($"/api/v1/organizations/{id}/membership-requests/{request.Id}", request);
            })
            .WithName("RequestMembership")
            .WithSummary("Asks the owners of an existing organization to add the caller as a member.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        organizations.MapGet("/{id:guid}/membership-requests", async Task<Ok<List<MembershipRequestView>>> (Guid id, RequestMembershipHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(id, ct)))
            .WithName("ListMembershipRequests")
            .WithSummary("Open membership requests of an organization (owners only).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        organizations.MapPost("/{id:guid}/membership-requests/{requestId:guid}/approve", async Task<Ok<MembershipRequestView>> (Guid id, Guid requestId, RequestMembershipHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.DecideAsync(id, requestId, approve: true, ct)))
            .WithName("ApproveMembershipRequest")
            .WithSummary("Adds the requesting user as a member (owners only).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        organizations.MapPost("/{id:guid}/membership-requests/{requestId:guid}/decline", async Task<Ok<MembershipRequestView>> (Guid id, Guid requestId, RequestMembershipHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.DecideAsync(id, requestId, approve: false, ct)))
            .WithName("DeclineMembershipRequest")
            .WithSummary("Declines a membership request (owners only).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return organizations;
    }
}

internal sealed class RequestMembershipHandler(PlatformDbContext db, IAccess access, TimeProvider clock, DirectoryRecipients recipients, TechBridge.Platform.Auditing.AuditTrail audit)
{
    public async Task<MembershipRequestView> RequestAsync(Guid id, MembershipRequestBody? body, CancellationToken ct)
    {
        var userId = access.UserId;
        new Validation().MaxLength("message", body?.Message, 500).ThrowIfInvalid();
        var organizationName = await db.Set<Organization>().Where(o => o.Id == id).Select(o => o.LegalName).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("The organization");

        if (await db.Set<Membership>().AnyAsync(m => m.OrganizationId == id && m.UserId == userId, ct))
        {
            throw new ConflictException("already_member", "You are already a member of this organization.");
        }

        if (await db.Set<MembershipRequest>().AnyAsync(r => r.OrganizationId == id && r.UserId == userId && r.Status == MembershipRequestStatus.Open, ct))
        {
            throw new ConflictException("request_open", "You already asked; the owner has not decided yet.");
        }

        var request = new MembershipRequest { OrganizationId = id, UserId = userId, Message = body?.Message?.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Add(request);
        var requester = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(ct);
        recipients.Send(await recipients.MembersAsync(id, ownersOnly: true, ct), DirectoryNotices.MembershipRequested,
            new() { ["user"] = requester ?? "", ["organization"] = organizationName }, $"/Organizations/{id}");
        await db.SaveChangesAsync(ct);
        return ToView(request, null);
    }

    public async Task<List<MembershipRequestView>> ListAsync(Guid id, CancellationToken ct)
    {
        await access.RequireMemberAsync(id, ownerOnly: true, ct);
        var rows = await db.Set<MembershipRequest>().Where(r => r.OrganizationId == id && r.Status == MembershipRequestStatus.Open)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r, u.UserName }).ToListAsync(ct);
        return rows.OrderBy(x => x.r.CreatedAt).Select(x => ToView(x.r, x.UserName)).ToList();
    }

    public async Task<MembershipRequestView> DecideAsync(Guid id, Guid requestId, bool approve, CancellationToken ct)
    {
        await access.RequireMemberAsync(id, ownerOnly: true, ct);
        var request = await db.Set<MembershipRequest>().FirstOrDefaultAsync(r => r.Id == requestId && r.OrganizationId == id, ct)
            ?? throw new NotFoundException("The membership request");
        if (request.Status != MembershipRequestStatus.Open)
        {
            throw new ConflictException("not_open", $"The request was already {request.Status}.");
        }

        var now = clock.GetUtcNow();
        var decision = approve ? MembershipRequestStatus.Approved : MembershipRequestStatus.Declined;
        var decidedBy = access.UserId;

        // One winner among racing approvals and declines, by the database: the decision is a conditional update from
        // Open, in the same transaction as the membership and the notification; the loser changes nothing (409).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var won = await db.Set<MembershipRequest>()
            .Where(r => r.Id == requestId && r.Status == MembershipRequestStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, decision).SetProperty(r => r.DecidedBy, decidedBy).SetProperty(r => r.DecidedAt, now), ct);
        if (won == 0)
        {
            throw new ConflictException("not_open", "The request was already decided.");
        }

        // The conditional update passes by the audit interceptor: the decision is noted in the same transaction.
        audit.Note(nameof(MembershipRequest), requestId.ToString(), $"Status: Open → {decision}");
        db.Entry(request).State = EntityState.Detached;
        request.Status = decision;
        request.DecidedBy = decidedBy;
        request.DecidedAt = now;
        if (approve && !await db.Set<Membership>().AnyAsync(m => m.OrganizationId == id && m.UserId == request.UserId, ct))
        {
            db.Add(new Membership { OrganizationId = id, UserId = request.UserId, Role = MembershipRole.Member, CreatedAt = now });
        }

        var name = await db.Set<Organization>().Where(o => o.Id == id).Select(o => o.LegalName).FirstAsync(ct);
        recipients.Send([request.UserId], approve ? DirectoryNotices.MembershipApproved : DirectoryNotices.MembershipDeclined,
            new() { ["organization"] = name }, approve ? $"/Organizations/{id}" : "/Organizations/Mine");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ToView(request, null);
    }

    private static MembershipRequestView ToView(MembershipRequest r, string? userName) =>
        new(r.Id, r.OrganizationId, r.UserId, userName, r.Message, r.Status.ToString(), r.CreatedAt);
}
