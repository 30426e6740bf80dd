using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Modules.TechMarket.Data;

namespace TechBridge.Modules.TechMarket.Calendar;

internal sealed record WorkingDaysResponse(string From, int Add, string Due);

internal sealed record CalendarDayRequest(string? Date, string? Name);

internal sealed record CalendarYearRequest(string? Source, IReadOnlyList<CalendarDayRequest>? Holidays, IReadOnlyList<CalendarDayRequest>? Workdays);

internal sealed record CalendarYearResponse(int Year, string Source, int Holidays, int MakeUpWorkdays);

// Working-day arithmetic for anyone, and the admins' extension of the calendar by a newly published year.
internal sealed class CalendarHandler(PlatformDbContext db, WorkingCalendarSource source, IAccess access, TimeProvider clock)
{
    public async Task<WorkingDaysResponse> AddWorkingDaysAsync(string? from, string? add, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            validation.Add("from", "date", "from is a date written YYYY-MM-DD.");
        }

        if (!int.TryParse(add, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > WorkingCalendar.MaxAdd)
        {
            validation.Add("add", "range", $"add is a whole number of working days from 0 to {WorkingCalendar.MaxAdd}.", new Dictionary<string, object> { ["max"] = WorkingCalendar.MaxAdd });
        }

        validation.ThrowIfInvalid();
        var calendar = await source.GetAsync(cancellationToken);
        var due = calendar.AddWorkingDays(start, n);
        return new WorkingDaysResponse(Iso(start), n, Iso(due));
    }

    public async Task<IReadOnlyList<CalendarYearResponse>> YearsAsync(CancellationToken cancellationToken)
    {
        var years = await db.Set<CalendarYear>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);
        var days = await db.Set<CalendarDay>().AsNoTracking().ToListAsync(cancellationToken);
        return years.Select(y => new CalendarYearResponse(y.Year, y.Source,
            days.Count(d => d.Date.Year == y.Year && d.Kind == CalendarDayKind.Holiday),
            days.Count(d => d.Date.Year == y.Year && d.Kind == CalendarDayKind.MakeUpWorkday))).ToList();
    }

    // Replaces the year's days with those of the published notice (a correction of a shipped year included).
    public async Task<CalendarYearResponse> PutYearAsync(int year, CalendarYearRequest request, CancellationToken cancellationToken)
    {
        var provinces = (await access.JurisdictionsWithAsync(TechMarketPermissions.ManageCalendar, cancellationToken)).Where(j => j.Length == 2).ToList();
        if (provinces.Count == 0)
        {
            throw new ForbiddenException("Entering the national holiday calendar needs the calendar permission of a province or municipality.");
        }

        var validation = new Validation().Required("source", request.Source).MaxLength("source", request.Source, 300);
        if (year is < 2000 or > 2100)
        {
            validation.Add("year", "range", "The year lies between 2000 and 2100.");
        }

        var days = new Dictionary<DateOnly, CalendarDay>();
        var holidays = request.Holidays ?? [];
        var workdays = request.Workdays ?? [];
        for (var i = 0; i < holidays.Count; i++)
        {
            switch (Read(holidays[i], CalendarDayKind.Holiday))
            {
                case "inYear":
                    validation.Add($"holidays[{i}].date", "inYear", "Each day is a date YYYY-MM-DD of the year entered.", new Dictionary<string, object> { ["year"] = year });
                    break;
                case "duplicate":
                    validation.Add($"holidays[{i}].date", "duplicate", "A day is listed once, as a holiday or as a make-up working day.");
                    break;
            }
        }

        for (var i = 0; i < workdays.Count; i++)
        {
            switch (Read(workdays[i], CalendarDayKind.MakeUpWorkday))
            {
                case "inYear":
                    validation.Add($"workdays[{i}].date", "inYear", "Each day is a date YYYY-MM-DD of the year entered.", new Dictionary<string, object> { ["year"] = year });
                    break;
                case "weekend":
                    validation.Add($"workdays[{i}].date", "weekend", "A make-up working day is a Saturday or Sunday.");
                    break;
                case "duplicate":
                    validation.Add($"workdays[{i}].date", "duplicate", "A day is listed once, as a holiday or as a make-up working day.");
                    break;
            }
        }

        // The broken rule's name, or null when the day was taken.
        string? Read(CalendarDayRequest item, CalendarDayKind kind)
        {
            if (!DateOnly.TryParseExact(item.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year != year)
            {
                return "inYear";
            }

            if (kind == CalendarDayKind.MakeUpWorkday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                return "weekend";
            }

            var name = (item.Name ?? "").Trim();
            return days.TryAdd(date, new CalendarDay { Date = date, Kind = kind, Name = name.Length > 100 ? name[..100] : name }) ? null : "duplicate";
        }

        if (request.Holidays is not { Count: > 0 })
        {
            validation.Add("holidays", "required", "A published year has holidays.");
        }

        validation.ThrowIfInvalid();
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        db.RemoveRange(await db.Set<CalendarDay>().Where(d => d.Date >= first && d.Date <= last).ToListAsync(cancellationToken));
        var entry = await db.Set<CalendarYear>().FirstOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (entry is null)
        {
            entry = new CalendarYear { Year = year, Source = request.Source!.Trim() };
            db.Add(entry);
        }

        entry.Source = request.Source!.Trim();
        entry.AddedByUserId = access.UserId;
        entry.AddedAt = clock.GetUtcNow();
        db.AddRange(days.Values);
        await db.SaveChangesAsync(cancellationToken);
        source.Invalidate();
        return new CalendarYearResponse(year, entry.Source, days.Values.Count(d => d.Kind == CalendarDayKind.Holiday), days.Values.Count(d => d.Kind == CalendarDayKind.MakeUpWorkday));
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendar(this RouteGroupBuilder group)
    {
        group.MapGet("/calendar/working-days", async Task<Ok<WorkingDaysResponse>> (string? from, string? add, CalendarHandler calendar, CancellationToken ct) =>
                TypedResults.Ok(await calendar.AddWorkingDaysAsync(from, add, ct)))
            .AllowAnonymous()
            .WithName("AddWorkingDays")
            .WithSummary("The add-th working day after from (from not counted) by the official calendar with make-up working days; 422 when a year is not covered.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/calendar/years", async Task<Ok<IReadOnlyList<CalendarYearResponse>>> (CalendarHandler calendar, CancellationToken ct) => TypedResults.Ok(await calendar.YearsAsync(ct)))
            .AllowAnonymous()
            .WithName("ListCalendarYears")
            .WithSummary("The years the working-day calendar covers, with their source and number of holidays and make-up working days.");
        group.MapPut("/calendar/years/{year:int}", async Task<Ok<CalendarYearResponse>> (int year, CalendarYearRequest request, CalendarHandler calendar, CancellationToken ct) =>
                TypedResults.Ok(await calendar.PutYearAsync(year, request, ct)))
            .WithName("PutCalendarYear")
            .WithSummary("An admin with the calendar permission of a province enters (or corrects) a year's holidays and make-up working days from the State Council's notice.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }
}
