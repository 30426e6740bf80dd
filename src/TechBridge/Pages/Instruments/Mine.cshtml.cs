using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Instruments.BookInstrument;
using TechBridge.Modules.Instruments.ManageBookings;

namespace TechBridge.Pages.Instruments;

// /Instruments/Mine: the user's bookings with the steps open to them now: cancel (the fee inside the window is said
// before), check in, finish.
[Authorize]
internal sealed class MineModel(ManageBookingsHandler desk, TimeProvider clock) : PageModel, IReloadAfterProblem
{
    public IReadOnlyList<BookingResponse> Bookings { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Bookings = await desk.MineAsync(cancellationToken);
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await desk.CancelAsync(id, cancellationToken);
        return Redirect("/Instruments/Mine");
    }

    public async Task<IActionResult> OnPostCheckInAsync(Guid id, CancellationToken cancellationToken)
    {
        await desk.CheckInAsync(id, cancellationToken);
        return Redirect("/Instruments/Mine");
    }

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await desk.CompleteAsync(id, cancellationToken);
        return Redirect("/Instruments/Mine");
    }
}
