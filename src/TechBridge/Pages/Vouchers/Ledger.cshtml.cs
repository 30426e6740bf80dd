using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Vouchers.Ledger;

namespace TechBridge.Pages.Vouchers;

// /Vouchers/Ledger: the auditor's (and province admins') verification of the voucher ledger, the same figures as
// GET /api/v1/vouchers/ledger/verify.
[Authorize]
internal sealed class LedgerModel(VerifyLedgerHandler verify) : PageModel
{
    public LedgerVerification? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Result = await verify.VerifyAsync(cancellationToken);
}
