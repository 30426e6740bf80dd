using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Engagements.ServiceOrders;
using TechBridge.Pages.Listings;

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
internal sealed class PlaceModel(OrderDesk desk) : PageModel
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
        ModelState.Clear();
        var amount = ModelState.Fen("amountFen", AmountYuan);
        var rows = Milestones.Where(m => !string.IsNullOrWhiteSpace(m.Title) || !string.IsNullOrWhiteSpace(m.AmountYuan) || m.DueDate is not null).ToList();
        var milestones = rows.Select((m, i) => new MilestoneRequest(m.Title, m.DueDate, ModelState.Fen($"milestones[{i}].amountFen", m.AmountYuan))).ToList();
        if (ModelState.IsValid)
        {
            var order = await desk.PlaceAsync(new OrderRequest(EngagementId, ProposalId, Title, Scope, amount, milestones), cancellationToken);
            return Redirect($"/Orders/Detail?id={order.Id}");
        }

        Milestones = rows;
        Pad();
        return Page();
    }

    private void Pad()
    {
        while (Milestones.Count < Rows)
        {
            Milestones.Add(new MilestoneRow());
        }
    }
}
