using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Instruments.Data;

internal enum InstrumentStatus
{
    InUse = 1,
    Maintenance = 2,
    Idle = 3,
    Retired = 4,
}

// What a booking is charged for (as NUcore does): the reserved time, the time actually used, or the reserved time
// plus any use beyond its end.
internal enum FeeMode
{
    PerReservation = 1,
    PerUse = 2,
    ReservationPlusOverage = 3,
}

// Price groups: the owner's own people, other universities and institutes, and enterprises (everyone else).
internal enum PriceGroup
{
    Internal = 1,
    ExternalAcademic = 2,
    Enterprise = 3,
}

// A large research instrument (大型科研仪器) of an owner organization, with its booking rules and fee standard.
internal sealed class Instrument
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OwnerOrganizationId { get; set; }

    public required string Name { get; set; }

    public required string Model { get; set; }

    public required string Manufacturer { get; set; }

    public required string CategoryCode { get; set; }

    public long OriginalValueFen { get; set; }

    public DateOnly PurchaseDate { get; set; }

    public required string FundingSourceCode { get; set; }

    // County-level region code and the street address of the lab.
    public required string RegionCode { get; set; }

    public required string Address { get; set; }

    public InstrumentStatus Status { get; set; } = InstrumentStatus.InUse;

    public bool OpenForExternalUse { get; set; }

    // Names of the technicians who run it, separated by "、" (shown as a list).
    public string Technicians { get; set; } = "";

    public bool Specialised { get; set; }

    public int RatedHoursPerYear { get; set; }

    public string? RequiredTraining { get; set; }

    public string? Description { get; set; }

    public BookingRules Rules { get; set; } = new();

    public FeeMode FeeMode { get; set; } = FeeMode.PerReservation;

    public int DepreciationYears { get; set; } = 5;

    public long ConsumablesPerHourFen { get; set; }

    public List<FeeRate> Rates { get; set; } = [];

    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

// The instrument's booking rules, as columns of its row.
internal sealed class BookingRules
{
    public int MinDurationMinutes { get; set; } = 30;

    public int MaxDurationMinutes { get; set; } = 480;

    public int MinNoticeMinutes { get; set; } = 60;

    public int MaxAdvanceDays { get; set; } = 60;

    public int BufferMinutes { get; set; }

    // Cancelling less than this many hours before the start costs the cancellation fee.
    public int CancellationWindowHours { get; set; } = 24;

    public long CancellationFeeFen { get; set; }

    // Bookings of other organizations wait for the owner's approval.
    public bool ApprovalRequired { get; set; } = true;

    public bool ExternalBookingAllowed { get; set; } = true;
}

// One step of a price group's rate: from FromMinutes of a booking's duration on, each hour costs HourlyFen (duration
// step rates: e.g. the first 4 hours at one rate, beyond at a lower one).
internal sealed class FeeRate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid InstrumentId { get; set; }

    public PriceGroup PriceGroup { get; set; }

    public int FromMinutes { get; set; }

    public long HourlyFen { get; set; }
}

internal sealed class InstrumentConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> builder)
    {
        builder.ToTable("Instruments_Instruments", t =>
        {
            t.HasCheckConstraint("CK_Instruments_Instruments_Value", "\"OriginalValueFen\" > 0");
            t.HasCheckConstraint("CK_Instruments_Instruments_Durations", "\"Rules_MinDurationMinutes\" > 0 AND \"Rules_MaxDurationMinutes\" >= \"Rules_MinDurationMinutes\"");
        });
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Model).HasMaxLength(200);
        builder.Property(i => i.Manufacturer).HasMaxLength(200);
        builder.Property(i => i.CategoryCode).HasMaxLength(40);
        builder.Property(i => i.FundingSourceCode).HasMaxLength(40);
        builder.Property(i => i.RegionCode).HasMaxLength(12);
        builder.Property(i => i.Address).HasMaxLength(300);
        builder.Property(i => i.Technicians).HasMaxLength(500);
        builder.Property(i => i.RequiredTraining).HasMaxLength(1000);
        builder.Property(i => i.Description).HasMaxLength(4000);
        builder.OwnsOne(i => i.Rules);
        builder.HasMany(i => i.Rates).WithOne().HasForeignKey(r => r.InstrumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.OwnerOrganizationId);
        builder.HasIndex(i => i.RegionCode);
    }
}

internal sealed class FeeRateConfiguration : IEntityTypeConfiguration<FeeRate>
{
    public void Configure(EntityTypeBuilder<FeeRate> builder)
    {
        builder.ToTable("Instruments_FeeRates", t => t.HasCheckConstraint("CK_Instruments_FeeRates_Positive", "\"HourlyFen\" >= 0 AND \"FromMinutes\" >= 0"));
        builder.HasIndex(r => new { r.InstrumentId, r.PriceGroup, r.FromMinutes }).IsUnique();
    }
}
