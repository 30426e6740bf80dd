using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Engagements.Contracts;
using TechBridge.Modules.Engagements.Data;
using TechBridge.Modules.Engagements.ManageEngagements;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Platform.Files;
using TechBridge.Platform.Notifications;
using TechBridge.Platform.Values;

namespace TechBridge.Modules.Engagements.ServiceOrders;

internal sealed record MilestoneRequest(string? Title, DateOnly? DueDate, long? AmountFen);

// From an agreed engagement (engagementId) or a selected open-call proposal (proposalId): exactly one of them.
internal sealed record OrderRequest(Guid? EngagementId, Guid? ProposalId, string? Title, string? Scope, long? AmountFen, IReadOnlyList<MilestoneRequest>? Milestones);

internal sealed record DeliveryRequest(string? Note, string? EvidenceSha256);

internal sealed record DisputeRequest(string? Reason);

internal sealed record RatingRequest(int? Stars, string? Comment);

internal sealed record MilestoneResponse(int Sequence, string Title, DateOnly DueDate, long AmountFen, string AmountDisplay);

internal sealed record RatingResponse(int Stars, string? Comment, DateTimeOffset At);

// YourSide: client, provider or admin (reads only).
internal sealed record OrderResponse(
    Guid Id,
    Guid? EngagementId,
    Guid? ProposalId,
    Guid ClientOrganizationId,
    string ClientName,
    Guid ProviderOrganizationId,
    string ProviderName,
    string Title,
    string Scope,
    long AmountFen,
    string AmountDisplay,
    string Status,
    IReadOnlyList<MilestoneResponse> Milestones,
    string? DeliveryNote,
    string? DeliveryEvidenceSha256,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? AcceptedAt,
    string? DisputeReason,
    RatingResponse? Rating,
    string YourSide,
    DateTimeOffset CreatedAt);

// Service orders: placing, delivery, acceptance or dispute, and the client's rating. Endpoints and pages share it.
internal sealed class ServiceOrdersHandler(PlatformDbContext db, IAccess access, IOrganizationFacts facts, IListingFacts listings, ManageEngagementsHandler engagements, Notifier notifier, TimeProvider clock)
{
    public const int MaxMilestones = 20;

    public async Task<OrderResponse> PlaceAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        var validation = new Validation().Required("scope", request.Scope).MaxLength("scope", request.Scope, 4000).MaxLength("title", request.Title, 200);
        if ((request.EngagementId is null) == (request.ProposalId is null))
        {
            validation.Add("engagementId", "oneSource", "Name either the agreed engagement or the selected proposal.");
        }

        if (request.AmountFen is not > 0 || request.AmountFen > 100_000_000_000L)
        {
            validation.Add("amountFen", "range", "The amount is a positive number of fen (at most 1,000,000,000 yuan).");
        }

        var milestones = request.Milestones ?? [];
        if (milestones.Count is 0 or > MaxMilestones)
        {
            validation.Add("milestones", "count", $"An order has 1 to {MaxMilestones} milestones.", new Dictionary<string, object> { ["min"] = 1, ["max"] = MaxMilestones });
        }

        for (var i = 0; i < milestones.Count && i < MaxMilestones; i++)
        {
            var m = milestones[i];
            validation.Required($"milestones[{i}].title", m.Title).MaxLength($"milestones[{i}].title", m.Title, 200);
            if (m.DueDate is null)
            {
                validation.Add($"milestones[{i}].dueDate", "required", "A milestone has a due date.");
            }

            if (m.AmountFen is not > 0)
            {
                validation.Add($"milestones[{i}].amountFen", "positive", "A milestone's share is a positive amount in fen.");
            }
        }

        if (request.AmountFen is > 0 && milestones.All(m => m.AmountFen is > 0) && milestones.Count > 0
            && milestones.Aggregate(Money.Zero, (sum, m) => sum + new Money(m.AmountFen!.Value)) != new Money(request.AmountFen.Value))
        {
            validation.Add("milestones", "sumEqualsAmount", "The milestones' shares must add up to the order's amount.");
        }

