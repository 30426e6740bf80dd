using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Engagements.Contracts;
using TechBridge.Modules.Engagements.Data;
using TechBridge.Modules.Engagements.ServiceOrders;
using TechBridge.Platform.Input;
using TechBridge.Platform.Localization;
using TechBridge.Platform.Notifications;

namespace TechBridge.Modules.Engagements.Complaints;

internal sealed record ComplaintRequest(string? Text);

internal sealed record ResolutionRequest(string? OutcomeCode, string? Outcome);

internal sealed record ComplaintResponse(Guid Id, Guid OrderId, string OrderTitle, Guid ProviderOrganizationId, string ProviderName, string ProviderRegionCode,
    string Text, string Status, string? OutcomeCode, string? Outcome, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt);

// Complaints about an order go to admins of the provider's jurisdiction (permission engagements.resolve-complaints),
// who resolve each with a recorded outcome.
internal sealed class ComplaintsHandler(PlatformDbContext db, IAccess access, IOrganizationFacts facts, ServiceOrdersHandler orders, Notifier notifier, TimeProvider clock)
{
    public static readonly string[] Outcomes = ["upheld", "partly-upheld", "rejected", "settled"];

    public const int MaxComplaintsPerOrder = 5;

    public async Task<ComplaintResponse> FileAsync(Guid orderId, ComplaintRequest request, CancellationToken cancellationToken)
    {
        new Validation().Required("text", request.Text).MaxLength("text", request.Text, 4000).ThrowIfInvalid();
        var (order, side) = await orders.LoadAsync(orderId, cancellationToken);
        if (side != "client")
        {
            throw new ForbiddenException("The client files complaints about an order.");
        }

        // One order, a handful of complaints: more is flooding the admins' queue, not a new grievance.
        if (await db.Set<Complaint>().CountAsync(c => c.OrderId == order.Id, cancellationToken) >= MaxComplaintsPerOrder)
        {
            throw new ConflictException("too_many_complaints", $"An order can have at most {MaxComplaintsPerOrder} complaints; add to an open one or wait for its resolution.");
        }

        var complaint = new Complaint
        {
            OrderId = order.Id,
            ProviderOrganizationId = order.ProviderOrganizationId,
            ProviderRegionCode = order.ProviderRegionCode,
            FiledByOrganizationId = order.ClientOrganizationId,
            FiledByUserId = access.UserId,
            Text = request.Text!.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(complaint);
        // The admins who handle it hear of it at once (the queue is where they act on it).
        foreach (var adminId in await facts.AdminUserIdsAsync(EngagementsPermissions.ResolveComplaints, order.ProviderRegionCode, cancellationToken))
        {
            notifier.Notify(adminId, EngagementNotices.ComplaintFiled, new Dictionary<string, string> { ["order"] = order.Title }, "/Admin/Complaints");
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(complaint, order.Title, cancellationToken);
    }

    public const int QueuePageSize = 200;

    // The complaints of the admin's jurisdictions, filtered in the query and paged oldest first (the platform's paging
    // rule: page from 1, size 1 to QueuePageSize): an item of another region can never push one of the admin's own
    // out of the page. Total counts them all.
    public async Task<(int Total, IReadOnlyList<ComplaintResponse> Items)> QueuePageAsync(bool openOnly, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = new Validation();
        var (number, size) = Paging.Check(paging, page, pageSize, QueuePageSize, QueuePageSize);
        paging.ThrowIfInvalid();
        var jurisdictions = await access.JurisdictionsWithAsync(EngagementsPermissions.ResolveComplaints, cancellationToken);
        if (jurisdictions.Count == 0)
        {
            throw new ForbiddenException("You handle no complaints.");
        }

        var mine = db.Set<Complaint>().AsNoTracking().Where(Jurisdictions.CoveredBy<Complaint>(jurisdictions, c => c.ProviderRegionCode))
            .Where(c => !openOnly || c.Status == ComplaintStatus.Open);
        var total = await mine.CountAsync(cancellationToken);
        var rows = await (from c in mine
                          join o in db.Set<ServiceOrder>().AsNoTracking() on c.OrderId equals o.Id
                          orderby c.CreatedAt, c.Id
                          select new { Complaint = c, o.Title }).Skip(Paging.Skip(number, size)).Take(size).ToListAsync(cancellationToken);
        var result = new List<ComplaintResponse>();
        foreach (var row in rows)
        {
            result.Add(await ToResponseAsync(row.Complaint, row.Title, cancellationToken));
        }

        return (total, result);
    }

    public async Task<ComplaintResponse> ResolveAsync(Guid id, ResolutionRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("outcomeCode", request.OutcomeCode).Required("outcome", request.Outcome).MaxLength("outcome", request.Outcome, 2000);
        if (request.OutcomeCode is not null && !Outcomes.Contains(request.OutcomeCode))
        {
            validation.Add("outcomeCode", "unknown", $"The outcome is one of: {string.Join(", ", Outcomes)}.");
        }

        validation.ThrowIfInvalid();
        var complaint = await db.Set<Complaint>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("The complaint");
        if (!await access.HasPermissionAsync(EngagementsPermissions.ResolveComplaints, complaint.ProviderRegionCode, cancellationToken))
        {
            throw new NotFoundException("The complaint");
        }

        if (complaint.Status != ComplaintStatus.Open)
        {
            throw new ConflictException("already_resolved", "The complaint has been resolved already.");
        }

        // Status is the concurrency token: a second admin resolving at the same time gets 409.
        complaint.Status = ComplaintStatus.Resolved;
        complaint.OutcomeCode = request.OutcomeCode;
        complaint.Outcome = request.Outcome!.Trim();
        complaint.ResolvedByUserId = access.UserId;
        complaint.ResolvedAt = clock.GetUtcNow();
        var order = await db.Set<ServiceOrder>().AsNoTracking().FirstAsync(o => o.Id == complaint.OrderId, cancellationToken);
        var recipients = new HashSet<Guid>(await facts.MemberUserIdsAsync(order.ClientOrganizationId, cancellationToken));
        recipients.UnionWith(await facts.MemberUserIdsAsync(order.ProviderOrganizationId, cancellationToken));
        foreach (var userId in recipients)
        {
            notifier.Notify(userId, EngagementNotices.ComplaintResolved,
                new Dictionary<string, string> { ["order"] = order.Title, ["outcomeCode"] = CodeLabels.OfOutcome(complaint.OutcomeCode), ["outcome"] = complaint.Outcome }, $"/Orders/Detail?id={order.Id}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(complaint, order.Title, cancellationToken);
    }

    private async Task<ComplaintResponse> ToResponseAsync(Complaint c, string orderTitle, CancellationToken cancellationToken) =>
        new(c.Id, c.OrderId, orderTitle, c.ProviderOrganizationId, (await facts.FindAsync(c.ProviderOrganizationId, cancellationToken))?.LegalName ?? "", c.ProviderRegionCode,
            c.Text, c.Status == ComplaintStatus.Open ? "open" : "resolved", c.OutcomeCode, c.Outcome, c.CreatedAt, c.ResolvedAt);
}

internal static class ComplaintEndpoints
{
    public static RouteGroupBuilder MapComplaints(this RouteGroupBuilder group)
    {
        group.MapPost("/orders/{orderId:guid}/complaints", async Task<Created<ComplaintResponse>> (Guid orderId, ComplaintRequest request, ComplaintsHandler desk, CancellationToken ct) =>
            {
                var complaint = await desk.FileAsync(orderId, request, ct);
                return TypedResults.Created($"/api/v1/complaints/{complaint.Id}", complaint);
            })
            .WithName("FileComplaint")
            .WithSummary("The client complains about an order; admins of the provider's jurisdiction handle it.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        // Pages of pageSize (at most QueuePageSize, the default), oldest first; X-Total-Count says how many there are in all.
        group.MapGet("/complaints", async Task<Ok<IReadOnlyList<ComplaintResponse>>> (bool? all, int? page, int? pageSize, ComplaintsHandler desk, HttpResponse response, CancellationToken ct) =>
            {
                var (total, items) = await desk.QueuePageAsync(all != true, page, pageSize, ct);
                response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Ok(items);
            })
            .WithName("ListComplaints")
            .WithSummary("The complaints queue of the caller's jurisdictions (open ones unless all=true).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/complaints/{id:guid}/resolution", async Task<Ok<ComplaintResponse>> (Guid id, ResolutionRequest request, ComplaintsHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.ResolveAsync(id, request, ct)))
            .WithName("ResolveComplaint")
            .WithSummary("An admin of the provider's jurisdiction resolves the complaint with an outcome code and text; once.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }
}
