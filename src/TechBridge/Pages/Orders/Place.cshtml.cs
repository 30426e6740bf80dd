using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Engagements.ServiceOrders;
using TechBridge.Platform.Forms;

namespace TechBridge.Pages.Orders;

internal sealed class MilestoneRow
{
    public string? Title { get; set; }

    public DateOnly? DueDate { get; set; }

    public string? AmountYuan { get; set; }
}

// /Orders/Place?engagementId= or ?proposalId=: scope, amount and up to five milestones whose shares add up to the
// amount (blank rows are left out).
[Authorize]
internal sealed class PlaceModel(ServiceOrdersHandler desk) : PageModel
{
    public const int Rows = 5;

    [BindProperty(SupportsGet = true)] public Guid? EngagementId { get; set; }

    [BindProperty(SupportsGet = true)] public Guid? ProposalId { get; set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Scope { get; set; }

    [BindProperty] public string? AmountYuan { get; set; }

    [BindProperty] public List<MilestoneRow> Milestones { get; set; } = [];

    public void OnGet() => Pad();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var amounts = new TypedAmounts();
        var amount = amounts.Fen("amountFen", AmountYuan);
        // Blank rows are left out; the rest keep their numbers, so an error lands on the row the user typed.
        var milestones = Milestones
            .Select((m, i) => (Row: m, Index: i))
            .Where(r => !string.IsNullOrWhiteSpace(r.Row.Title) || !string.IsNullOrWhiteSpace(r.Row.AmountYuan) || r.Row.DueDate is not null)
            .Select(r => new MilestoneRequest(r.Row.Title, r.Row.DueDate, amounts.Fen($"milestones[{r.Index}].amountFen", r.Row.AmountYuan)))
            .ToList();
        amounts.ThrowIfInvalid();
        var order = await desk.PlaceAsync(new OrderRequest(EngagementId, ProposalId, Title, Scope, amount, milestones), cancellationToken);
        return Redirect($"/Orders/Detail?id={order.Id}");
    }

    private void Pad()
    {
        while (Milestones.Count < Rows)
        {
            Milestones.Add(new MilestoneRow());
        }
    }
}
