using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Engagements.Complaints;
using TechBridge.Modules.Engagements.ServiceOrders;
using TechBridge.Platform.Files;

namespace TechBridge.Pages.Orders;

// /Orders/Detail?id=: one order with the step its viewer may take: confirm or refuse it and deliver with an evidence
// file (provider), accept or dispute, rate and complain (client). A refused step comes back as field errors here or as the error page (ProblemPageFilter).
[Authorize]
[RequestSizeLimit(FileStore.MaxBytes + 1024 * 1024)]
internal sealed class DetailModel(ServiceOrdersHandler desk, ComplaintsHandler complaints) : PageModel, IReloadAfterProblem
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public OrderResponse? Order { get; private set; }

    public bool ComplaintSent { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Order = await desk.GetAsync(Id, cancellationToken);

    public Task ReloadAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task<IActionResult> OnPostDeliverAsync(string? note, IFormFile? evidenceFile, CancellationToken cancellationToken)
    {
        await desk.DeliverAsync(Id, new DeliveryRequest(note, evidenceFile), cancellationToken);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        await desk.ConfirmAsync(Id, cancellationToken);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostRefuseAsync(string? reason, bool confirmed, CancellationToken cancellationToken)
    {
        // Refusing ends the order: the page asks for the reason and an explicit confirmation.
        if (!confirmed)
        {
            throw InvalidRequestException.For("confirmed", "required", "Tick the box to confirm the refusal.");
        }

        await desk.RefuseAsync(Id, new RefusalRequest(reason), cancellationToken);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken)
    {
        await desk.AcceptAsync(Id, cancellationToken);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostDisputeAsync(string? reason, CancellationToken cancellationToken)
    {
        await desk.DisputeAsync(Id, new DisputeRequest(reason), cancellationToken);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostRateAsync(int? stars, string? comment, CancellationToken cancellationToken)
    {
        await desk.RateAsync(Id, new RatingRequest(stars, comment), cancellationToken);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostComplainAsync(string? text, CancellationToken cancellationToken)
    {
        await complaints.FileAsync(Id, new ComplaintRequest(text), cancellationToken);
        ComplaintSent = true;
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
