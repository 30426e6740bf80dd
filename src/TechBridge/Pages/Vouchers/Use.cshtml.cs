using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Vouchers.Contracts;
using TechBridge.Modules.Vouchers.UseVouchers;

namespace TechBridge.Pages.Vouchers;

// /Vouchers/Use?voucherId=: the enterprise chooses one of its orders; the formula's amount is reserved on the voucher.
[Authorize]
internal sealed class UseModel(UsesHandler uses) : PageModel, IReloadAfterProblem
{
    [BindProperty(SupportsGet = true)] public Guid VoucherId { get; set; }

    [BindProperty] public Guid? ItemId { get; set; }

    public IReadOnlyList<PayableItem> Orders { get; private set; } = [];

    public UseResponse? Reserved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken) => Orders = await uses.CandidatesAsync(VoucherId, cancellationToken);

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        Reserved = await uses.ReserveAsync(VoucherId, new UseRequest("service-order", ItemId), cancellationToken);
        await ReloadAsync(cancellationToken);
    }
}
