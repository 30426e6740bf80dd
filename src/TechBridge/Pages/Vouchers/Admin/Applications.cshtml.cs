using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Vouchers.ApplyForVouchers;

namespace TechBridge.Pages.Vouchers.Admin;

// /Vouchers/Admin/Applications: submitted applications of enterprises in the admin's jurisdictions, each with the
// eligibility the applicant saw; approving issues the voucher from the program's budget.
[Authorize(Roles = Roles.AdminOrAuditor)]
internal sealed class ApplicationsModel(ApplicationsHandler applications) : PageModel, IReloadAfterProblem
{
    public IReadOnlyList<ApplicationResponse> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await applications.QueueAsync(cancellationToken);

    public Task ReloadAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, string? decision, string? note, CancellationToken cancellationToken)
    {
        await applications.DecideAsync(id, new DecisionRequest(decision switch { "approve" => true, "reject" => false, _ => null }, note, null), cancellationToken);
        return RedirectToPage();
    }
}
