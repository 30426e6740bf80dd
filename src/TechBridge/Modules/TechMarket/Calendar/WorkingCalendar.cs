using TechBridge.Modules.TechMarket.Data;

namespace TechBridge.Modules.TechMarket.Calendar;

// 422: the calendar has no published days for the year a date falls in. A deadline is never guessed Monday–Friday.
internal sealed class CalendarMissingException(int year)
    : ProblemException($"The working-day calendar does not cover {year}: the holidays and make-up working days of that year have not been entered.")
{
    public int Year { get; } = year;

    public override int Status => StatusCodes.Status422UnprocessableEntity;

    public override string? Code => "calendar_missing";
}

// The official working-day calendar: Monday to Friday, except the State Council's holidays, plus the make-up
// working days (调休) that fall on a weekend. Immutable; WorkingCalendarSource hands out the current one.
internal sealed class WorkingCalendar(IReadOnlySet<int> years, IReadOnlyDictionary<DateOnly, CalendarDayKind> days)
{
    public const int MaxAdd = 1000;

    public IReadOnlySet<int> Years { get; } = years;

    public bool Covers(int year) => Years.Contains(year);

    public bool IsWorkingDay(DateOnly date)
    {
        if (!Covers(date.Year))
        {
            throw new CalendarMissingException(date.Year);
        }

        if (days.TryGetValue(date, out var kind))
        {
            return kind == CalendarDayKind.MakeUpWorkday;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    // The n-th working day after `from` (`from` itself not counted; n = 0 gives `from`). Every day walked over must
    // lie in a covered year, `from` included, or the answer would rest on a guess.
    public DateOnly AddWorkingDays(DateOnly from, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (!Covers(from.Year))
        {
            throw new CalendarMissingException(from.Year);
        }

        var day = from;
        for (var counted = 0; counted < n;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    // Working days after `from` up to and including `to` (0 when `to` is not after `from`).
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}

// Hands out the calendar held in the database, re-read after a change on this node and at most a minute late for
// changes made on another node.
internal sealed class WorkingCalendarSource(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim gate = new(1, 1);
    private (WorkingCalendar Calendar, DateTimeOffset ReadAt)? current;

    public async Task<WorkingCalendar> GetAsync(CancellationToken cancellationToken)
    {
        if (current is { } fresh && clock.GetUtcNow() - fresh.ReadAt < MaxAge)
        {
            return fresh.Calendar;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is { } again && clock.GetUtcNow() - again.ReadAt < MaxAge)
            {
                return again.Calendar;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var years = await db.Set<CalendarYear>().AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken);
            var days = await db.Set<CalendarDay>().AsNoTracking().ToDictionaryAsync(d => d.Date, d => d.Kind, cancellationToken);
            var calendar = new WorkingCalendar(years.ToHashSet(), days);
            current = (calendar, clock.GetUtcNow());
            return calendar;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Invalidate() => current = null;

    public void Dispose() => gate.Dispose();

    public static WorkingCalendar FromShipped(string path)
    {
        var shipped = ShippedCalendar.Read(path);
        return new WorkingCalendar(shipped.Years, shipped.Days.ToDictionary(d => d.Date, d => d.Kind));
    }
}
