using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Instruments.BookInstrument;
using TechBridge.Modules.Instruments.BrowseCatalog;
using TechBridge.Modules.Instruments.ManageBookings;

namespace TechBridge.Pages.Instruments;

// /Instruments/Owner: for members of the acting organization: its instruments, the approval queue, maintenance blocks
// (bookings in the way are cancelled and their users told), released no-shows and the other bookings.
[Authorize]
internal sealed class OwnerModel(ManageBookingsHandler desk, BrowseCatalogHandler catalog, ActorContext actor) : PageModel, IReloadAfterProblem
{
    public IReadOnlyList<InstrumentSummary> Instruments { get; private set; } = [];

    public IReadOnlyList<BookingResponse> Queue { get; private set; } = [];

    public IReadOnlyList<BookingResponse> Released { get; private set; } = [];

    public IReadOnlyList<BookingResponse> Upcoming { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Cancelled { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (actor.OrganizationId is not { } organizationId)
        {
            return;
        }

        Instruments = (await catalog.ListAsync(new CatalogFilter(Owner: organizationId, PageSize: BrowseCatalogHandler.MaxPageSize), cancellationToken)).Items;
        if (Instruments.Count == 0)
        {
            return;
        }

        Queue = await desk.OwnedAsync("requested", cancellationToken);
        Released = (await desk.OwnedAsync("no-show", cancellationToken)).Take(20).ToList();
        Upcoming = (await desk.OwnedAsync(null, cancellationToken)).Where(b => b.Status is "approved" or "in-use").OrderBy(b => b.Start).Take(50).ToList();
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        await desk.ApproveAsync(id, cancellationToken);
        return Redirect("/Instruments/Owner");
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        await desk.RejectAsync(id, new ReasonRequest(reason), cancellationToken);
        return Redirect("/Instruments/Owner");
    }

    public async Task<IActionResult> OnPostMaintenanceAsync(Guid instrumentId, DateOnly? date, string? from, DateOnly? untilDate, string? until, string? reason, CancellationToken cancellationToken)
    {
        var response = await desk.BlockForMaintenanceAsync(instrumentId, new MaintenanceRequest(DetailModel.At(date, from), DetailModel.At(untilDate ?? date, until), reason), cancellationToken);
        return Redirect($"/Instruments/Owner?cancelled={response.CancelledBookings.Count.ToString(CultureInfo.InvariantCulture)}");
    }
}
