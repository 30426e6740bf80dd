using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Engagements.Contracts;
using TechBridge.Modules.Engagements.Data;
using TechBridge.Modules.Engagements.ManageEngagements;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Platform.Files;
using TechBridge.Platform.Notifications;
using TechBridge.Platform.Time;
using TechBridge.Platform.Values;

namespace TechBridge.Modules.Engagements.ServiceOrders;

internal sealed record MilestoneRequest(string? Title, DateOnly? DueDate, long? AmountFen);

// From an agreed engagement (engagementId) or a selected open-call proposal (proposalId): exactly one of them.
internal sealed record OrderRequest(Guid? EngagementId, Guid? ProposalId, string? Title, string? Scope, long? AmountFen, IReadOnlyList<MilestoneRequest>? Milestones);

// The evidence is the uploaded file itself; the platform computes and keeps its hash.
internal sealed record DeliveryRequest(string? Note, IFormFile? Evidence);

internal sealed record DisputeRequest(string? Reason);

internal sealed record RefusalRequest(string? Reason);

internal sealed record RatingRequest(int? Stars, string? Comment);

internal sealed record MilestoneResponse(int Sequence, string Title, DateOnly DueDate, long AmountFen, string AmountDisplay);

internal sealed record RatingResponse(int Stars, string? Comment, DateTimeOffset At);

// YourSide: client, provider or admin (reads only). ClientOrganizationId and ClientName are null for the provider
// while the client is the hidden enterprise of an anonymous demand. EvidenceUrl downloads the delivery evidence.
internal sealed record OrderResponse(
    Guid Id,
    Guid? EngagementId,
    Guid? ProposalId,
    Guid? ClientOrganizationId,
    string? ClientName,
    Guid ProviderOrganizationId,
    string ProviderName,
    string Title,
    string Scope,
    long AmountFen,
    string AmountDisplay,
    string Status,
    IReadOnlyList<MilestoneResponse> Milestones,
    string? RefusalReason,
    string? DeliveryNote,
    string? DeliveryEvidenceSha256,
    string? DeliveryEvidenceFileName,
    string? EvidenceUrl,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? AcceptedAt,
    string? DisputeReason,
    RatingResponse? Rating,
    string YourSide,
    DateTimeOffset CreatedAt);

