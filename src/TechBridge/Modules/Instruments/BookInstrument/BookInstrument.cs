using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Instruments.BrowseCatalog;
using TechBridge.Modules.Instruments.Data;
using TechBridge.Modules.Instruments.Fees;
using TechBridge.Platform.Idempotency;
using TechBridge.Platform.Notifications;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Instruments.BookInstrument;

// Instants may carry any offset; they are stored in UTC and answered in Beijing time (+08:00).
internal sealed record BookingRequest(DateTimeOffset? Start, DateTimeOffset? End, string? Purpose);

// A recurring series: the first occurrence's start and end, then every day or week, as many times as Occurrences
// says or until the Beijing date Until, within one year of the first start.
internal sealed record SeriesRequest(DateTimeOffset? Start, DateTimeOffset? End, string? Purpose, string? Frequency, int? Occurrences, DateOnly? Until);

internal sealed record BookingResponse(
    Guid Id,
    Guid InstrumentId,
    string InstrumentName,
    string Kind,
    Guid OrganizationId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Purpose,
    string Status,
    string PriceGroup,
    long EstimatedFeeFen,
    long? ChargedFeeFen,
    Guid? SeriesId,
    string? Reason,
    DateTimeOffset? CheckedInAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? CancelledAt,
    long? CancellationFeeFen,
    DateTimeOffset? ReleasedAt,
    DateTimeOffset CreatedAt);

internal sealed record SeriesResponse(Guid SeriesId, IReadOnlyList<BookingResponse> Bookings);

internal sealed record Interval(DateTimeOffset Start, DateTimeOffset End);

// Booking an instrument, once or as a series. The request is checked against the instrument's rules (400 naming each
// broken rule), then against the bookings that hold the slot (409 naming the interval taken). The database has the
// last word: two active bookings of one instrument never overlap (InstrumentsDatabaseObjects), so the loser of a race
// that both passed the check in C# gets the same 409 from the database's refusal, never a 500.
internal sealed class BookInstrumentHandler(PlatformDbContext db, IAccess access, IOrganizationFacts facts, Notifier notifier, TimeProvider clock)
{
    public const int MaxOccurrences = 366;

    public async Task<BookingResponse> BookAsync(Guid instrumentId, BookingRequest request, CancellationToken cancellationToken)
    {
        var organizationId = await access.RequireVerifiedActingOrganizationAsync(cancellationToken);
        var instrument = await LoadBookableAsync(instrumentId, cancellationToken);
        var v = new Validation().Required("purpose", request.Purpose).MaxLength("purpose", request.Purpose, 1000);
        if (request.Start is null)
        {
            v.Add("start", "required", "The start is required.");
        }

        if (request.End is null)
        {
            v.Add("end", "required", "The end is required.");
        }

        v.ThrowIfInvalid();
        var interval = new Interval(request.Start!.Value.ToUniversalTime(), request.End!.Value.ToUniversalTime());
        var now = clock.GetUtcNow();
        CheckRules(instrument, organizationId, interval, now, v, null);
        v.ThrowIfInvalid();

        await CheckFreeAsync(instrument, [interval], null, cancellationToken);
        var group = await PriceGroupForAsync(organizationId, instrument, cancellationToken);
        var booking = NewBooking(instrument, organizationId, group, interval, request.Purpose!.Trim(), null, now);
        db.Add(booking);
        await NotifyOwnerAsync(instrument, [booking], cancellationToken);
        await SaveAsync(instrument.Id, [interval], cancellationToken);
        return Respond(booking, instrument);
    }

