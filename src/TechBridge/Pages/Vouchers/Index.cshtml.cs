using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Vouchers.ApplyForVouchers;
using TechBridge.Modules.Vouchers.ManagePrograms;
using TechBridge.Modules.Vouchers.RedeemVouchers;
using TechBridge.Modules.Vouchers.UseVouchers;

namespace TechBridge.Pages.Vouchers;

// /Vouchers: the acting organization's voucher desk. An enterprise sees the open programs, its applications and
// vouchers (quota, reserved, used, expiry) and its uses; a provider sees the uses on its orders. Whoever the mode
// names asks for redemption here; the enterprise cancels a use before redemption.
[Authorize]
internal sealed class IndexModel(ProgramsHandler programs, ApplicationsHandler applications, UsesHandler uses, RedemptionsHandler redemptions) : PageModel, IReloadAfterProblem
{
    public IReadOnlyList<ProgramResponse> Programs { get; private set; } = [];

    public IReadOnlyList<ApplicationResponse> Applications { get; private set; } = [];

    public IReadOnlyList<VoucherResponse> Vouchers { get; private set; } = [];

    public IReadOnlyList<UseResponse> Uses { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Programs = await programs.ListAsync(openOnly: true, cancellationToken);
        try
        {
            Applications = await applications.ListMineAsync(cancellationToken);
            Vouchers = await applications.MyVouchersAsync(cancellationToken);
            Uses = await uses.ListAsync(null, cancellationToken);
        }
        catch (InvalidRequestException)
        {
            // A user of no organization (the auditor, an admin) sees the open programs only.
        }
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task<IActionResult> OnPostRedeemAsync(Guid useId, CancellationToken cancellationToken)
    {
        await redemptions.RequestAsync(useId, new RedemptionRequest(null), cancellationToken);
        return RedirectToPage(new { done = "redeem" });
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid useId, CancellationToken cancellationToken)
    {
        await uses.CancelAsync(useId, cancellationToken);
        return RedirectToPage(new { done = "cancel" });
    }
}
