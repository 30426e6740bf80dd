using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.RespondToOpenCall;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Listings;

// /Listings/Proposals?id=: the open call's proposals side by side, for a member of the enterprise that posted it,
// with shortlist buttons and the final decision (one proposal or none, a reason for each).
[Authorize]
internal sealed class ProposalsModel(PlatformDbContext db, ActorContext actor, IOrganizationFacts facts, ListingLifecycle lifecycle) : PageModel
{
    public TechnologyDemand? Demand { get; private set; }

    public OpenCallResponse? Call { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostShortlistAsync(Guid id, Guid proposalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await RunAsync(id, () => RespondToOpenCallEndpoints.ShortlistAsync(id, proposalId, facts, lifecycle, cancellationToken), cancellationToken);
    }

    // selected: a proposal id or "none"; reasons arrive as reason-{proposalId} fields.
    public async Task<IActionResult> OnPostDecideAsync(Guid id, string? selected, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (selected is null)
        {
            ModelState.AddModelError("selectedProposalId", "Choose a proposal, or none.");
            return Page();
        }

        var reasons = Call!.Proposals.Select(p => new ProposalReason(p.Id, Request.Form[$"reason-{p.Id}"].ToString())).ToList();
        var request = new OpenCallDecisionRequest(Guid.TryParse(selected, out var chosen) ? chosen : null, reasons);
        return await RunAsync(id, () => RespondToOpenCallEndpoints.DecideAsync(id, request, facts, lifecycle, cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> RunAsync(Guid id, Func<Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await action();
            return RedirectToPage(new { id });
        }
        catch (ProblemException problem)
        {
            ModelState.Show(problem);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "The call was changed by someone else; reload and try again.");
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Demand = await db.Set<TechnologyDemand>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.IsOpenCall, cancellationToken);
        var memberships = await facts.MembershipsOfAsync(actor.UserId!.Value, cancellationToken);
        if (Demand is null || memberships.All(m => m.Id != Demand.OrganizationId))
        {
            return false;
        }

        // The handlers check ownership against the acting organization: act for the demand's owner here.
        actor.OrganizationId = Demand.OrganizationId;
        Call = await RespondToOpenCallEndpoints.LoadAsync(Demand, null, db, facts, cancellationToken);
        return true;
    }
}
