using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Instruments.Availability;
using TechBridge.Modules.Instruments.BookInstrument;
using TechBridge.Modules.Instruments.BrowseCatalog;

namespace TechBridge.Pages.Instruments;

// /Instruments/Detail?id=: the instrument, its rules in plain words and fees, the week calendar (each free hour is a
// link that fills the booking form, so the calendar works with a keyboard and without script), the next free slot and
// the booking form. Times on the page are Beijing time.
internal sealed class DetailModel(BrowseCatalogHandler catalog, AvailabilityHandler availability, BookInstrumentHandler booking, TimeProvider clock) : PageModel, IReloadAfterProblem
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Week { get; set; }

    // The booking form's fields (Beijing date and times), filled from a calendar link or typed.
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    // A free hour chosen in the calendar ("2026-12-09T10:00"): fills the form's date and hour.
    [BindProperty(SupportsGet = true)]
    public string? Slot { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Minutes { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Booked { get; set; }

    public InstrumentResponse Instrument { get; private set; } = null!;

    public WeekResponse Calendar { get; private set; } = null!;

    public FreeSlot? NextFree { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        if (Slot is { Length: 16 } slot && DateOnly.TryParseExact(slot[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && TimeOnly.TryParseExact(slot[11..], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var hour))
        {
            Date = day;
            From = hour.ToString("HH:mm", CultureInfo.InvariantCulture);
            To = hour.AddHours(1).ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        Instrument = await catalog.GetAsync(Id, cancellationToken);
        Calendar = await availability.WeekAsync(Id, Week, cancellationToken);
        if (Minutes is { } minutes)
        {
            try
            {
                NextFree = await availability.NextFreeAsync(Id, minutes, null, cancellationToken);
            }
            catch (NotFoundException)
            {
                NextFree = null;
            }
        }
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task<IActionResult> OnPostBookAsync(CancellationToken cancellationToken)
    {
        var start = At(Date, From);
        var end = At(Date, To);
        var response = await booking.BookAsync(Id, new BookingRequest(start, end, Purpose), cancellationToken);
        var monday = Monday(DateOnly.FromDateTime(response.Start.DateTime));
        return Redirect($"/Instruments/Detail?id={Id}&week={monday:yyyy-MM-dd}&booked={response.Id}");
    }

    public static DateTimeOffset? At(DateOnly? date, string? time) =>
        date is { } d && TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new DateTimeOffset(d.ToDateTime(t), Beijing)
            : null;

    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    // What occupies the hour starting at `hour` on `day` (Beijing), if anything.
    public string? Occupant(DateOnly day, int hour)
    {
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), Beijing);
        var end = start.AddHours(1);
        var kinds = Calendar.Busy.Where(b => b.Start < end && start < b.End).Select(b => b.Kind).ToList();
        return kinds.Count == 0 ? null : kinds.Contains("yours") ? "yours" : kinds.Contains("maintenance") ? "maintenance" : kinds.Contains("booked") ? "booked" : "requested";
    }

    public bool IsPast(DateOnly day, int hour) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), Beijing) < Now;
}