// Service orders: placing, delivery, acceptance or dispute, and the client's rating. Endpoints and pages share it.
// The client (the enterprise) places an order; the provider confirms it before work starts, so neither side sets the
// scope and amount alone.
internal sealed class ServiceOrdersHandler(PlatformDbContext db, IAccess access, IOrganizationFacts facts, IListingFacts listings, ManageEngagementsHandler engagements,
    FileStore files, Notifier notifier, TimeProvider clock)
{
    public const int MaxMilestones = 20;

    // 1,000,000,000 yuan: the cap of an order and of each milestone's share.
    public const long MaxAmountFen = 100_000_000_000L;

    public async Task<OrderResponse> PlaceAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        var validation = new Validation().Required("scope", request.Scope).MaxLength("scope", request.Scope, 4000).MaxLength("title", request.Title, 200);
        if ((request.EngagementId is null) == (request.ProposalId is null))
        {
            validation.Add("engagementId", "oneSource", "Name either the agreed engagement or the selected proposal.");
        }

        var today = DateOnly.FromDateTime(AdjustableClock.ToChina(clock.GetUtcNow()).DateTime);
        if (request.AmountFen is not > 0 || request.AmountFen > MaxAmountFen)
        {
            validation.Add("amountFen", "range", "The amount is a positive number of fen (at most 1,000,000,000 yuan).");
        }

        var milestones = request.Milestones ?? [];
        if (milestones.Count is 0 or > MaxMilestones)
        {
            validation.Add("milestones", "count", $"An order has 1 to {MaxMilestones} milestones.", new Dictionary<string, object> { ["min"] = 1, ["max"] = MaxMilestones });
        }

        DateOnly? previousDue = null;
        for (var i = 0; i < milestones.Count && i < MaxMilestones; i++)
        {
            var m = milestones[i];
            validation.Required($"milestones[{i}].title", m.Title).MaxLength($"milestones[{i}].title", m.Title, 200);
            if (m.DueDate is null)
            {
                validation.Add($"milestones[{i}].dueDate", "required", "A milestone has a due date.");
            }
            else if (m.DueDate < today)
            {
                validation.Add($"milestones[{i}].dueDate", "past", "A milestone's due date is today or later.");
            }
            else if (m.DueDate < previousDue)
            {
                // Milestones are a sequence: each falls due no earlier than the one before it.
                validation.Add($"milestones[{i}].dueDate", "order", "A milestone falls due no earlier than the one before it.");
            }

            previousDue = m.DueDate ?? previousDue;

            if (m.AmountFen is not > 0)
            {
                validation.Add($"milestones[{i}].amountFen", "positive", "A milestone's share is a positive amount in fen.");
            }
            else if (m.AmountFen > MaxAmountFen)
            {
                // Each share within the order's cap: twenty of them cannot overflow the sum below.
                validation.Add($"milestones[{i}].amountFen", "range", "A milestone's share is at most 1,000,000,000 yuan.");
            }
        }

        if (request.AmountFen is > 0 && milestones.All(m => m.AmountFen is > 0 and <= MaxAmountFen) && milestones.Count is > 0 and <= MaxMilestones
            && milestones.Aggregate(Money.Zero, (sum, m) => sum + new Money(m.AmountFen!.Value)) != new Money(request.AmountFen.Value))
        {
            validation.Add("milestones", "sumEqualsAmount", "The milestones' shares must add up to the order's amount.");
        }

        validation.ThrowIfInvalid();
        Guid client, provider;
        string title;
        var clientHidden = false;
        var mine = (await facts.MembershipsOfAsync(userId, cancellationToken)).Select(m => m.Id).ToHashSet();
        if (request.EngagementId is { } engagementId)
        {
            var (engagement, participant) = await engagements.LoadAsync(engagementId, cancellationToken);
            if (!participant.IsParty)
            {
                throw new ForbiddenException("The parties of the engagement place its order.");
            }

            if (!mine.Contains(engagement.ClientOrganizationId))
            {
                // The provider does not set the scope and amount of its own order: the client places it, the
                // provider confirms it.
                throw new ForbiddenException("The client places the order; the provider confirms it.");
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
            if (proposal is null || !(mine.Contains(proposal.DemandOrganizationId) || mine.Contains(proposal.ProposalOrganizationId)))
            {
                throw new NotFoundException("The selected proposal");
            }

            if (!mine.Contains(proposal.DemandOrganizationId))
            {
                throw new ForbiddenException("The enterprise that selected the proposal places the order; the provider confirms it.");
            }

            (client, provider, title) = (proposal.DemandOrganizationId, proposal.ProposalOrganizationId, proposal.DemandTitle);
            clientHidden = proposal.DemandIdentityHidden;
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
            ClientIdentityHidden = clientHidden,
            Title = string.IsNullOrWhiteSpace(request.Title) ? title : request.Title.Trim(),
            Scope = request.Scope!.Trim(),
            AmountFen = request.AmountFen!.Value,
            Status = OrderStatus.AwaitingProvider,
            CreatedByUserId = userId,
            CreatedAt = clock.GetUtcNow(),
            Milestones = milestones.Select((m, i) => new OrderMilestone { Sequence = i + 1, Title = m.Title!.Trim(), DueDate = m.DueDate!.Value, AmountFen = m.AmountFen!.Value }).ToList(),
        };
        db.Add(order);
        await NotifyAsync(order, userId, EngagementNotices.OrderPlaced, new() { ["amount"] = new Money(order.AmountFen).ToDisplay() }, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (Problem.From(e) is { Code: "constraint" })
        {
            // One live order per engagement or proposal (a filtered unique index), also when two are placed at once.
            throw new ConflictException("order_exists", "This engagement or proposal already has an order.");
        }

        return await ToResponseAsync(order, "client", cancellationToken);
    }

    // The provider confirms the order the client placed: work starts.
    public async Task<OrderResponse> ConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        var (order, side) = await LoadAsync(id, cancellationToken, forUpdate: true);
        Require(side == "provider", "The provider confirms the order.");
        Transition(order, OrderStatus.InProgress, OrderStatus.AwaitingProvider);
        order.ConfirmedAt = clock.GetUtcNow();
        return await SaveAsync(order, side, EngagementNotices.OrderConfirmed, [], cancellationToken);
    }

    // The provider refuses the order with a reason; the client may place a corrected one.
    public async Task<OrderResponse> RefuseAsync(Guid id, RefusalRequest request, CancellationToken cancellationToken)
    {
        new Validation().Required("reason", request.Reason).MaxLength("reason", request.Reason, 2000).ThrowIfInvalid();
        var (order, side) = await LoadAsync(id, cancellationToken, forUpdate: true);
        Require(side == "provider", "The provider refuses the order.");
        Transition(order, OrderStatus.Refused, OrderStatus.AwaitingProvider);
        order.RefusalReason = request.Reason!.Trim();
        order.RefusedAt = clock.GetUtcNow();
        return await SaveAsync(order, side, EngagementNotices.OrderRefused, new() { ["reason"] = order.RefusalReason }, cancellationToken);
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

    // The provider delivers with a note and the evidence file; the platform stores the file and keeps its hash (the
    // file is checked only after the caller may deliver, so nobody else leaves files behind).
    public async Task<OrderResponse> DeliverAsync(Guid id, DeliveryRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("note", request.Note).MaxLength("note", request.Note, 4000);
        if (request.Evidence is null)
        {
            validation.Add("evidenceFile", "required", "Attach the delivery evidence (a PDF or an image).");
        }

        validation.ThrowIfInvalid();
        var (order, side) = await LoadAsync(id, cancellationToken, forUpdate: true);
        Require(side == "provider", "The provider marks the order delivered.");
        if (order.Status is not (OrderStatus.InProgress or OrderStatus.Disputed))
        {
            throw new ConflictException("transition_not_allowed", $"An order that is {Name(order.Status)} cannot become {Name(OrderStatus.Delivered)}.");
        }

        var stored = await files.SaveAsync(request.Evidence!, "evidenceFile", cancellationToken);
        Transition(order, OrderStatus.Delivered, OrderStatus.InProgress, OrderStatus.Disputed);
        order.DeliveryNote = request.Note!.Trim();
        order.DeliveryEvidenceSha256 = stored.Sha256;
        var name = Path.GetFileName(request.Evidence!.FileName);
        order.DeliveryEvidenceFileName = string.IsNullOrWhiteSpace(name) ? null : name.Length > 255 ? name[..255] : name;
        order.DeliveredAt = clock.GetUtcNow();
        return await SaveAsync(order, side, EngagementNotices.OrderDelivered, [], cancellationToken);
    }

    public async Task<OrderResponse> AcceptAsync(Guid id, CancellationToken cancellationToken)
    {
        var (order, side) = await LoadAsync(id, cancellationToken, forUpdate: true);
        Require(side == "client", "The client accepts the delivery.");
        Transition(order, OrderStatus.Accepted, OrderStatus.Delivered);
        order.AcceptedAt = clock.GetUtcNow();
        return await SaveAsync(order, side, EngagementNotices.OrderAccepted, [], cancellationToken);
    }

    public async Task<OrderResponse> DisputeAsync(Guid id, DisputeRequest request, CancellationToken cancellationToken)
    {
        new Validation().Required("reason", request.Reason).MaxLength("reason", request.Reason, 2000).ThrowIfInvalid();
        var (order, side) = await LoadAsync(id, cancellationToken, forUpdate: true);
        Require(side == "client", "The client disputes the delivery.");
        Transition(order, OrderStatus.Disputed, OrderStatus.Delivered);
        order.DisputeReason = request.Reason!.Trim();
        order.DisputedAt = clock.GetUtcNow();
        return await SaveAsync(order, side, EngagementNotices.OrderDisputed, new() { ["reason"] = order.DisputeReason }, cancellationToken);
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
        await NotifyAsync(order, access.UserId, EngagementNotices.OrderRated, new() { ["stars"] = request.Stars!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(order, side, cancellationToken);
    }

    public async Task NotifyAsync(ServiceOrder order, Guid actorUserId, NotificationTemplate template, Dictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var recipients = new HashSet<Guid>(await facts.MemberUserIdsAsync(order.ClientOrganizationId, cancellationToken));
        recipients.UnionWith(await facts.MemberUserIdsAsync(order.ProviderOrganizationId, cancellationToken));
        recipients.Remove(actorUserId);
        parameters["order"] = order.Title;
        foreach (var userId in recipients)
        {
            notifier.Notify(userId, template, parameters, $"/Orders/Detail?id={order.Id}");
        }
    }

    public async Task<OrderResponse> ToResponseAsync(ServiceOrder o, string side, CancellationToken cancellationToken)
    {
        var names = await facts.FindManyAsync([o.ClientOrganizationId, o.ProviderOrganizationId], cancellationToken);
        var rating = await db.Set<ProviderRating>().AsNoTracking().Where(r => r.OrderId == o.Id)
            .Select(r => new RatingResponse(r.Stars, r.Comment, r.At)).FirstOrDefaultAsync(cancellationToken);
        var hideClient = o.ClientIdentityHidden && side == "provider";
        return new OrderResponse(o.Id, o.EngagementId, o.ProposalId,
            hideClient ? null : o.ClientOrganizationId, hideClient ? null : names.GetValueOrDefault(o.ClientOrganizationId)?.LegalName ?? "",
            o.ProviderOrganizationId, names.GetValueOrDefault(o.ProviderOrganizationId)?.LegalName ?? "", o.Title, o.Scope, o.AmountFen, new Money(o.AmountFen).ToDisplay(),
            Name(o.Status), o.Milestones.OrderBy(m => m.Sequence).Select(m => new MilestoneResponse(m.Sequence, m.Title, m.DueDate, m.AmountFen, new Money(m.AmountFen).ToDisplay())).ToList(),
            o.RefusalReason, o.DeliveryNote, o.DeliveryEvidenceSha256, o.DeliveryEvidenceFileName,
            o.DeliveryEvidenceSha256 is { } sha ? $"/api/v1/files/{sha}" : null,
            o.DeliveredAt, o.AcceptedAt, o.DisputeReason, rating, side, o.CreatedAt);
    }

    public static string Name(OrderStatus status) => status switch
    {
        OrderStatus.AwaitingProvider => "awaiting-provider",
        OrderStatus.Refused => "refused",
        OrderStatus.InProgress => "in-progress",
        OrderStatus.Delivered => "delivered",
        OrderStatus.Accepted => "accepted",
        _ => "disputed",
    };

    private async Task<OrderResponse> SaveAsync(ServiceOrder order, string side, NotificationTemplate template, Dictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        await NotifyAsync(order, access.UserId, template, parameters, cancellationToken);
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
