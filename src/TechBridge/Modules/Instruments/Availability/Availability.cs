using TechBridge.Modules.Instruments.BookInstrument;
using TechBridge.Modules.Instruments.Data;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Instruments.Availability;

// Kind: booked (someone's approved or in-use booking), requested (awaiting approval, also holds the slot),
// maintenance, or yours (the caller's own booking).
internal sealed record BusyInterval(DateTimeOffset Start, DateTimeOffset End, string Kind);

internal sealed record WeekResponse(Guid InstrumentId, DateOnly From, DateOnly To, IReadOnlyList<BusyInterval> Busy);

internal sealed record FreeSlot(DateTimeOffset Start, DateTimeOffset End);

// The week view (busy intervals of seven Beijing days) and the next free slot of a given length. Free slots are
// searched in the hours labs usually staff (08:00–22:00 Beijing time), after the minimum notice, before the furthest
// advance, keeping the buffer on both sides.
internal sealed class AvailabilityHandler(PlatformDbContext db, ActorContext actor, TimeProvider clock)
{
    public const int DayStartsHour = 8;
    public const int DayEndsHour = 22;

    public async Task<WeekResponse> WeekAsync(Guid instrumentId, DateOnly? from, CancellationToken cancellationToken)
    {
        var instrument = await db.Set<Instrument>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == instrumentId, cancellationToken) ?? throw new NotFoundException("The instrument");
        var today = DateOnly.FromDateTime(AdjustableClock.ToChina(clock.GetUtcNow()).DateTime);
        var first = from ?? today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var start = BeijingMidnight(first);
        var end = BeijingMidnight(first.AddDays(7));
        var busy = await BookInstrumentHandler.ActiveBetweenAsync(db, instrument.Id, start, end, cancellationToken);
        var userId = actor.UserId;
        return new WeekResponse(instrument.Id, first, first.AddDays(6), busy.Select(b => new BusyInterval(
            AdjustableClock.ToChina(b.StartsAt), AdjustableClock.ToChina(b.EndsAt),
            b.Kind == BookingKind.Maintenance ? "maintenance" : userId is { } u && b.UserId == u ? "yours" : b.Status == BookingStatus.Requested ? "requested" : "booked")).ToList());
    }

    public async Task<FreeSlot> NextFreeAsync(Guid instrumentId, int? minutes, DateTimeOffset? after, CancellationToken cancellationToken)
    {
        var instrument = await db.Set<Instrument>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == instrumentId, cancellationToken) ?? throw new NotFoundException("The instrument");
        var rules = instrument.Rules;
        var length = minutes ?? rules.MinDurationMinutes;
        if (length < rules.MinDurationMinutes || length > rules.MaxDurationMinutes)
        {
            throw InvalidRequestException.For("minutes", "durationWithinRules", "The length must be within the instrument's shortest and longest booking.",
                new Dictionary<string, object> { ["min"] = rules.MinDurationMinutes, ["max"] = rules.MaxDurationMinutes });
        }

        var now = clock.GetUtcNow();
        var earliest = now.AddMinutes(rules.MinNoticeMinutes);
        if (after is { } a && a > earliest)
        {
            earliest = a.ToUniversalTime();
        }

        earliest = RoundUpToHalfHour(earliest);
        var latestStart = now.AddDays(rules.MaxAdvanceDays);
        var duration = TimeSpan.FromMinutes(length);
        var buffer = TimeSpan.FromMinutes(rules.BufferMinutes);
        var busy = await BookInstrumentHandler.ActiveBetweenAsync(db, instrument.Id, earliest - buffer, latestStart + duration + buffer, cancellationToken);
        var day = DateOnly.FromDateTime(AdjustableClock.ToChina(earliest).DateTime);
        while (BeijingMidnight(day) <= latestStart)
        {
            var open = BeijingMidnight(day).AddHours(DayStartsHour);
            var close = BeijingMidnight(day).AddHours(DayEndsHour);
            var candidate = open < earliest ? earliest : open;
            foreach (var b in busy.Where(b => b.EndsAt + buffer > candidate && b.StartsAt - buffer < close))
            {
                if (b.StartsAt - buffer >= candidate + duration)
                {
                    break;
                }

                candidate = RoundUpToHalfHour(b.EndsAt + buffer);
            }

            if (candidate + duration <= close && candidate <= latestStart)
            {
                return new FreeSlot(AdjustableClock.ToChina(candidate), AdjustableClock.ToChina(candidate + duration));
            }

            day = day.AddDays(1);
        }

        throw new NotFoundException("A free slot within the instrument's booking window");
    }

    public static DateTimeOffset BeijingMidnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));

    private static DateTimeOffset RoundUpToHalfHour(DateTimeOffset instant)
    {
        var step = TimeSpan.FromMinutes(30).Ticks;
        var ticks = (instant.UtcTicks + step - 1) / step * step;
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}

internal static class AvailabilityEndpoints
{
    public static RouteGroupBuilder MapAvailability(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/week", async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<WeekResponse>> (Guid id, DateOnly? from, AvailabilityHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.WeekAsync(id, from, ct)))
            .AllowAnonymous()
            .WithName("GetInstrumentWeek")
            .WithSummary("The busy intervals of seven Beijing days from `from` (default: this week's Monday).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/next-free", async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<FreeSlot>> (Guid id, int? minutes, DateTimeOffset? after, AvailabilityHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.NextFreeAsync(id, minutes, after, ct)))
            .AllowAnonymous()
            .WithName("FindNextFreeInstrumentSlot")
            .WithSummary("The first free slot of the given minutes (08:00–22:00 Beijing time) that the instrument's rules allow, after `after`.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }
}
