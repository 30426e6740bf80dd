using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Listings.RespondToOpenCall;

namespace TechBridge.Pages.Listings;

// /Listings/Proposals?id=: the open call's proposals side by side, for a member of the enterprise that posted it,
// with shortlist buttons and the final decision (one proposal or none, a reason for each); the same handler as
// /api/v1/demands/{id}/proposals and /decision.
[Authorize]
internal sealed class ProposalsModel(ActorContext actor, RespondToOpenCallHandler openCalls) : PageModel
{
    public OwnedOpenCall? Demand { get; private set; }

    public OpenCallResponse? Call => Demand?.Call;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostShortlistAsync(Guid id, Guid proposalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await RunAsync(id, () => openCalls.ShortlistAsync(id, proposalId, cancellationToken));
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
            throw InvalidRequestException.For("selectedProposalId", "required", "Choose a proposal, or none.");
        }

        var reasons = Call!.Proposals.Select(p => new ProposalReason(p.Id, Request.Form[$"reason-{p.Id}"].ToString())).ToList();
        var request = new OpenCallDecisionRequest(Guid.TryParse(selected, out var chosen) ? chosen : null, reasons);
        return await RunAsync(id, () => openCalls.DecideAsync(id, request, cancellationToken));
    }

    // A refused step comes back as field errors here (the call is loaded already), or as the error page.
    private async Task<IActionResult> RunAsync(Guid id, Func<Task> action)
    {
        await action();
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Demand = await openCalls.ForOwnerAsync(id, cancellationToken);
        if (Demand is null)
        {
            return false;
        }

        // The handlers check ownership against the acting organization: act for the demand's owner here.
        actor.OrganizationId = Demand.OrganizationId;
        return true;
    }
}
