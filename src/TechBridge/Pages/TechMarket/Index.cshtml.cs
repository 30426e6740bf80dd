using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.TechMarket.Deals;
using TechBridge.Modules.TechMarket.RegisterContracts;

namespace TechBridge.Pages.TechMarket;

// /TechMarket: the deals and registration applications of the user's organizations, with state, deadline and certificate.
[Authorize]
internal sealed class IndexModel(RegisterContractsHandler contracts, DealsHandler deals) : PageModel
{
    public IReadOnlyList<ContractResponse> Contracts { get; private set; } = [];

    public IReadOnlyList<DealResponse> Deals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Contracts = await contracts.ListMineAsync(cancellationToken);
        Deals = await deals.ListMineAsync(cancellationToken);
    }
}