    public async Task<SeriesResponse> BookSeriesAsync(Guid instrumentId, SeriesRequest request, CancellationToken cancellationToken)
    {
        var organizationId = await access.RequireVerifiedActingOrganizationAsync(cancellationToken);
        var instrument = await LoadBookableAsync(instrumentId, cancellationToken);
        var v = new Validation().Required("purpose", request.Purpose).MaxLength("purpose", request.Purpose, 1000);
        if (request.Start is null)
        {
            v.Add("start", "required", "The start is required.");
        }

        if (request.End is null)
        {
            v.Add("end", "required", "The end is required.");
        }

        var step = request.Frequency switch
        {
            "daily" => TimeSpan.FromDays(1),
            "weekly" => TimeSpan.FromDays(7),
            _ => TimeSpan.Zero,
        };
        if (step == TimeSpan.Zero)
        {
            v.Add("frequency", "unknown", "Repeat daily or weekly.");
        }

        if ((request.Occurrences is null) == (request.Until is null))
        {
            v.Add("occurrences", "countOrUntil", "Give either the number of occurrences or the last date.");
        }
        else if (request.Occurrences is < 2 or > MaxOccurrences)
        {
            v.Add("occurrences", "range", "A series has 2 to 366 occurrences.", new Dictionary<string, object> { ["min"] = 2, ["max"] = MaxOccurrences });
        }

        v.ThrowIfInvalid();
        var first = new Interval(request.Start!.Value.ToUniversalTime(), request.End!.Value.ToUniversalTime());
        var lastStart = first.Start.AddYears(1);
        var intervals = new List<Interval>();
        for (var n = 0; n < MaxOccurrences + 1; n++)
        {
            var start = first.Start + (step * n);
            if (request.Occurrences is { } count && n >= count)
            {
                break;
            }

            if (request.Until is { } until && DateOnly.FromDateTime(AdjustableClock.ToChina(start).DateTime) > until)
            {
                break;
            }

            if (start > lastStart)
            {
                v.Add("until", "withinOneYear", "A series ends within one year of its first occurrence.");
                break;
            }

            intervals.Add(new Interval(start, first.End + (step * n)));
        }

        if (intervals.Count < 2 && v.IsValid)
        {
            v.Add("until", "range", "A series has 2 to 366 occurrences.", new Dictionary<string, object> { ["min"] = 2, ["max"] = MaxOccurrences });
        }

        if (first.End - first.Start >= step && step > TimeSpan.Zero)
        {
            v.Add("end", "longerThanRepeat", "Each occurrence must end before the next one starts.");
        }

        v.ThrowIfInvalid();
        var now = clock.GetUtcNow();
        for (var i = 0; i < intervals.Count; i++)
        {
            CheckRules(instrument, organizationId, intervals[i], now, v, i);
        }

        v.ThrowIfInvalid();
        await CheckFreeAsync(instrument, intervals, null, cancellationToken);
        var group = await PriceGroupForAsync(organizationId, instrument, cancellationToken);
        var seriesId = Guid.CreateVersion7();
        var bookings = intervals.Select(i => NewBooking(instrument, organizationId, group, i, request.Purpose!.Trim(), seriesId, now)).ToList();
        db.AddRange(bookings);
        await NotifyOwnerAsync(instrument, bookings, cancellationToken);
        // One SaveChanges: one transaction, so the series is saved whole or not at all.
        await SaveAsync(instrument.Id, intervals, cancellationToken);
        return new SeriesResponse(seriesId, bookings.Select(b => Respond(b, instrument)).ToList());
    }

    // The organization a request acts for decides the price group: the owner's own people, another university or
    // institute, or an enterprise (everyone else).
    public async Task<PriceGroup> PriceGroupForAsync(Guid organizationId, Instrument instrument, CancellationToken cancellationToken)
    {
        if (organizationId == instrument.OwnerOrganizationId)
        {
            return PriceGroup.Internal;
        }

        var organization = await facts.FindAsync(organizationId, cancellationToken);
        return organization?.Type == OrganizationType.UniversityOrInstitute ? PriceGroup.ExternalAcademic : PriceGroup.Enterprise;
    }

    private async Task<Instrument> LoadBookableAsync(Guid instrumentId, CancellationToken cancellationToken)
    {
        var instrument = await db.Set<Instrument>().AsNoTracking().Include(i => i.Rates).FirstOrDefaultAsync(i => i.Id == instrumentId, cancellationToken)
            ?? throw new NotFoundException("The instrument");
        if (instrument.Status is InstrumentStatus.Retired or InstrumentStatus.Maintenance)
        {
            throw new ConflictException("instrument_unavailable", "The instrument is under maintenance or retired and takes no bookings.");
        }

        return instrument;
    }

