using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Platform.Values;

namespace TechBridge.Modules.Listings.RespondToOpenCall;

internal sealed record ProposalRequest(string? Approach, long? PriceFen, int? DurationDays, string? Team);

internal sealed record ProposalResponse(
    Guid Id,
    Guid DemandId,
    Guid OrganizationId,
    string OrganizationName,
    string Approach,
    long PriceFen,
    string PriceDisplay,
    int DurationDays,
    string Team,
    string Status,
    string? DecisionReason,
    DateTimeOffset CreatedAt);

internal sealed record ProposalReason(Guid ProposalId, string? Reason);

// Selects one proposal or none (SelectedProposalId null); every proposal gets its reason.
internal sealed record OpenCallDecisionRequest(Guid? SelectedProposalId, IReadOnlyList<ProposalReason>? Reasons);

internal sealed record OpenCallResponse(Guid DemandId, bool Decided, Guid? SelectedProposalId, IReadOnlyList<ProposalResponse> Proposals);

// The open call as its owner sees it on the comparison page.
internal sealed record OwnedOpenCall(Guid Id, string Title, Guid OrganizationId, OpenCallResponse Call);

// Institutions answer a published open call (揭榜 / 众包); the enterprise compares the proposals side by side,
// shortlists, and selects one or none, with a reason to each.
internal sealed class RespondToOpenCallHandler(IAccess access, ActorContext actor, IOrganizationFacts facts, ListingViewer viewer, ListingLifecycle lifecycle)
{
    private PlatformDbContext Db => lifecycle.Db;

    public async Task<ProposalResponse> SubmitAsync(Guid id, ProposalRequest request, CancellationToken cancellationToken)
    {
        _ = access.UserId;
        var validation = new Validation()
            .Required("approach", request.Approach).MaxLength("approach", request.Approach, 8000)
            .Required("team", request.Team).MaxLength("team", request.Team, 2000);
        if (request.PriceFen is not >= 0)
        {
            validation.Add("priceFen", "required", "The price in fen is required and not negative.");
        }

        if (request.DurationDays is not (> 0 and <= 3650))
        {
            validation.Add("durationDays", "range", "The duration is 1 to 3,650 days.");
        }

        validation.ThrowIfInvalid();
        var organization = await facts.FindAsync(access.ActingOrganizationId, cancellationToken) ?? throw new NotFoundException("The organization");
        var demand = await Db.Set<TechnologyDemand>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (demand is null || !await viewer.SeesAsync(demand, cancellationToken))
        {
            throw new NotFoundException("The demand");
        }

        if (!MayAnswer(organization))
        {
            throw new ForbiddenException("Only verified service institutions, universities and institutes answer open calls.");
        }

        if (!demand.IsOpenCall || demand.Status != ListingStatus.Published || demand.OpenCallDecidedAt is not null)
        {
            throw new ConflictException("call_not_open", "The demand is not an open call that takes proposals now.");
        }

        if (demand.OrganizationId == organization.Id)
        {
            throw new ConflictException("own_call", "An organization cannot answer its own open call.");
        }

        var proposal = new Proposal
        {
            DemandId = demand.Id,
            OrganizationId = organization.Id,
            Approach = request.Approach!.Trim(),
            PriceFen = request.PriceFen!.Value,
            DurationDays = request.DurationDays!.Value,
            Team = request.Team!.Trim(),
            CreatedAt = lifecycle.Now(),
        };
        Db.Add(proposal);
        await Db.SaveChangesAsync(cancellationToken);
        return ToResponse(proposal, organization);
    }

    // All proposals for the demand's owner, the caller's own for anyone else who sees the demand.
    public async Task<OpenCallResponse> ListAsync(Guid id, CancellationToken cancellationToken)
    {
        _ = access.UserId;
        var demand = await Db.Set<TechnologyDemand>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (demand is null || !await viewer.SeesAsync(demand, cancellationToken))
        {
            throw new NotFoundException("The demand");
        }

        return await LoadAsync(demand, actor.OrganizationId == demand.OrganizationId ? null : actor.OrganizationId ?? Guid.Empty, cancellationToken);
    }

