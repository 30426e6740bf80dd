using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ManageAchievements;
using TechBridge.Modules.Listings.ManageDemands;
using TechBridge.Modules.Listings.ManageOfferings;
using TechBridge.Modules.Listings.RespondToOpenCall;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Listings;

// /Listings/Detail?kind=&id=: one listing, with the same visibility rules as the API (published for everyone).
internal sealed class DetailModel(PlatformDbContext db, ListingViewer viewer, IOrganizationFacts facts, IReferenceData reference, ActorContext actor, IAccess access, ListingLifecycle lifecycle) : PageModel
{
    // The proposal form (institutions answering an open call); kept in the page after a refused post.
    public ProposalForm Proposal { get; private set; } = new(null, null, null, null);

    // The organization the signed-in user would propose for, when it may answer this open call.
    public OrganizationFacts? Proposer { get; private set; }

    public bool ProposalSent { get; private set; }

    // The organization the signed-in user would express interest for (not the listing's owner), when the listing is published.
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
        Listing? listing = ListingNames.ParseKind(kind) switch
        {
            ListingKind.Offering => await db.Set<ServiceOffering>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken),
            ListingKind.Demand => await db.Set<TechnologyDemand>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken),
            ListingKind.Achievement => await db.Set<TechnologyAchievement>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken),
            _ => null,
        };
        if (listing is null || !await viewer.SeesAsync(listing, cancellationToken))
        {
            return NotFound();
        }

        var owner = await facts.FindAsync(listing.OrganizationId, cancellationToken);
        (Kind, ListingId) = (ListingNames.Of(listing.Kind), listing.Id);
        if (actor.UserId is not null && listing.Status == ListingStatus.Published
            && await ListingForms.ActAsync(actor, facts, cancellationToken) is { IsVerified: true } acting && acting.Id != listing.OrganizationId)
        {
            Interested = acting;
        }

        switch (listing)
        {
            case ServiceOffering o:
                Offering = ManageOfferingsEndpoints.ToResponse(o, owner, maskPhone: false);
                break;
            case TechnologyDemand d:
                var sees = await viewer.SeesIdentityAsync(d, cancellationToken);
                Demand = ManageDemandsEndpoints.ToResponse(d, sees ? owner : null, sees);
                CanCompare = d.IsOpenCall && await viewer.IsMemberAsync(d.OrganizationId, cancellationToken);
                await LoadProposerAsync(d, cancellationToken);
                break;
            case TechnologyAchievement a:
                Achievement = ManageAchievementsEndpoints.ToResponse(a, owner);
                break;
            default:
                break;
        }

        RegionNames = await reference.RegionNamesAsync([.. Offering?.RegionsServed ?? [], Demand?.RegionCode ?? ""], cancellationToken);
        return Page();
    }

    // Institutions answer an open call here: the same handler as POST /api/v1/demands/{id}/proposals.
    public async Task<IActionResult> OnPostProposeAsync(Guid id, string? approach, string? priceYuan, int? durationDays, string? team, CancellationToken cancellationToken)
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
        ModelState.Clear();
        var price = ModelState.Fen("priceFen", priceYuan);
        if (price is null && !ModelState.ContainsKey("priceFen"))
        {
            ModelState.AddModelError("priceFen", "The price is required.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await RespondToOpenCallEndpoints.SubmitAsync(id, new ProposalRequest(approach, price, durationDays, team), access, facts, viewer, lifecycle, cancellationToken);
            ProposalSent = true;
        }
        catch (ProblemException problem)
        {
            ModelState.Show(problem);
        }

        return Page();
    }

    private async Task LoadProposerAsync(TechnologyDemand demand, CancellationToken cancellationToken)
    {
        if (actor.UserId is null || !demand.IsOpenCall || demand.Status != ListingStatus.Published || demand.OpenCallDecidedAt is not null)
        {
            return;
        }

        var acting = await ListingForms.ActAsync(actor, facts, cancellationToken);
        if (acting is { IsVerified: true, Type: OrganizationType.ServiceInstitution or OrganizationType.UniversityOrInstitute } && acting.Id != demand.OrganizationId)
        {
            Proposer = acting;
            ProposalSent = await db.Set<Proposal>().AnyAsync(p => p.DemandId == demand.Id && p.OrganizationId == acting.Id, cancellationToken);
        }
    }
}

internal sealed record ProposalForm(string? Approach, string? PriceYuan, int? DurationDays, string? Team);