    // The instrument's booking rules for one interval; occurrence is the index within a series (null for one booking).
    private static void CheckRules(Instrument instrument, Guid organizationId, Interval interval, DateTimeOffset now, Validation v, int? occurrence)
    {
        var rules = instrument.Rules;
        var minutes = (interval.End - interval.Start).TotalMinutes;
        var at = occurrence is { } o ? $"occurrences[{o}]." : "";
        if (occurrence is null or 0 && organizationId != instrument.OwnerOrganizationId && (!instrument.OpenForExternalUse || !rules.ExternalBookingAllowed))
        {
            v.Add("instrument", "externalBookingNotAllowed", "The owner does not take online bookings from other organizations for this instrument.");
        }

        if (interval.End <= interval.Start)
        {
            v.Add($"{at}end", "endAfterStart", "The end must be after the start.");
            return;
        }

        if (minutes < rules.MinDurationMinutes)
        {
            v.Add($"{at}end", "minDuration", "The booking is shorter than the instrument's minimum.", new Dictionary<string, object> { ["minutes"] = rules.MinDurationMinutes });
        }

        if (minutes > rules.MaxDurationMinutes)
        {
            v.Add($"{at}end", "maxDuration", "The booking is longer than the instrument's maximum.", new Dictionary<string, object> { ["minutes"] = rules.MaxDurationMinutes });
        }

        if (interval.Start < now.AddMinutes(rules.MinNoticeMinutes))
        {
            v.Add($"{at}start", "minNotice", "The booking starts sooner than the instrument's minimum notice.", new Dictionary<string, object> { ["minutes"] = rules.MinNoticeMinutes });
        }

        if (interval.Start > now.AddDays(rules.MaxAdvanceDays))
        {
            v.Add($"{at}start", "maxAdvance", "The booking starts further ahead than the instrument takes bookings.", new Dictionary<string, object> { ["days"] = rules.MaxAdvanceDays });
        }
    }

    // 409 naming the taken intervals when any requested interval overlaps an active booking; 400 (rule "buffer") when
    // one only comes closer to another than the instrument's buffer. except: a booking being moved or re-activated.
    private async Task CheckFreeAsync(Instrument instrument, List<Interval> intervals, Guid? except, CancellationToken cancellationToken)
    {
        var buffer = TimeSpan.FromMinutes(instrument.Rules.BufferMinutes);
        var from = intervals.Min(i => i.Start) - buffer;
        var to = intervals.Max(i => i.End) + buffer;
        var active = await ActiveBetweenAsync(db, instrument.Id, from, to, cancellationToken);
        active = active.Where(b => b.Id != except).ToList();
        var conflicts = Conflicts(intervals, active);
        if (conflicts.Count > 0)
        {
            throw SlotTaken(conflicts, intervals.Count > 1);
        }

        var v = new Validation();
        for (var i = 0; i < intervals.Count; i++)
        {
            var interval = intervals[i];
            if (buffer <= TimeSpan.Zero || !active.Any(b => b.StartsAt < interval.End + buffer && interval.Start - buffer < b.EndsAt))
            {
                continue;
            }

            if (intervals.Count > 1)
            {
                v.Add($"occurrences[{i}].start", "buffer", "The occurrence comes closer to another booking than the instrument's buffer.", new Dictionary<string, object> { ["minutes"] = instrument.Rules.BufferMinutes });
            }
            else
            {
                v.Add("start", "buffer", "The booking comes closer to another than the instrument's buffer between bookings.", new Dictionary<string, object> { ["minutes"] = instrument.Rules.BufferMinutes });
            }
        }

        v.ThrowIfInvalid();
    }

