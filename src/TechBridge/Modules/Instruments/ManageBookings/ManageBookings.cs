using System.Globalization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Instruments.BookInstrument;
using TechBridge.Modules.Instruments.BrowseCatalog;
using TechBridge.Modules.Instruments.Data;
using TechBridge.Modules.Instruments.Fees;
using TechBridge.Platform.Notifications;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Instruments.ManageBookings;

internal sealed record ReasonRequest(string? Reason);

internal sealed record MaintenanceRequest(DateTimeOffset? Start, DateTimeOffset? End, string? Reason);

internal sealed record MaintenanceResponse(BookingResponse Block, IReadOnlyList<BookingResponse> CancelledBookings);

// Owner and booker views of bookings, and the steps after booking: the owner approves or rejects (with a reason) and
// blocks time for maintenance (cancelling and notifying every booking in the way); the booker cancels (inside the
// cancellation window the fee applies), checks in and finishes. Each step is a conditional update on Status (409 for
// the loser of a race or a step from the wrong state).
internal sealed class ManageBookingsHandler(PlatformDbContext db, IAccess access, IOrganizationFacts facts, BookInstrumentHandler booking, Notifier notifier, TimeProvider clock)
{
    // A booking may be checked in this long before its start.
    public static readonly TimeSpan EarlyCheckIn = TimeSpan.FromMinutes(15);

    private const int MaxRows = 500;

    // The caller's own bookings, newest first.
    public async Task<IReadOnlyList<BookingResponse>> MineAsync(CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        var rows = await (from b in db.Set<Booking>().AsNoTracking()
                          join i in db.Set<Instrument>().AsNoTracking() on b.InstrumentId equals i.Id
                          where b.UserId == userId && b.Kind == BookingKind.Booking
                          orderby b.StartsAt descending
                          select new { b, i.Name }).Take(MaxRows).ToListAsync(cancellationToken);
        return rows.Select(r => BookInstrumentHandler.Respond(r.b, r.Name)).ToList();
    }

    // Bookings of the acting organization's instruments: status "requested" is the approval queue; "no-show" lists
    // what the release job released.
    public async Task<IReadOnlyList<BookingResponse>> OwnedAsync(string? status, CancellationToken cancellationToken)
    {
        var ownerId = access.ActingOrganizationId;
        await access.RequireMemberAsync(ownerId, cancellationToken: cancellationToken);
        BookingStatus? wanted = null;
        if (status is { Length: > 0 })
        {
            wanted = Enum.GetValues<BookingStatus>().Where(s => CatalogCodes.Code(s) == status).Select(s => (BookingStatus?)s).FirstOrDefault();
            if (wanted is null)
            {
                throw InvalidRequestException.For("status", "unknown", "Choose a booking status from the list.");
            }
        }

        var query = from b in db.Set<Booking>().AsNoTracking()
                    join i in db.Set<Instrument>().AsNoTracking() on b.InstrumentId equals i.Id
                    where i.OwnerOrganizationId == ownerId
                    select new { b, i.Name };
        if (wanted is { } s)
        {
            query = query.Where(r => r.b.Status == s);
        }

        var rows = wanted == BookingStatus.Requested
            ? await query.OrderBy(r => r.b.StartsAt).Take(MaxRows).ToListAsync(cancellationToken)
            : await query.OrderByDescending(r => r.b.StartsAt).Take(MaxRows).ToListAsync(cancellationToken);
        return rows.Select(r => BookInstrumentHandler.Respond(r.b, r.Name)).ToList();
    }