    // The whole call for its owner (onlyOrganization null), or just one organization's proposal.
    private async Task<OpenCallResponse> LoadAsync(TechnologyDemand demand, Guid? onlyOrganization, CancellationToken cancellationToken)
    {
        var query = Db.Set<Proposal>().AsNoTracking().Where(p => p.DemandId == demand.Id);
        if (onlyOrganization is { } organization)
        {
            query = query.Where(p => p.OrganizationId == organization);
        }

        var proposals = await query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var organizations = await facts.FindManyAsync(proposals.Select(p => p.OrganizationId).ToList(), cancellationToken);
        return new OpenCallResponse(demand.Id, demand.OpenCallDecidedAt is not null, demand.SelectedProposalId,
            proposals.Select(p => ToResponse(p, organizations.GetValueOrDefault(p.OrganizationId))).ToList());
    }

    // The open call with every proposal, for a member of the posting enterprise; null for anyone else.
    public async Task<OwnedOpenCall?> ForOwnerAsync(Guid id, CancellationToken cancellationToken)
    {
        var demand = await Db.Set<TechnologyDemand>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.IsOpenCall, cancellationToken);
        if (demand is null || !await viewer.IsMemberAsync(demand.OrganizationId, cancellationToken))
        {
            return null;
        }

        return new OwnedOpenCall(demand.Id, demand.Title, demand.OrganizationId, await LoadAsync(demand, null, cancellationToken));
    }

    // Whether the organization may answer this open call now, and whether it already has.
    public async Task<(bool MayPropose, bool Proposed)> ProposerStateAsync(Guid demandId, OrganizationFacts organization, CancellationToken cancellationToken)
    {
        var demand = await Db.Set<TechnologyDemand>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == demandId, cancellationToken);
        if (demand is not { IsOpenCall: true, Status: ListingStatus.Published, OpenCallDecidedAt: null } || !MayAnswer(organization) || organization.Id == demand.OrganizationId)
        {
            return (false, false);
        }

        return (true, await Db.Set<Proposal>().AnyAsync(p => p.DemandId == demand.Id && p.OrganizationId == organization.Id, cancellationToken));
    }

    public async Task<ProposalResponse> ShortlistAsync(Guid id, Guid proposalId, CancellationToken cancellationToken)
    {
        var demand = await lifecycle.LoadOwnedAsync<TechnologyDemand>(ListingKind.Demand, id, cancellationToken);
        var proposal = await Db.Set<Proposal>().FirstOrDefaultAsync(p => p.Id == proposalId && p.DemandId == demand.Id, cancellationToken)
            ?? throw new NotFoundException("The proposal");
        if (demand.OpenCallDecidedAt is not null || proposal.Status != ProposalStatus.Submitted)
        {
            throw new ConflictException("transition_not_allowed", $"Only submitted proposals of an undecided call can be shortlisted; this one is {ListingNames.Of(proposal.Status)}.");
        }

        proposal.Status = ProposalStatus.Shortlisted;
        await Db.SaveChangesAsync(cancellationToken);
        return ToResponse(proposal, await facts.FindAsync(proposal.OrganizationId, cancellationToken));
    }

    public async Task<OpenCallResponse> DecideAsync(Guid id, OpenCallDecisionRequest request, CancellationToken cancellationToken)
    {
        var demand = await lifecycle.LoadOwnedAsync<TechnologyDemand>(ListingKind.Demand, id, cancellationToken);
        if (!demand.IsOpenCall)
        {
            throw new ConflictException("not_open_call", "The demand is not an open call.");
        }

        if (demand.OpenCallDecidedAt is not null)
        {
            throw new ConflictException("already_decided", "The open call has been decided already.");
        }

        var proposals = await Db.Set<Proposal>().Where(p => p.DemandId == demand.Id).ToListAsync(cancellationToken);
        var reasons = (request.Reasons ?? []).GroupBy(r => r.ProposalId).ToDictionary(g => g.Key, g => g.First().Reason?.Trim());
        var validation = new Validation();
        if (request.SelectedProposalId is { } selected && proposals.All(p => p.Id != selected))
        {
            validation.Add("selectedProposalId", "unknown", "Not a proposal of this open call.");
        }

        foreach (var proposal in proposals)
        {
            var reason = reasons.GetValueOrDefault(proposal.Id);
            if (string.IsNullOrWhiteSpace(reason))
            {
                validation.Add($"reasons[{proposal.Id}]", "required", "Every proposal needs a reason for the decision.");
            }
            else if (reason.Length > 1000)
            {
                validation.Add($"reasons[{proposal.Id}]", "maxLength", "A reason is at most 1,000 characters.");
            }
        }

        validation.ThrowIfInvalid();
        var now = lifecycle.Now();
        foreach (var proposal in proposals)
        {
            // Each proposal's Status is a concurrency token: a second, racing decision updates no row and gets 409.
            proposal.Status = proposal.Id == request.SelectedProposalId ? ProposalStatus.Selected : ProposalStatus.NotSelected;
            proposal.DecisionReason = reasons[proposal.Id];
            proposal.DecidedAt = now;
        }

        demand.OpenCallDecidedAt = now;
        demand.SelectedProposalId = request.SelectedProposalId;
        lifecycle.Touch(demand);
        await Db.SaveChangesAsync(cancellationToken);
        return await LoadAsync(demand, null, cancellationToken);
    }

    private static bool MayAnswer(OrganizationFacts organization) =>
        organization is { IsVerified: true, Type: OrganizationType.ServiceInstitution or OrganizationType.UniversityOrInstitute };

    private static ProposalResponse ToResponse(Proposal p, OrganizationFacts? organization) => new(
        p.Id, p.DemandId, p.OrganizationId, organization?.LegalName ?? "", p.Approach, p.PriceFen, new Money(p.PriceFen).ToDisplay(),
        p.DurationDays, p.Team, ListingNames.Of(p.Status), p.DecisionReason, p.CreatedAt);
}