        validation.ThrowIfInvalid();
        Guid client, provider;
        string title;
        if (request.EngagementId is { } engagementId)
        {
            var (engagement, participant) = await engagements.LoadAsync(engagementId, cancellationToken);
            if (!participant.IsParty)
            {
                throw new ForbiddenException("The parties of the engagement place its order.");
            }

            if (engagement.Status != EngagementStatus.Agreed)
            {
                throw new ConflictException("engagement_not_agreed", "Only an agreed engagement becomes an order.");
            }

            if (engagement.IdentityHidden)
            {
                // An order binds two named parties: the enterprise reveals itself to this counterpart first.
                throw new ConflictException("identity_hidden", "The enterprise behind the anonymous demand reveals itself before an order is placed.");
            }

            (client, provider, title) = (engagement.ClientOrganizationId, engagement.ProviderOrganizationId, engagement.ListingTitle);
        }
        else
        {
            var proposal = await listings.FindSelectedProposalAsync(request.ProposalId!.Value, cancellationToken);
            var mine = (await facts.MembershipsOfAsync(userId, cancellationToken)).Select(m => m.Id).ToHashSet();
            if (proposal is null || !(mine.Contains(proposal.DemandOrganizationId) || mine.Contains(proposal.ProposalOrganizationId)))
            {
                throw new NotFoundException("The selected proposal");
            }

            (client, provider, title) = (proposal.DemandOrganizationId, proposal.ProposalOrganizationId, proposal.DemandTitle);
        }

        var providerFacts = await facts.FindAsync(provider, cancellationToken) ?? throw new NotFoundException("The provider");
        if (providerFacts.IsSuspended)
        {
            throw new ConflictException("institution_suspended", "The provider is suspended and takes no orders until it is reinstated.");
        }

        var order = new ServiceOrder
        {
            EngagementId = request.EngagementId,
            ProposalId = request.ProposalId,
            ClientOrganizationId = client,
            ProviderOrganizationId = provider,
            ProviderRegionCode = providerFacts.RegionCode,
            Title = string.IsNullOrWhiteSpace(request.Title) ? title : request.Title.Trim(),
            Scope = request.Scope!.Trim(),
            AmountFen = request.AmountFen!.Value,
            CreatedByUserId = userId,
            CreatedAt = clock.GetUtcNow(),
            Milestones = milestones.Select((m, i) => new OrderMilestone { Sequence = i + 1, Title = m.Title!.Trim(), DueDate = m.DueDate!.Value, AmountFen = m.AmountFen!.Value }).ToList(),
        };
        db.Add(order);
        await NotifyAsync(order, userId, "order.placed", $"New service order 「{order.Title}」", $"Amount {new Money(order.AmountFen).ToDisplay()}.", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(order, await SideAsync(order, cancellationToken) ?? "client", cancellationToken);
    }

    public async Task<(ServiceOrder Order, string Side)> LoadAsync(Guid id, CancellationToken cancellationToken, bool forUpdate = false)
    {
        var query = db.Set<ServiceOrder>().Include(o => o.Milestones).Where(o => o.Id == id);
        var order = await (forUpdate ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The order");
        var side = await SideAsync(order, cancellationToken) ?? throw new NotFoundException("The order");
        return (order, side);
    }

    private async Task<string?> SideAsync(ServiceOrder order, CancellationToken cancellationToken)
    {
        var mine = (await facts.MembershipsOfAsync(access.UserId, cancellationToken)).Select(m => m.Id).ToHashSet();
        if (mine.Contains(order.ClientOrganizationId))
        {
            return "client";
        }

        if (mine.Contains(order.ProviderOrganizationId))
        {
            return "provider";
        }

        return await access.HasPermissionAsync(EngagementsPermissions.ResolveComplaints, order.ProviderRegionCode, cancellationToken) ? "admin" : null;
    }

    public async Task<IReadOnlyList<OrderResponse>> ListMineAsync(CancellationToken cancellationToken)
    {
        var mine = (await facts.MembershipsOfAsync(access.UserId, cancellationToken)).Select(m => m.Id).ToList();
        var everything = access.ReadsEverything;
        var orders = await db.Set<ServiceOrder>().AsNoTracking().Include(o => o.Milestones)
            .Where(o => everything || mine.Contains(o.ClientOrganizationId) || mine.Contains(o.ProviderOrganizationId))
            .OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id).Take(200).ToListAsync(cancellationToken);
        var result = new List<OrderResponse>(orders.Count);
        foreach (var o in orders)
        {
            var side = mine.Contains(o.ClientOrganizationId) ? "client" : mine.Contains(o.ProviderOrganizationId) ? "provider" : "admin";
            result.Add(await ToResponseAsync(o, side, cancellationToken));
        }

        return result;
    }