    public async Task<BookingResponse> ApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        var (b, instrument) = await ForOwnerAsync(id, cancellationToken);
        Require(b, "not_awaiting_approval", "Only a requested booking can be approved.", BookingStatus.Requested);
        b.Status = BookingStatus.Approved;
        Decide(b);
        Tell(b.UserId, "instrument.booking-approved", $"仪器预约已批准：{instrument.Name}", $"{Slot(b)} 的预约已批准。");
        await SaveAsync(cancellationToken);
        return BookInstrumentHandler.Respond(b, instrument);
    }

    public async Task<BookingResponse> RejectAsync(Guid id, ReasonRequest request, CancellationToken cancellationToken)
    {
        new Validation().Required("reason", request.Reason).MaxLength("reason", request.Reason, 1000).ThrowIfInvalid();
        var (b, instrument) = await ForOwnerAsync(id, cancellationToken);
        Require(b, "not_awaiting_approval", "Only a requested booking can be rejected.", BookingStatus.Requested);
        b.Status = BookingStatus.Rejected;
        b.Reason = request.Reason!.Trim();
        Decide(b);
        Tell(b.UserId, "instrument.booking-rejected", $"仪器预约未获批准：{instrument.Name}", $"{Slot(b)} 的预约未获批准。原因：{b.Reason}");
        await SaveAsync(cancellationToken);
        return BookInstrumentHandler.Respond(b, instrument);
    }

    // The booker (or a member of the booking organization) cancels before the start; inside the cancellation window
    // the instrument's cancellation fee is recorded on the booking.
    public async Task<BookingResponse> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        var (b, instrument) = await ForBookerAsync(id, cancellationToken);
        Require(b, "not_cancellable", "Only a requested or approved booking can be cancelled.", BookingStatus.Requested, BookingStatus.Approved);
        var now = clock.GetUtcNow();
        if (now >= b.StartsAt)
        {
            throw new ConflictException("already_started", "The booking has started; it can no longer be cancelled.");
        }

        // A request the owner never approved costs nothing to withdraw.
        var late = b.Status == BookingStatus.Approved && b.StartsAt - now < TimeSpan.FromHours(instrument.Rules.CancellationWindowHours);
        b.Status = BookingStatus.Cancelled;
        b.CancelledAt = now;
        b.CancellationFeeFen = late ? instrument.Rules.CancellationFeeFen : 0;
        await SaveAsync(cancellationToken);
        return BookInstrumentHandler.Respond(b, instrument);
    }

    public async Task<BookingResponse> CheckInAsync(Guid id, CancellationToken cancellationToken)
    {
        var (b, instrument) = await ForBookerAsync(id, cancellationToken);
        Require(b, "not_approved", "Only an approved booking can be checked in.", BookingStatus.Approved);
        var now = clock.GetUtcNow();
        if (now < b.StartsAt - EarlyCheckIn || now >= b.EndsAt)
        {
            throw new ConflictException("check_in_not_open", "Check-in opens 15 minutes before the start and closes at the end.");
        }

        b.Status = BookingStatus.InUse;
        b.CheckedInAt = now;
        await SaveAsync(cancellationToken);
        return BookInstrumentHandler.Respond(b, instrument);
    }

    // Ends the use: records the actual end and charges by the instrument's fee mode.
    public async Task<BookingResponse> CompleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var b = await db.Set<Booking>().FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw new NotFoundException("The booking");
        var instrument = await db.Set<Instrument>().AsNoTracking().Include(i => i.Rates).FirstAsync(i => i.Id == b.InstrumentId, cancellationToken);
        if (!await IsMemberAsync(b.OrganizationId, cancellationToken) && !await IsMemberAsync(instrument.OwnerOrganizationId, cancellationToken))
        {
            throw new NotFoundException("The booking");
        }

        Require(b, "not_in_use", "Only a booking in use can be finished.", BookingStatus.InUse);
        var now = clock.GetUtcNow();
        b.Status = BookingStatus.Completed;
        b.CompletedAt = now;
        b.ChargedFeeFen = FeeCalculator.ChargeFor(instrument.FeeMode, instrument.Rates, b.PriceGroup, b.StartsAt, b.EndsAt, b.CheckedInAt, now);
        await SaveAsync(cancellationToken);
        return BookInstrumentHandler.Respond(b, instrument);
    }

    // The owner blocks time for maintenance: bookings in the way are cancelled and their users told, and the block
    // holds the slot like a booking. One transaction: the cancellations are written before the block, so the
    // database's overlap rule sees them gone.
    public async Task<MaintenanceResponse> BlockForMaintenanceAsync(Guid instrumentId, MaintenanceRequest request, CancellationToken cancellationToken)
    {
        var instrument = await db.Set<Instrument>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == instrumentId, cancellationToken) ?? throw new NotFoundException("The instrument");
        await access.RequireMemberAsync(instrument.OwnerOrganizationId, cancellationToken: cancellationToken);
        var v = new Validation().Required("reason", request.Reason).MaxLength("reason", request.Reason, 1000);
        if (request.Start is null)
        {
            v.Add("start", "required", "The start is required.");
        }

        if (request.End is null)
        {
            v.Add("end", "required", "The end is required.");
        }
        else if (request.Start is { } s && request.End <= s)
        {
            v.Add("end", "endAfterStart", "The end must be after the start.");
        }

        v.ThrowIfInvalid();
        var start = request.Start!.Value.ToUniversalTime();
        var end = request.End!.Value.ToUniversalTime();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var affected = await db.Set<Booking>()
            .Where(b => b.InstrumentId == instrumentId && b.EndsAt > start && b.StartsAt < end && Booking.Active.Contains(b.Status))
            .ToListAsync(cancellationToken);
        if (affected.Any(b => b.Status == BookingStatus.InUse || b.Kind == BookingKind.Maintenance))
        {
            throw new ConflictException("maintenance_overlaps_use", "The instrument is in use or already blocked for maintenance in that time.");
        }

        foreach (var b in affected)
        {
            b.Status = BookingStatus.Cancelled;
            b.CancelledAt = now;
            b.CancellationFeeFen = 0;
            b.Reason = $"维护：{request.Reason!.Trim()}";
            Tell(b.UserId, "instrument.maintenance", $"仪器维护，预约已取消：{instrument.Name}", $"{Slot(b)} 的预约因仪器维护被取消（{request.Reason!.Trim()}），不收取费用，请另选时段。");
        }

        await SaveAsync(cancellationToken);
        var block = new Booking
        {
            InstrumentId = instrumentId,
            Kind = BookingKind.Maintenance,
            OrganizationId = instrument.OwnerOrganizationId,
            UserId = access.UserId,
            StartsAt = start,
            EndsAt = end,
            Purpose = request.Reason!.Trim(),
            Status = BookingStatus.Approved,
            PriceGroup = PriceGroup.Internal,
            CreatedAt = now,
        };
        db.Add(block);
        await booking.SaveAsync(instrumentId, [new Interval(start, end)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MaintenanceResponse(BookInstrumentHandler.Respond(block, instrument), affected.Select(b => BookInstrumentHandler.Respond(b, instrument)).ToList());
    }

    private async Task<(Booking Booking, Instrument Instrument)> ForOwnerAsync(Guid id, CancellationToken cancellationToken)
    {
        var b = await db.Set<Booking>().FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw new NotFoundException("The booking");
        var instrument = await db.Set<Instrument>().AsNoTracking().FirstAsync(i => i.Id == b.InstrumentId, cancellationToken);
        if (!await IsMemberAsync(instrument.OwnerOrganizationId, cancellationToken))
        {
            // The booker may see its booking but not decide it; everyone else does not see it at all.
            if (await IsMemberAsync(b.OrganizationId, cancellationToken))
            {
                throw new ForbiddenException("Only the instrument's owner decides on bookings.");
            }

            throw new NotFoundException("The booking");
        }

        return (b, instrument);
    }

    private async Task<(Booking Booking, Instrument Instrument)> ForBookerAsync(Guid id, CancellationToken cancellationToken)
    {
        var b = await db.Set<Booking>().FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw new NotFoundException("The booking");
        if (b.UserId != access.UserId && !await IsMemberAsync(b.OrganizationId, cancellationToken))
        {
            throw new NotFoundException("The booking");
        }

        var instrument = await db.Set<Instrument>().AsNoTracking().FirstAsync(i => i.Id == b.InstrumentId, cancellationToken);
        return (b, instrument);
    }

    private async Task<bool> IsMemberAsync(Guid organizationId, CancellationToken cancellationToken) =>
        (await facts.MembershipsOfAsync(access.UserId, cancellationToken)).Any(m => m.Id == organizationId);

    private static void Require(Booking b, string code, string message, params BookingStatus[] allowed)
    {
        if (!allowed.Contains(b.Status))
        {
            throw new ConflictException(code, message);
        }
    }

    private void Decide(Booking b)
    {
        b.DecidedAt = clock.GetUtcNow();
        b.DecidedByUserId = access.UserId;
    }

    private void Tell(Guid userId, string kind, string title, string body) => notifier.Notify(userId, kind, title, body, "/Instruments/Mine");

    private static string Slot(Booking b) =>
        $"{AdjustableClock.ToChina(b.StartsAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}–{AdjustableClock.ToChina(b.EndsAt).ToString("HH:mm", CultureInfo.InvariantCulture)}";

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (BookInstrumentHandler.IsOverlapRefusal(e))
        {
            throw new ConflictException("slot_taken", "Another booking holds this time now.");
        }
    }
}

