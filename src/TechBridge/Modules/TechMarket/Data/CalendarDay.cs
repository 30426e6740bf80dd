using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.TechMarket.Data;

internal enum CalendarDayKind
{
    // A day off by the State Council's notice (weekend days inside a holiday period included).
    Holiday = 1,

    // 调休: a Saturday or Sunday that is a working day.
    MakeUpWorkday = 2,
}

// One exceptional day of the official calendar; every other day is a working day Monday to Friday.
internal sealed class CalendarDay
{
    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    public required string Name { get; set; }
}

// A year the calendar covers: its days were published and loaded. Deadlines never run into a year missing here.
internal sealed class CalendarYear
{
    public int Year { get; set; }

    // "shipped" (Data/calendar) or the admin's note of the notice it was entered from.
    public required string Source { get; set; }

    public Guid? AddedByUserId { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("TechMarket_CalendarDays", t => t.HasCheckConstraint("CK_TechMarket_CalendarDays_Kind", "\"Kind\" IN (1, 2)"));
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(100);
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> builder)
    {
        builder.ToTable("TechMarket_CalendarYears");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Source).HasMaxLength(300);
    }
}
