using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Engagements.Complaints;
using TechBridge.Modules.Engagements.ServiceOrders;
using TechBridge.Pages.Listings;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Persistence;

namespace TechBridge.Pages.Orders;

// /Orders/Detail?id=: one order with the step its viewer may take: deliver (provider), accept or dispute, rate and
// complain (client).
[Authorize]
internal sealed class DetailModel(OrderDesk desk, ComplaintDesk complaints, PlatformDbContext db) : PageModel
{
    public OrderResponse? Order { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Order = await desk.GetAsync(id, cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public Task<IActionResult> OnPostDeliverAsync(Guid id, string? note, string? evidenceSha256, CancellationToken cancellationToken) =>
        RunAsync(id, () => desk.DeliverAsync(id, new DeliveryRequest(note, evidenceSha256), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, () => desk.AcceptAsync(id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDisputeAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        RunAsync(id, () => desk.DisputeAsync(id, new DisputeRequest(reason), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRateAsync(Guid id, int? stars, string? comment, CancellationToken cancellationToken) =>
        RunAsync(id, () => desk.RateAsync(id, new RatingRequest(stars, comment), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostComplainAsync(Guid id, string? text, CancellationToken cancellationToken) =>
        RunAsync(id, async () => { await complaints.FileAsync(id, new ComplaintRequest(text), cancellationToken); return Order!; }, cancellationToken, "Your complaint was sent to the administrators of the provider's region.");

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<OrderResponse>> action, CancellationToken cancellationToken, string? done = null)
    {
        try
        {
            await action();
            if (done is null)
            {
                return RedirectToPage(new { id });
            }

            Message = done;
        }
        catch (ProblemException problem) when (problem is not NotFoundException)
        {
            if (problem is InvalidRequestException)
            {
                ModelState.Show(problem);
            }

            Message = problem.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Message = "The order was changed by someone else; reload and try again.";
        }

        db.ChangeTracker.Clear();
        return await OnGetAsync(id, cancellationToken);
    }
}