    // Instants go to the database in UTC (Npgsql writes timestamptz only with offset 0).
    public static async Task<List<Booking>> ActiveBetweenAsync(PlatformDbContext db, Guid instrumentId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var fromUtc = from.ToUniversalTime();
        var toUtc = to.ToUniversalTime();
        return await db.Set<Booking>().AsNoTracking()
            .Where(b => b.InstrumentId == instrumentId && b.EndsAt > fromUtc && b.StartsAt < toUtc && Booking.Active.Contains(b.Status))
            .OrderBy(b => b.StartsAt)
            .ToListAsync(cancellationToken);
    }

    private static List<(int Index, Interval Requested, Booking Taken)> Conflicts(IReadOnlyList<Interval> intervals, IReadOnlyList<Booking> active)
    {
        var conflicts = new List<(int, Interval, Booking)>();
        for (var i = 0; i < intervals.Count; i++)
        {
            var taken = active.FirstOrDefault(b => b.StartsAt < intervals[i].End && intervals[i].Start < b.EndsAt);
            if (taken is not null)
            {
                conflicts.Add((i, intervals[i], taken));
            }
        }

        return conflicts;
    }

    public static ConflictException SlotTaken(IReadOnlyList<(int Index, Interval Requested, Booking Taken)> conflicts, bool series)
    {
        var first = conflicts[0].Taken;
        var list = conflicts.Select(c => new Dictionary<string, object?>
        {
            ["occurrence"] = c.Index,
            ["start"] = AdjustableClock.ToChina(c.Requested.Start),
            ["end"] = AdjustableClock.ToChina(c.Requested.End),
            ["conflictingStart"] = AdjustableClock.ToChina(c.Taken.StartsAt),
            ["conflictingEnd"] = AdjustableClock.ToChina(c.Taken.EndsAt),
        }).ToList();
        var extensions = new Dictionary<string, object?>
        {
            ["conflictingStart"] = AdjustableClock.ToChina(first.StartsAt),
            ["conflictingEnd"] = AdjustableClock.ToChina(first.EndsAt),
            ["conflicts"] = list,
        };
        var interval = $"{Beijing(first.StartsAt)} – {Beijing(first.EndsAt)} (Beijing time)";
        return series
            ? new ConflictException("series_conflicts", $"{conflicts.Count} occurrence(s) of the series overlap bookings, the first {interval}; nothing was booked.", extensions)
            : new ConflictException("slot_taken", $"The instrument is booked {interval}.", extensions);
    }

    private static string Beijing(DateTimeOffset instant) => AdjustableClock.ToChina(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private Booking NewBooking(Instrument instrument, Guid organizationId, PriceGroup group, Interval interval, string purpose, Guid? seriesId, DateTimeOffset now)
    {
        var own = organizationId == instrument.OwnerOrganizationId;
        return new Booking
        {
            InstrumentId = instrument.Id,
            OrganizationId = organizationId,
            UserId = access.UserId,
            StartsAt = interval.Start,
            EndsAt = interval.End,
            Purpose = purpose,
            Status = own || !instrument.Rules.ApprovalRequired ? BookingStatus.Approved : BookingStatus.Requested,
            PriceGroup = group,
            EstimatedFeeFen = FeeCalculator.FeeFor(instrument.Rates, group, interval.End - interval.Start),
            SeriesId = seriesId,
            CreatedAt = now,
        };
    }

    private async Task NotifyOwnerAsync(Instrument instrument, List<Booking> bookings, CancellationToken cancellationToken)
    {
        var waiting = bookings.Count(b => b.Status == BookingStatus.Requested);
        if (waiting == 0)
        {
            return;
        }

        foreach (var userId in await facts.MemberUserIdsAsync(instrument.OwnerOrganizationId, cancellationToken))
        {
            notifier.Notify(userId, "instrument.booking-requested", $"仪器预约待审批：{instrument.Name}",
                $"{waiting} 个预约时段等待审批，第一个时段开始于 {Beijing(bookings[0].StartsAt)}（北京时间）。", "/Instruments/Owner");
        }
    }

    // Saves the unit of work; the database's refusal of an overlap becomes the same 409 as the check above, naming
    // what now holds the slot. Contention (SQLite busy, PostgreSQL serialization) stays the platform's 503 + Retry-After.
    // Two overlapping inserts at the same moment may each wait for the other (PostgreSQL then aborts one as a deadlock):
    // nothing of ours committed and the tracker still holds it, so it is saved again and now waits for the other's
    // outcome — a booking or a clean refusal, not a busy answer.
    public async Task SaveAsync(Guid instrumentId, IReadOnlyList<Interval> intervals, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SaveOnceAsync(instrumentId, intervals, cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < 4 && e is not ConflictException && Problem.IsContention(e))
            {
            }
        }
    }