    public async Task<OrderResponse> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var (order, side) = await LoadAsync(id, cancellationToken);
        return await ToResponseAsync(order, side, cancellationToken);
    }

    public async Task<OrderResponse> DeliverAsync(Guid id, DeliveryRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("note", request.Note).MaxLength("note", request.Note, 4000);
        var sha = string.IsNullOrWhiteSpace(request.EvidenceSha256) ? null : request.EvidenceSha256.Trim().ToLowerInvariant();
        if (sha is not null && (!FileStore.IsSha256(sha) || !await db.Set<FileUpload>().AnyAsync(f => f.Sha256 == sha && f.UserId == access.UserId, cancellationToken)))
        {
            validation.Add("evidenceSha256", "unknown", "Upload the evidence with POST /api/v1/files first and give its sha256.");
        }

        validation.ThrowIfInvalid();
        var (order, side) = await LoadAsync(id, cancellationToken, forUpdate: true);
        Require(side == "provider", "The provider marks the order delivered.");
        Transition(order, OrderStatus.Delivered, OrderStatus.InProgress, OrderStatus.Disputed);
        order.DeliveryNote = request.Note!.Trim();
        order.DeliveryEvidenceSha256 = sha;
        order.DeliveredAt = clock.GetUtcNow();
        return await SaveAsync(order, side, "order.delivered", $"「{order.Title}」 was delivered", "Accept the delivery or dispute it.", cancellationToken);
    }

    public async Task<OrderResponse> AcceptAsync(Guid id, CancellationToken cancellationToken)
    {
        var (order, side) = await LoadAsync(id, cancellationToken, forUpdate: true);
        Require(side == "client", "The client accepts the delivery.");
        Transition(order, OrderStatus.Accepted, OrderStatus.Delivered);
        order.AcceptedAt = clock.GetUtcNow();
        return await SaveAsync(order, side, "order.accepted", $"「{order.Title}」 was accepted", "The client accepted the delivery.", cancellationToken);
    }

    public async Task<OrderResponse> DisputeAsync(Guid id, DisputeRequest request, CancellationToken cancellationToken)
    {
        new Validation().Required("reason", request.Reason).MaxLength("reason", request.Reason, 2000).ThrowIfInvalid();
        var (order, side) = await LoadAsync(id, cancellationToken, forUpdate: true);
        Require(side == "client", "The client disputes the delivery.");
        Transition(order, OrderStatus.Disputed, OrderStatus.Delivered);
        order.DisputeReason = request.Reason!.Trim();
        order.DisputedAt = clock.GetUtcNow();
        return await SaveAsync(order, side, "order.disputed", $"「{order.Title}」 is disputed", order.DisputeReason, cancellationToken);
    }

    // One rating per order (a unique index: a second one is 409), only after acceptance, only by the client.
    public async Task<OrderResponse> RateAsync(Guid id, RatingRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().MaxLength("comment", request.Comment, 2000);
        if (request.Stars is not (>= 1 and <= 5))
        {
            validation.Add("stars", "range", "A rating is 1 to 5 stars.");
        }

        validation.ThrowIfInvalid();
        var (order, side) = await LoadAsync(id, cancellationToken);
        Require(side == "client", "The client rates the provider.");
        if (order.Status != OrderStatus.Accepted)
        {
            throw new ConflictException("order_not_accepted", "Only an accepted order is rated.");
        }

        if (await db.Set<ProviderRating>().AnyAsync(r => r.OrderId == id, cancellationToken))
        {
            throw new ConflictException("already_rated", "The order has been rated already.");
        }

        db.Add(new ProviderRating
        {
            OrderId = id,
            ProviderOrganizationId = order.ProviderOrganizationId,
            Stars = request.Stars!.Value,
            Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
            ByUserId = access.UserId,
            At = clock.GetUtcNow(),
        });
        await NotifyAsync(order, access.UserId, "order.rated", $"「{order.Title}」 was rated", $"{request.Stars} of 5.", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(order, side, cancellationToken);
    }

    public async Task NotifyAsync(ServiceOrder order, Guid actorUserId, string kind, string title, string body, CancellationToken cancellationToken)
    {
        var recipients = new HashSet<Guid>(await facts.MemberUserIdsAsync(order.ClientOrganizationId, cancellationToken));
        recipients.UnionWith(await facts.MemberUserIdsAsync(order.ProviderOrganizationId, cancellationToken));
        recipients.Remove(actorUserId);
        foreach (var userId in recipients)
        {
            notifier.Notify(userId, kind, title, body, $"/Orders/Detail?id={order.Id}");
        }
    }

    public async Task<OrderResponse> ToResponseAsync(ServiceOrder o, string side, CancellationToken cancellationToken)
    {
        var names = await facts.FindManyAsync([o.ClientOrganizationId, o.ProviderOrganizationId], cancellationToken);
        var rating = await db.Set<ProviderRating>().AsNoTracking().Where(r => r.OrderId == o.Id)
            .Select(r => new RatingResponse(r.Stars, r.Comment, r.At)).FirstOrDefaultAsync(cancellationToken);
        return new OrderResponse(o.Id, o.EngagementId, o.ProposalId, o.ClientOrganizationId, names.GetValueOrDefault(o.ClientOrganizationId)?.LegalName ?? "",
            o.ProviderOrganizationId, names.GetValueOrDefault(o.ProviderOrganizationId)?.LegalName ?? "", o.Title, o.Scope, o.AmountFen, new Money(o.AmountFen).ToDisplay(),
            Name(o.Status), o.Milestones.OrderBy(m => m.Sequence).Select(m => new MilestoneResponse(m.Sequence, m.Title, m.DueDate, m.AmountFen, new Money(m.AmountFen).ToDisplay())).ToList(),
            o.DeliveryNote, o.DeliveryEvidenceSha256, o.DeliveredAt, o.AcceptedAt, o.DisputeReason, rating, side, o.CreatedAt);
    }

    public static string Name(OrderStatus status) => status switch
    {
        OrderStatus.InProgress => "in-progress",
        OrderStatus.Delivered => "delivered",
        OrderStatus.Accepted => "accepted",
        _ => "disputed",
    };

    private async Task<OrderResponse> SaveAsync(ServiceOrder order, string side, string kind, string title, string body, CancellationToken cancellationToken)
    {
        await NotifyAsync(order, access.UserId, kind, title, body, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(order, side, cancellationToken);
    }

    private static void Require(bool allowed, string message)
    {
        if (!allowed)
        {
            throw new ForbiddenException(message);
        }
    }

    // Status is the concurrency token: the UPDATE only succeeds from the status read here (a racing change → 409).
    private static void Transition(ServiceOrder order, OrderStatus to, params OrderStatus[] from)
    {
        if (!from.Contains(order.Status))
        {
            throw new ConflictException("transition_not_allowed", $"An order that is {Name(order.Status)} cannot become {Name(to)}.");
        }

        order.Status = to;
    }
}
