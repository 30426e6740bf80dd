using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Engagements.ManageEngagements;
using TechBridge.Modules.Listings.ManageListing;
using TechBridge.Modules.Listings.RespondToOpenCall;
using TechBridge.Platform.Forms;

namespace TechBridge.Pages.Listings;

// /Listings/Detail?kind=&id=: one listing, through the same handler as GET /api/v1/{kind}s/{id} (published for
// everyone, the rest for the owner's members and the reviewing admins).
internal sealed class DetailModel(ActorContext actor, IOrganizationFacts facts, IReferenceData reference, ManageListingHandler listings, RespondToOpenCallHandler openCalls, ManageEngagementsHandler engagements) : PageModel
{
    // The proposal form (institutions answering an open call); kept in the page after a refused post.
    public ProposalForm Proposal { get; private set; } = new(null, null, null, null);

    // The organization the signed-in user would propose for, when it may answer this open call.
    public OrganizationFacts? Proposer { get; private set; }

    public bool ProposalSent { get; private set; }

    // The organization the signed-in user would express interest for (not the listing's owner), when the listing is published.
    public Guid? ExistingEngagementId { get; private set; }

    public OrganizationFacts? Interested { get; private set; }

    public string Kind { get; private set; } = "";

    public Guid ListingId { get; private set; }

    public OfferingResponse? Offering { get; private set; }

    public DemandResponse? Demand { get; private set; }

    public AchievementResponse? Achievement { get; private set; }

    public IReferenceData Reference => reference;

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    // Only the posting enterprise's members compare an open call's proposals.
    public bool CanCompare { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? kind, Guid id, CancellationToken cancellationToken)
    {
        var detail = await listings.DetailAsync(kind, id, cancellationToken);

        (Kind, ListingId) = (detail.Kind, detail.Id);
        (Offering, Demand, Achievement) = (detail.Response as OfferingResponse, detail.Response as DemandResponse, detail.Response as AchievementResponse);
        var acting = actor.UserId is null ? null : await ListingForms.ActAsync(actor, facts, cancellationToken);
        if (detail.IsPublished && acting is { IsVerified: true } && acting.Id != detail.OrganizationId)
        {
            Interested = acting;
            // Interest is expressed once per organization: the page then leads to that engagement instead.
            ExistingEngagementId = await engagements.ExistingInterestAsync(detail.Id, acting.Id, cancellationToken);
        }

        if (Demand is { IsOpenCall: true } demand)
        {
            CanCompare = detail.ViewerIsMember;
            if (acting is not null && await openCalls.ProposerStateAsync(demand.Id, acting, cancellationToken) is (true, var sent))
            {
                (Proposer, ProposalSent) = (acting, sent);
            }
        }

        RegionNames = await reference.RegionNamesAsync([.. Offering?.RegionsServed ?? [], Demand?.RegionCode ?? ""], cancellationToken);
        return Page();
    }

    // Institutions answer an open call here: the same handler as POST /api/v1/demands/{id}/proposals.
    public async Task<IActionResult> OnPostProposeAsync(Guid id, string? approach, string? priceYuan, string? durationDays, string? team, CancellationToken cancellationToken)
    {
        if (actor.UserId is null)
        {
            return Challenge();
        }

        var page = await OnGetAsync("demand", id, cancellationToken);
        if (page is not PageResult || Proposer is null)
        {
            return page is PageResult ? NotFound() : page;
        }

        Proposal = new ProposalForm(approach, priceYuan, durationDays, team);
        var amounts = new TypedAmounts();
        var price = amounts.Fen("priceFen", priceYuan);
        amounts.ThrowIfInvalid();
        await openCalls.SubmitAsync(id, new ProposalRequest(approach, price, Days(durationDays), team), cancellationToken);
        ProposalSent = true;
        return Page();
    }

    // Typed days read here rather than by model binding, whose refusal ("The value '…' is not valid.") is English: a
    // number too large for a day count is out of the handler's range, which then names the range in the reader's words.
    private static int? Days(string? typed) =>
        string.IsNullOrWhiteSpace(typed) ? null
        : int.TryParse(typed.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var days) ? days
        : 0;
}

internal sealed record ProposalForm(string? Approach, string? PriceYuan, string? DurationDays, string? Team);