// /api/v1/demands/{id}/proposals and /decision.
internal static class RespondToOpenCallEndpoints
{
    public static RouteGroupBuilder MapRespondToOpenCall(this RouteGroupBuilder demands)
    {
        demands.MapPost("/{id:guid}/proposals", async Task<Created<ProposalResponse>> (Guid id, ProposalRequest request, RespondToOpenCallHandler handler, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/demands/{id}/proposals", await handler.SubmitAsync(id, request, ct)))
            .WithName("SubmitProposal")
            .WithSummary("Submits the acting institution's proposal to a published open call (one per institution).")
            .RequireAuthorization()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        demands.MapGet("/{id:guid}/proposals", async Task<Ok<OpenCallResponse>> (Guid id, RespondToOpenCallHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(id, ct)))
            .WithName("ListProposals")
            .WithSummary("The open call's proposals: all of them for the demand's owner, the caller's own for a proposer.")
            .RequireAuthorization()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
        demands.MapPost("/{id:guid}/proposals/{proposalId:guid}/shortlist", async Task<Ok<ProposalResponse>> (Guid id, Guid proposalId, RespondToOpenCallHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ShortlistAsync(id, proposalId, ct)))
            .WithName("ShortlistProposal")
            .WithSummary("Puts a submitted proposal on the shortlist (demand owner).")
            .RequireAuthorization()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        demands.MapPost("/{id:guid}/decision", async Task<Ok<OpenCallResponse>> (Guid id, OpenCallDecisionRequest request, RespondToOpenCallHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.DecideAsync(id, request, ct)))
            .WithName("DecideOpenCall")
            .WithSummary("Selects one proposal or none, with a reason for every proposal (demand owner); final.")
            .RequireAuthorization()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return demands;
    }
}
