using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Engagements.ManageEngagements;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Engagements;

// /Engagements[?id=]: the user's engagements; with id, one thread with its message form and the next steps.
[Authorize]
internal sealed class IndexModel(EngagementDesk desk, ActorContext actor) : PageModel
{
    public IReadOnlyList<EngagementResponse> Engagements { get; private set; } = [];

    public ThreadResponse? Thread { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Engagements = await desk.ListMineAsync(cancellationToken);
        if (id is { } engagementId)
        {
            try
            {
                Thread = await desk.ThreadAsync(engagementId, cancellationToken);
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }

        return Page();
    }

    // From a listing's page: the user's acting organization expresses interest.
    public Task<IActionResult> OnPostInterestAsync(string kind, Guid listingId, string? message, CancellationToken cancellationToken) =>
        RunAsync(null, async () =>
        {
            var organizationId = actor.OrganizationId ?? throw new NotFoundException("Your organization");
            return (await desk.ExpressInterestAsync(organizationId, new InterestRequest(kind, listingId, message), cancellationToken)).Id;
        }, cancellationToken);

    public Task<IActionResult> OnPostMessageAsync(Guid id, string? body, CancellationToken cancellationToken) =>
        RunAsync(id, async () => { await desk.PostMessageAsync(id, new MessageRequest(body), cancellationToken); return id; }, cancellationToken);

    public Task<IActionResult> OnPostTransitionAsync(Guid id, string? to, string? reasonCode, string? note, CancellationToken cancellationToken) =>
        RunAsync(id, async () => { await desk.TransitionAsync(id, new TransitionRequest(to, reasonCode, note), cancellationToken); return id; }, cancellationToken);

    public Task<IActionResult> OnPostMediateAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, async () => { await desk.MediateAsync(id, cancellationToken); return id; }, cancellationToken);

    public Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, async () => { await desk.RevealAsync(id, cancellationToken); return id; }, cancellationToken);

    private async Task<IActionResult> RunAsync(Guid? id, Func<Task<Guid>> action, CancellationToken cancellationToken)
    {
        try
        {
            var target = await action();
            return Redirect($"/Engagements?id={target}");
        }
        catch (ProblemException problem) when (problem is not NotFoundException || id is null)
        {
            Message = problem.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Message = "The engagement was changed by someone else; reload and try again.";
        }

        desk.Db.ChangeTracker.Clear();
        Engagements = await desk.ListMineAsync(cancellationToken);
        if (id is { } engagementId)
        {
            Thread = await desk.ThreadAsync(engagementId, cancellationToken);
        }

        return Page();
    }
}
