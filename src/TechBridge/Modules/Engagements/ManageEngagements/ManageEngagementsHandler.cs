using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Engagements.Data;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Platform.Notifications;

namespace TechBridge.Modules.Engagements.ManageEngagements;

internal sealed record InterestRequest(string? ListingKind, Guid? ListingId, string? Message);

internal sealed record MessageRequest(string? Body);

// To: in-discussion, agreed (proposes, or confirms the other side's proposal), declined (with reasonCode from
// ManageEngagementsHandler.DeclineReasons and an optional note), withdrawn (the interested side), closed.
internal sealed record TransitionRequest(string? To, string? ReasonCode, string? Note);

// ListingOrganizationId / Name are null while the enterprise behind an anonymous demand is hidden from the caller.
// YourSide: listing, interested, broker (the mediating broker), or admin (reads only). AgreementProposedBy: the side
// (listing or interested) that proposed 达成合作 and waits; AwaitingYourConfirmation: the caller's side confirms it.
internal sealed record EngagementResponse(
    Guid Id,
    string ListingKind,
    Guid ListingId,
    string ListingTitle,
    string Status,
    Guid? ListingOrganizationId,
    string? ListingOrganizationName,
    Guid InterestedOrganizationId,
    string InterestedOrganizationName,
    bool Anonymous,
    bool IdentityRevealed,
    Guid? BrokerUserId,
    string? DeclineReason,
    string? DeclineNote,
    string? AgreementProposedBy,
    bool AwaitingYourConfirmation,
    string YourSide,
    Guid? OrderId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

// AuthorName is null where it would name a hidden enterprise.
internal sealed record MessageResponse(Guid Id, string AuthorSide, string? AuthorName, string Body, DateTimeOffset CreatedAt);

internal sealed record ThreadResponse(EngagementResponse Engagement, IReadOnlyList<MessageResponse> Messages);

// Who the caller is in one engagement.
internal sealed record Participant(string Side, Guid UserId)
{
    public bool IsParty => Side is "listing" or "interested";

    public bool Writes => IsParty || Side == "broker";
}

// Engagements: expressing interest, the message thread, mediation by a broker, and the state machine. Endpoints
// and pages both go through here.
internal sealed class ManageEngagementsHandler(PlatformDbContext db, IAccess access, IOrganizationFacts facts, IListingFacts listings, Notifier notifier, TimeProvider clock)
{
    public static readonly string[] DeclineReasons = ["budget", "timeline", "capability", "scope", "found-other", "no-response", "other"];

    public PlatformDbContext Db => db;

    // The engagement the organization already has on a listing, so that a page offers it instead of a second interest.
    public Task<Guid?> ExistingInterestAsync(Guid listingId, Guid organizationId, CancellationToken cancellationToken) =>
        db.Set<Engagement>().AsNoTracking()
            .Where(e => e.ListingId == listingId && e.InterestedOrganizationId == organizationId)
            .Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task<EngagementResponse> ExpressInterestAsync(Guid actingOrganizationId, InterestRequest request, CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        var validation = new Validation().Required("listingKind", request.ListingKind).MaxLength("message", request.Message, 4000);
        if (request.ListingId is null)
        {
            validation.Add("listingId", "required", "listingId is required.");
        }

        validation.ThrowIfInvalid();
        var organization = await facts.FindAsync(actingOrganizationId, cancellationToken) ?? throw new NotFoundException("The organization");
        var listing = await listings.FindAsync(request.ListingKind!, request.ListingId!.Value, cancellationToken);
        if (listing is null || !listing.IsPublished)
        {
            throw new NotFoundException("The listing");
        }

        if (!organization.IsVerified || organization.Type is not (OrganizationType.Enterprise or OrganizationType.ServiceInstitution or OrganizationType.UniversityOrInstitute))
        {
            throw new ForbiddenException("Only verified enterprises and institutions express interest.");
        }

        if (listing.OrganizationId == organization.Id)
        {
            throw new ConflictException("own_listing", "An organization cannot express interest in its own listing.");
        }

        var now = clock.GetUtcNow();
        var engagement = new Engagement
        {
            ListingKind = listing.Kind,
            ListingId = listing.Id,
            ListingTitle = listing.Title,
            ListingOrganizationId = listing.OrganizationId,
            InterestedOrganizationId = organization.Id,
            JurisdictionRegion = listing.JurisdictionRegion,
            Anonymous = listing.IdentityHidden,
            CreatedByUserId = userId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(engagement);
        if (!string.IsNullOrWhiteSpace(request.Message))
        {
            db.Add(new EngagementMessage { EngagementId = engagement.Id, AuthorUserId = userId, AuthorSide = "interested", Body = request.Message.Trim(), CreatedAt = now });
        }

        await NotifyAsync(engagement, userId, EngagementNotices.Interest, new() { ["organization"] = organization.LegalName }, "listing", cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (Problem.From(e) is { Code: "constraint" })
        {
            // One engagement per listing and organization (a unique index): a second interest, or two at once, points
            // to the engagement that exists.
            db.ChangeTracker.Clear();
            var existing = await ExistingInterestAsync(listing.Id, organization.Id, cancellationToken);
            throw new ConflictException("interest_exists", "Your organization has already expressed interest in this listing.",
                new Dictionary<string, object?> { ["engagementId"] = existing });
        }

        return await ToResponseAsync(engagement, new Participant("interested", userId), cancellationToken);
    }

    // The engagement and the caller's part in it; 404 for everyone else (its existence is private).
    public async Task<(Engagement Engagement, Participant Participant)> LoadAsync(Guid id, CancellationToken cancellationToken, bool forUpdate = false)
    {
        var query = db.Set<Engagement>().Where(e => e.Id == id);
        var engagement = await (forUpdate ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The engagement");
        var participant = await ParticipantAsync(engagement, cancellationToken) ?? throw new NotFoundException("The engagement");
        return (engagement, participant);
    }

    public async Task<Participant?> ParticipantAsync(Engagement engagement, CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        var memberships = (await facts.MembershipsOfAsync(userId, cancellationToken)).Select(m => m.Id).ToHashSet();
        if (memberships.Contains(engagement.ListingOrganizationId))
        {
            return new Participant("listing", userId);
        }

        if (memberships.Contains(engagement.InterestedOrganizationId))
        {
            return new Participant("interested", userId);
        }

        if (engagement.BrokerUserId == userId)
        {
            return new Participant("broker", userId);
        }

        // Brokers see anonymous engagements nobody mediates yet, so that one of them can take it on: those of their
        // region when the system admin assigned one (Directory's broker region), otherwise all.
        if (engagement.Anonymous && engagement.BrokerUserId is null && access.IsInRole(Roles.Broker)
            && await InBrokerRegionAsync(engagement.JurisdictionRegion, cancellationToken))
        {
            return new Participant("unassigned-broker", userId);
        }

        return await access.HasPermissionAsync(ListingsPermissions.ReviewListings, engagement.JurisdictionRegion, cancellationToken)
            ? new Participant("admin", userId)
            : null;
    }

    public async Task<IReadOnlyList<EngagementResponse>> ListMineAsync(CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        var organizations = (await facts.MembershipsOfAsync(userId, cancellationToken)).Select(m => m.Id).ToList();
        var broker = access.IsInRole(Roles.Broker);
        var everything = access.ReadsEverything;
        var rows = await db.Set<Engagement>().AsNoTracking()
            .Where(e => everything || organizations.Contains(e.ListingOrganizationId) || organizations.Contains(e.InterestedOrganizationId)
                || e.BrokerUserId == userId || (broker && e.Anonymous && e.BrokerUserId == null))
            .OrderByDescending(e => e.UpdatedAt).ThenBy(e => e.Id).Take(200).ToListAsync(cancellationToken);
        var result = new List<EngagementResponse>(rows.Count);
        foreach (var e in rows)
        {
            // An anonymous engagement outside the broker's region has no participant for this broker: not listed.
            if (await ParticipantAsync(e, cancellationToken) is { } participant)
            {
                result.Add(await ToResponseAsync(e, participant, cancellationToken));
            }
        }

        return result;
    }

    private IReadOnlyList<string>? brokerRegions;

    private async Task<bool> InBrokerRegionAsync(string regionCode, CancellationToken cancellationToken)
    {
        brokerRegions ??= await access.BrokerRegionsAsync(cancellationToken);
        return brokerRegions.Count == 0 || brokerRegions.Any(j => Jurisdictions.Covers(j, regionCode));
    }

    public async Task<ThreadResponse> ThreadAsync(Guid id, CancellationToken cancellationToken)
    {
        var (engagement, participant) = await LoadAsync(id, cancellationToken);
        var messages = await db.Set<EngagementMessage>().AsNoTracking().Where(m => m.EngagementId == id)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var names = await facts.FindManyAsync([engagement.ListingOrganizationId, engagement.InterestedOrganizationId], cancellationToken);
        var hidden = HidesIdentity(engagement, participant);
        return new ThreadResponse(await ToResponseAsync(engagement, participant, cancellationToken), messages.Select(m => new MessageResponse(m.Id, m.AuthorSide,
            m.AuthorSide switch
            {
                "listing" => hidden ? null : names.GetValueOrDefault(engagement.ListingOrganizationId)?.LegalName,
                "interested" => names.GetValueOrDefault(engagement.InterestedOrganizationId)?.LegalName,
                _ => null,
            }, m.Body, m.CreatedAt)).ToList());
    }

    public async Task<MessageResponse> PostMessageAsync(Guid id, MessageRequest request, CancellationToken cancellationToken)
    {
        new Validation().Required("body", request.Body).MaxLength("body", request.Body, 4000).ThrowIfInvalid();
        var (engagement, participant) = await LoadAsync(id, cancellationToken, forUpdate: true);
        if (!participant.Writes)
        {
            throw new ForbiddenException("Only the parties and the mediating broker write in the thread.");
        }

        if (engagement.Status is EngagementStatus.Closed or EngagementStatus.Withdrawn)
        {
            throw new ConflictException("engagement_closed", "The engagement is closed.");
        }

        var message = new EngagementMessage { EngagementId = id, AuthorUserId = participant.UserId, AuthorSide = participant.Side, Body = request.Body!.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Add(message);
        engagement.UpdatedAt = message.CreatedAt;
        await NotifyAsync(engagement, participant.UserId, EngagementNotices.Message, new() { ["text"] = Shorten(message.Body) }, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new MessageResponse(message.Id, message.AuthorSide, null, message.Body, message.CreatedAt);
    }

    // in-discussion: the listing's side (or its broker) takes the interest up. agreed: the first call by a side
    // proposes 达成合作, a call by the other side confirms it (the broker speaks for the anonymous enterprise). declined:
    // either side, with a reason code. withdrawn: the interested organization takes its interest back. closed: after
    // agreement or a refusal.
    public async Task<EngagementResponse> TransitionAsync(Guid id, TransitionRequest request, CancellationToken cancellationToken)
    {
        var (engagement, participant) = await LoadAsync(id, cancellationToken, forUpdate: true);
        if (!participant.Writes)
        {
            throw new ForbiddenException("Only the parties and the mediating broker move an engagement on.");
        }

        var from = engagement.Status;
        var side = SideOf(participant);
        var (to, allowed, who) = request.To switch
        {
            "in-discussion" => (EngagementStatus.InDiscussion, from == EngagementStatus.Open, side == "listing"),
            "agreed" => (EngagementStatus.Agreed, from == EngagementStatus.InDiscussion, true),
            "declined" => (EngagementStatus.Declined, from is EngagementStatus.Open or EngagementStatus.InDiscussion, true),
            "withdrawn" => (EngagementStatus.Withdrawn, from is EngagementStatus.Open or EngagementStatus.InDiscussion, participant.Side == "interested"),
            "closed" => (EngagementStatus.Closed, from is EngagementStatus.Agreed or EngagementStatus.Declined, true),
            _ => throw InvalidRequestException.For("to", "unknown", "to is in-discussion, agreed, declined, withdrawn or closed."),
        };
        if (to == EngagementStatus.Declined)
        {
            var validation = new Validation().Required("reasonCode", request.ReasonCode).MaxLength("note", request.Note, 1000);
            if (request.ReasonCode is not null && !DeclineReasons.Contains(request.ReasonCode))
            {
                validation.Add("reasonCode", "unknown", $"The reason is one of: {string.Join(", ", DeclineReasons)}.");
            }

            validation.ThrowIfInvalid();
            engagement.DeclineReason = request.ReasonCode;
            engagement.DeclineNote = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        }

        if (!who)
        {
            throw new ForbiddenException(to == EngagementStatus.Withdrawn
                ? "The organization that expressed interest withdraws it."
                : "The listing's organization or the mediating broker makes this step.");
        }

        if (!allowed)
        {
            throw new ConflictException("transition_not_allowed", $"An engagement that is {Name(from)} cannot become {Name(to)}.");
        }

        var now = clock.GetUtcNow();
        engagement.UpdatedAt = now;
        if (to == EngagementStatus.Agreed && engagement.AgreementProposedBy != OtherSide(side))
        {
            if (engagement.AgreementProposedBy == side)
            {
                throw new ConflictException("agreement_pending", "Your side proposed the agreement already; the other side confirms it.");
            }

            // The first side proposes; the status stays in discussion until the other side confirms. The proposer is
            // a concurrency token: two proposals at once leave one proposer, the other caller gets 409.
            engagement.AgreementProposedBy = side;
            engagement.AgreementProposedAt = now;
            await NotifyAsync(engagement, participant.UserId, EngagementNotices.AgreementProposed, [], OtherSide(side), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return await ToResponseAsync(engagement, participant, cancellationToken);
        }

        engagement.Status = to;
        if (to == EngagementStatus.Declined)
        {
            await NotifyAsync(engagement, participant.UserId, EngagementNotices.Declined,
                new() { ["reason"] = engagement.DeclineReason!, ["note"] = engagement.DeclineNote ?? "" }, null, cancellationToken);
        }
        else
        {
            await NotifyAsync(engagement, participant.UserId, to == EngagementStatus.Withdrawn ? EngagementNotices.Withdrawn : EngagementNotices.Status,
                new() { ["status"] = Name(to) }, null, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(engagement, participant, cancellationToken);
    }

    // The side a participant speaks for: the mediating broker speaks for the anonymous enterprise (the listing's side).
    private static string SideOf(Participant participant) => participant.Side == "broker" ? "listing" : participant.Side;

    private static string OtherSide(string side) => side == "listing" ? "interested" : "listing";

    // A broker takes on an anonymous engagement nobody mediates yet (conditional: one broker wins, the other gets 409).
    public async Task<EngagementResponse> MediateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!access.IsInRole(Roles.Broker))
        {
            throw new ForbiddenException("Only brokers mediate.");
        }

        var (engagement, participant) = await LoadAsync(id, cancellationToken, forUpdate: true);
        if (!engagement.Anonymous || engagement.BrokerUserId is not null || participant.Side != "unassigned-broker")
        {
            throw new ConflictException("mediation_not_open", "The engagement needs no broker or has one already.");
        }

        // BrokerUserId is a concurrency token: the UPDATE carries WHERE "BrokerUserId" IS NULL, so of two brokers
        // taking the engagement on at once one wins and the other gets 409 (and the change is audited as usual).
        var userId = access.UserId;
        engagement.BrokerUserId = userId;
        engagement.UpdatedAt = clock.GetUtcNow();
        await NotifyAsync(engagement, userId, EngagementNotices.Broker, [], null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(engagement, new Participant("broker", userId), cancellationToken);
    }

    // The enterprise behind an anonymous demand names itself to this counterpart.
    public async Task<EngagementResponse> RevealAsync(Guid id, CancellationToken cancellationToken)
    {
        var (engagement, participant) = await LoadAsync(id, cancellationToken, forUpdate: true);
        if (participant.Side != "listing")
        {
            throw new ForbiddenException("Only the enterprise that posted the demand reveals itself.");
        }

        if (!engagement.IdentityHidden)
        {
            throw new ConflictException("not_anonymous", "The enterprise is already named in this engagement.");
        }

        engagement.IdentityRevealedAt = clock.GetUtcNow();
        engagement.UpdatedAt = engagement.IdentityRevealedAt.Value;
        await NotifyAsync(engagement, participant.UserId, EngagementNotices.Revealed, [], null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(engagement, participant, cancellationToken);
    }

    public static bool HidesIdentity(Engagement engagement, Participant participant) => engagement.IdentityHidden && participant.Side == "interested";

    public async Task<EngagementResponse> ToResponseAsync(Engagement e, Participant participant, CancellationToken cancellationToken)
    {
        var names = await facts.FindManyAsync([e.ListingOrganizationId, e.InterestedOrganizationId], cancellationToken);
        var hidden = HidesIdentity(e, participant);
        var orderId = await db.Set<ServiceOrder>().AsNoTracking().Where(o => o.EngagementId == e.Id && o.Status != OrderStatus.Refused)
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        return new EngagementResponse(e.Id, e.ListingKind, e.ListingId, e.ListingTitle, Name(e.Status),
            hidden ? null : e.ListingOrganizationId, hidden ? null : names.GetValueOrDefault(e.ListingOrganizationId)?.LegalName,
            e.InterestedOrganizationId, names.GetValueOrDefault(e.InterestedOrganizationId)?.LegalName ?? "",
            e.Anonymous, e.IdentityRevealedAt is not null, e.BrokerUserId, e.DeclineReason, e.DeclineNote,
            e.Status == EngagementStatus.InDiscussion ? e.AgreementProposedBy : null,
            e.Status == EngagementStatus.InDiscussion && e.AgreementProposedBy is { } proposer && participant.Writes && proposer != SideOf(participant),
            participant.Side, orderId, e.CreatedAt, e.UpdatedAt);
    }

    public static string Name(EngagementStatus status) => status switch
    {
        EngagementStatus.Open => "open",
        EngagementStatus.InDiscussion => "in-discussion",
        EngagementStatus.Agreed => "agreed",
        EngagementStatus.Declined => "declined",
        EngagementStatus.Withdrawn => "withdrawn",
        _ => "closed",
    };

    // Everyone in the engagement but the actor hears of it: both organizations' members and the broker. A hidden
    // enterprise's name never appears in the texts (they name the listing, not the organization).
    private async Task NotifyAsync(Engagement engagement, Guid actorUserId, NotificationTemplate template, Dictionary<string, string> parameters, string? onlySide, CancellationToken cancellationToken)
    {
        var recipients = new HashSet<Guid>();
        if (onlySide is null or "listing")
        {
            recipients.UnionWith(await facts.MemberUserIdsAsync(engagement.ListingOrganizationId, cancellationToken));
        }

        if (onlySide is null or "interested")
        {
            recipients.UnionWith(await facts.MemberUserIdsAsync(engagement.InterestedOrganizationId, cancellationToken));
        }

        if (engagement.BrokerUserId is { } broker && onlySide is null)
        {
            recipients.Add(broker);
        }

        recipients.Remove(actorUserId);
        parameters["listing"] = engagement.ListingTitle;
        foreach (var userId in recipients)
        {
            notifier.Notify(userId, template, parameters, $"/Engagements?id={engagement.Id}");
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