internal static class ManageBookingsEndpoints
{
    public static RouteGroupBuilder MapManageBookings(this RouteGroupBuilder group)
    {
        group.MapGet("/mine", async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<IReadOnlyList<BookingResponse>>> (ManageBookingsHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.MineAsync(ct)))
            .WithName("ListMyInstrumentBookings")
            .WithSummary("The caller's instrument bookings, newest first.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/owned", async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<IReadOnlyList<BookingResponse>>> (string? status, ManageBookingsHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.OwnedAsync(status, ct)))
            .WithName("ListOwnedInstrumentBookings")
            .WithSummary("Bookings of the acting organization's instruments; status=requested is the approval queue, status=no-show the released ones.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        Step(group, "approve", "ApproveInstrumentBooking", "The owner approves a requested booking.", (desk, id, _, ct) => desk.ApproveAsync(id, ct));
        group.MapPost("/{id:guid}/reject", async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<BookingResponse>> (Guid id, ReasonRequest request, ManageBookingsHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.RejectAsync(id, request, ct)))
            .WithName("RejectInstrumentBooking")
            .WithSummary("The owner rejects a requested booking, giving the reason.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        Step(group, "cancel", "CancelInstrumentBooking", "The booker cancels before the start; inside the cancellation window the fee is recorded.", (desk, id, _, ct) => desk.CancelAsync(id, ct));
        Step(group, "check-in", "CheckInInstrumentBooking", "The booker checks in (from 15 minutes before the start until the end).", (desk, id, _, ct) => desk.CheckInAsync(id, ct));
        Step(group, "complete", "CompleteInstrumentBooking", "The booker or the owner ends the use; the fee is charged by the instrument's fee mode.", (desk, id, _, ct) => desk.CompleteAsync(id, ct));
        return group;
    }

    private static void Step(RouteGroupBuilder group, string verb, string name, string summary, Func<ManageBookingsHandler, Guid, object?, CancellationToken, Task<BookingResponse>> step) =>
        group.MapPost($"/{{id:guid}}/{verb}", async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<BookingResponse>> (Guid id, ManageBookingsHandler desk, CancellationToken ct) => TypedResults.Ok(await step(desk, id, null, ct)))
            .WithName(name)
            .WithSummary(summary)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public static RouteGroupBuilder MapMaintenance(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/maintenance", async Task<Microsoft.AspNetCore.Http.HttpResults.Created<MaintenanceResponse>> (Guid id, MaintenanceRequest request, ManageBookingsHandler desk, CancellationToken ct) =>
            {
                var response = await desk.BlockForMaintenanceAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/instruments/{id}/week", response);
            })
            .RequireAuthorization()
            .WithName("BlockInstrumentForMaintenance")
            .WithSummary("The owner blocks [start, end) for maintenance; bookings in the way are cancelled without fee and their users notified.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }
}
