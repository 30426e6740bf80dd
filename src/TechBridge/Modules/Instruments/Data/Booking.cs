using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Instruments.Data;

// requested → approved → in use → completed, or cancelled / rejected (with a reason) / no-show. Requested, approved
// and in-use bookings are "active": they hold their slot, and the database refuses two active ones of one instrument
// that overlap (InstrumentsDatabaseObjects).
internal enum BookingStatus
{
    Requested = 1,
    Approved = 2,
    InUse = 3,
    Completed = 4,
    Cancelled = 5,
    Rejected = 6,
    NoShow = 7,
}

// A maintenance block is a row of the same table, so the same database rule keeps bookings out of it.
internal enum BookingKind
{
    Booking = 1,
    Maintenance = 2,
}

// A booking of an instrument over the half-open interval [StartsAt, EndsAt), instants in UTC.
internal sealed class Booking
{
    public static readonly BookingStatus[] Active = [BookingStatus.Requested, BookingStatus.Approved, BookingStatus.InUse];

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid InstrumentId { get; set; }

    public BookingKind Kind { get; set; } = BookingKind.Booking;

    // The organization the booking was made for (its price group follows it) and the user who made it.
    public Guid OrganizationId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public required string Purpose { get; set; }

    // Concurrency token: every state change is a conditional update (409 for the loser of a race).
    public BookingStatus Status { get; set; }

    public PriceGroup PriceGroup { get; set; }

    // The fee by the instrument's rules at booking time (reserved duration); the charged fee once completed.
    public long EstimatedFeeFen { get; set; }

    public long? ChargedFeeFen { get; set; }

    // The occurrences of one recurring series share it.
    public Guid? SeriesId { get; set; }

    // Why it was rejected, cancelled (a maintenance block names itself) or released.
    public string? Reason { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public DateTimeOffset? CheckedInAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public long? CancellationFeeFen { get; set; }

    // Set by the no-show release job.
    public DateTimeOffset? ReleasedAt { get; set; }

    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsActive => Active.Contains(Status);
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("Instruments_Bookings", t => t.HasCheckConstraint("CK_Instruments_Bookings_Interval", "\"EndsAt\" > \"StartsAt\""));
        builder.Property(b => b.Purpose).HasMaxLength(1000);
        builder.Property(b => b.Reason).HasMaxLength(1000);
        builder.Property(b => b.Status).IsConcurrencyToken();
        builder.HasOne<Instrument>().WithMany().HasForeignKey(b => b.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        // The week view and the overlap checks ask "ends after the week starts" on one instrument: with many past
        // bookings, EndsAt is the selective bound.
        builder.HasIndex(b => new { b.InstrumentId, b.EndsAt });
        builder.HasIndex(b => new { b.Status, b.StartsAt });
        builder.HasIndex(b => b.UserId);
        builder.HasIndex(b => b.OrganizationId);
        builder.HasIndex(b => b.SeriesId);
    }
}
