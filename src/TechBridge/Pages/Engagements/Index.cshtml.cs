using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Engagements.ManageEngagements;

namespace TechBridge.Pages.Engagements;

// /Engagements[?id=]: the user's engagements; with id, one thread with its message form and the next steps. A refused
// step comes back as field errors here or as the error page (ProblemPageFilter).
[Authorize]
internal sealed class IndexModel(ManageEngagementsHandler desk, ActorContext actor) : PageModel, IReloadAfterProblem
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    public IReadOnlyList<EngagementResponse> Engagements { get; private set; } = [];

    public ThreadResponse? Thread { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Engagements = await desk.ListMineAsync(cancellationToken);
        if (Id is { } engagementId)
        {
            Thread = await desk.ThreadAsync(engagementId, cancellationToken);
        }
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    // From a listing's page: the user's acting organization expresses interest; a second time leads to the engagement
    // that exists.
    public async Task<IActionResult> OnPostInterestAsync(string kind, Guid listingId, string? message, CancellationToken cancellationToken)
    {
        var organizationId = actor.OrganizationId ?? throw new NotFoundException("Your organization");
        try
        {
            var engagement = await desk.ExpressInterestAsync(organizationId, new InterestRequest(kind, listingId, message), cancellationToken);
            return Redirect($"/Engagements?id={engagement.Id}");
        }
        catch (ConflictException conflict) when (conflict.Extensions.GetValueOrDefault("engagementId") is Guid existing)
        {
            return Redirect($"/Engagements?id={existing}");
        }
    }

    public async Task<IActionResult> OnPostMessageAsync(string? body, CancellationToken cancellationToken)
    {
        await desk.PostMessageAsync(Id!.Value, new MessageRequest(body), cancellationToken);
        return Redirect($"/Engagements?id={Id}");
    }

    public async Task<IActionResult> OnPostTransitionAsync(string? to, string? reasonCode, string? note, bool confirmed, CancellationToken cancellationToken)
    {
        // Declining and withdrawing end the engagement: the page asks for an explicit confirmation first.
        if (to is "declined" or "withdrawn" && !confirmed)
        {
            throw InvalidRequestException.For("confirmed", "required", "Tick the box to confirm.");
        }

        await desk.TransitionAsync(Id!.Value, new TransitionRequest(to, reasonCode, note), cancellationToken);
        return Redirect($"/Engagements?id={Id}");
    }

    public async Task<IActionResult> OnPostMediateAsync(CancellationToken cancellationToken)
    {
        await desk.MediateAsync(Id!.Value, cancellationToken);
        return Redirect($"/Engagements?id={Id}");
    }

    public async Task<IActionResult> OnPostRevealAsync(CancellationToken cancellationToken)
    {
        await desk.RevealAsync(Id!.Value, cancellationToken);
        return Redirect($"/Engagements?id={Id}");
    }
}
