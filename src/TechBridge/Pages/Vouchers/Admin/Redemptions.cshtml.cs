using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Vouchers.RedeemVouchers;

namespace TechBridge.Pages.Vouchers.Admin;

// /Vouchers/Admin/Redemptions: the first review (requested), the four-eyes posting queue (reviewed: the second
// admin sees what the first decided and cannot post what they reviewed themselves), and posted ones (reversal).
[Authorize(Roles = Roles.AdminOrAuditor)]
internal sealed class RedemptionsModel(RedemptionsHandler redemptions) : PageModel, IReloadAfterProblem
{
    public static readonly string[] Tabs = ["requested", "reviewed", "posted"];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; } = "requested";

    public IReadOnlyList<RedemptionResponse> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Queue = await redemptions.QueueAsync(Status is not null && Tabs.Contains(Status) ? Status : "requested", cancellationToken);

    public Task ReloadAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task<IActionResult> OnPostReviewAsync(Guid id, string? decision, string? note, CancellationToken cancellationToken)
    {
        await redemptions.ReviewAsync(id, new ReviewRequest(decision switch { "approve" => true, "reject" => false, _ => null }, note), cancellationToken);
        return RedirectToPage(new { status = "requested" });
    }

    public async Task<IActionResult> OnPostPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await redemptions.PostAsync(id, cancellationToken);
        return RedirectToPage(new { status = "reviewed" });
    }

    public async Task<IActionResult> OnPostReverseAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        await redemptions.ReverseAsync(id, new ReversalRequest(reason), cancellationToken);
        return RedirectToPage(new { status = "posted" });
    }
}
