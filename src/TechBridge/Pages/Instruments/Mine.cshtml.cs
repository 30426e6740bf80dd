using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Instruments.BookInstrument;
using TechBridge.Modules.Instruments.ManageBookings;
using TechBridge.Modules.Instruments.Statements;
using TechBridge.Platform.Files;

namespace TechBridge.Pages.Instruments;

// /Instruments/Mine: the user's bookings with the steps open to them now: cancel (the fee inside the window is said
// before), check in, finish.
[Authorize]
internal sealed class MineModel(ManageBookingsHandler desk, StatementsHandler statements, TimeProvider clock) : PageModel, IReloadAfterProblem
{
    public IReadOnlyList<BookingResponse> Bookings { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Bookings = await desk.MineAsync(cancellationToken);
    }

    // This month's statement of the organization the user acts for, as the API's export writes it.
    public async Task<IActionResult> OnGetStatementAsync(CancellationToken cancellationToken)
    {
        var statement = await statements.MonthAsync(null, cancellationToken);
        return File(TableExport.ToXlsx(StatementsHandler.Table(statement)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"仪器使用月结单-{statement.Month}.xlsx");
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
