using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Engagements.ServiceOrders;

namespace TechBridge.Pages.Orders;

// /Orders: the service orders of the user's organizations, as client or provider.
[Authorize]
internal sealed class IndexModel(ServiceOrdersHandler desk) : PageModel
{
    public IReadOnlyList<OrderResponse> Orders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Orders = await desk.ListMineAsync(cancellationToken);
}