    private async Task SaveOnceAsync(Guid instrumentId, IReadOnlyList<Interval> intervals, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (IsOverlapRefusal(e))
        {
            // The tracker is left as it is: the idempotency middleware looks at its own record there.
            var from = intervals.Min(i => i.Start);
            var to = intervals.Max(i => i.End);
            var active = await ActiveBetweenAsync(db, instrumentId, from, to, cancellationToken);
            var conflicts = Conflicts(intervals, active);
            if (conflicts.Count == 0)
            {
                // The winner was cancelled again in between: still a conflict of the moment, the client may retry.
                throw new ConflictException("slot_taken", "The slot was taken at the same moment; try again.");
            }

            throw SlotTaken(conflicts, intervals.Count > 1);
        }
    }

    public static bool IsOverlapRefusal(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.ExclusionViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains(InstrumentsDatabaseObjects.OverlapMessage, StringComparison.Ordinal),
        _ => false,
    };

    public static BookingResponse Respond(Booking b, Instrument instrument) => Respond(b, instrument.Name);

    public static BookingResponse Respond(Booking b, string instrumentName) => new(
        b.Id, b.InstrumentId, instrumentName, b.Kind == BookingKind.Maintenance ? "maintenance" : "booking", b.OrganizationId,
        AdjustableClock.ToChina(b.StartsAt), AdjustableClock.ToChina(b.EndsAt), b.Purpose, CatalogCodes.Code(b.Status), CatalogCodes.Code(b.PriceGroup),
        b.EstimatedFeeFen, b.ChargedFeeFen, b.SeriesId, b.Reason, China(b.CheckedInAt), China(b.CompletedAt), China(b.CancelledAt), b.CancellationFeeFen,
        China(b.ReleasedAt), AdjustableClock.ToChina(b.CreatedAt));

    private static DateTimeOffset? China(DateTimeOffset? instant) => instant is { } i ? AdjustableClock.ToChina(i) : null;
}

internal static class BookInstrumentEndpoints
{
    public static RouteGroupBuilder MapBookInstrument(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/bookings", async Task<Microsoft.AspNetCore.Http.HttpResults.Created<BookingResponse>> (Guid id, BookingRequest request, BookInstrumentHandler desk, CancellationToken ct) =>
            {
                var response = await desk.BookAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/instrument-bookings/{response.Id}", response);
            })
            .RequireAuthorization()
            .RequireIdempotencyKey()
            .WithName("BookInstrument")
            .WithSummary("Books [start, end) for the acting organization: 201 with the booking (approved, or requested where the owner approves), 400 naming each broken booking rule, 409 naming the interval taken, 503 with Retry-After under contention.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/{id:guid}/series", async Task<Microsoft.AspNetCore.Http.HttpResults.Created<SeriesResponse>> (Guid id, SeriesRequest request, BookInstrumentHandler desk, CancellationToken ct) =>
            {
                var response = await desk.BookSeriesAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/instrument-bookings/mine", response);
            })
            .RequireAuthorization()
            .RequireIdempotencyKey()
            .WithName("BookInstrumentSeries")
            .WithSummary("Books a daily or weekly series (up to one year) all or nothing: 400 names each occurrence that breaks a rule, 409 lists every occurrence that overlaps a booking.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }
}
