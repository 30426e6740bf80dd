using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Monitoring.Data;

internal enum KpiUnit
{
    Count = 1,
    Percent = 2,

    // 亿元: the sector's revenue target is stated in it.
    HundredMillionYuan = 3,

    // 万元: platform figures (vouchers paid out) are far below 亿元.
    TenThousandYuan = 4,

    // Machine-hours (instrument sharing).
    Hours = 5,
}

// How a value compares with its target: 达到 (at least) or 超过 (more than).
internal enum KpiComparison
{
    AtLeast = 1,
    MoreThan = 2,
}

// Where a KPI's value comes from.
internal enum KpiSourceKind
{
    // Computed live from platform data by the module that owns it (IIndicatorSource).
    Computed = 1,

    // An official statistics series whose definition is the KPI's.
    OfficialSeries = 2,

    // Reported by a responsible agency with evidence, confirmed by a province admin.
    Reported = 3,
}

// A KPI of the plan (发展目标) or one an admin added for a later plan. Indicator values are statistics (counts,
// ratios, 亿元 totals as published), not ledger amounts, so they are doubles.
internal sealed class Kpi
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Code { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public required string DefinitionZh { get; set; }

    public required string DefinitionEn { get; set; }

    public required string Formula { get; set; }

    public KpiUnit Unit { get; set; }

    public KpiComparison Comparison { get; set; }

    public KpiSourceKind SourceKind { get; set; }

    // The responsible units as the plan's text names them, separated by 、.
    public required string ResponsibleUnits { get; set; }

    // Where the plan states the target (e.g. 三（一）1), or the document an admin cited.
    public required string PlanReference { get; set; }

    // For a computed KPI: the live indicator (IndicatorKeys).
    public string? IndicatorKey { get; set; }

    // An official series shown beside the KPI as context (its definition differs), with the difference in words.
    public string? ContextSeriesCode { get; set; }

    public string? ContextNoteZh { get; set; }

    public string? ContextNoteEn { get; set; }

    // Why the value cannot be computed yet when no module provides the indicator.
    public string? PendingReasonZh { get; set; }

    public string? PendingReasonEn { get; set; }

    public int SortOrder { get; set; }

    public bool FromPlan { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<KpiTarget> Targets { get; set; } = [];
}

// A target for a year, with where it comes from.
internal sealed class KpiTarget
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid KpiId { get; set; }

    public int Year { get; set; }

    public double Value { get; set; }

    public required string Source { get; set; }

    public Guid? EnteredBy { get; set; }

    public DateTimeOffset EnteredAt { get; set; }
}

// A value reported by a responsible agency (or entered by an admin) with its source; counts once confirmed.
internal sealed class KpiValue
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid KpiId { get; set; }

    public int Year { get; set; }

    public double Value { get; set; }

    // Null for the province total; a city or county code for a part of it.
    public string? RegionCode { get; set; }

    public required string Source { get; set; }

    public string? EvidenceSha256 { get; set; }

    public Guid ReportedBy { get; set; }

    public Guid? ReportedForOrganizationId { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public Guid? ConfirmedBy { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }
}

// A qualitative goal of the plan for a year (the 2022 goals), tracked as a milestone.
internal sealed class PlanGoal
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Code { get; set; }

    public int Year { get; set; }

    public required string TextZh { get; set; }

    public required string TextEn { get; set; }

    // KPI codes whose figures speak to the goal, separated by ';'.
    public string? KpiCodes { get; set; }

    public int SortOrder { get; set; }
}

internal sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> builder)
    {
        builder.ToTable("Monitoring_Kpis");
        builder.Property(k => k.Code).HasMaxLength(64);
        builder.HasIndex(k => k.Code).IsUnique();
        builder.Property(k => k.NameZh).HasMaxLength(200);
        builder.Property(k => k.NameEn).HasMaxLength(200);
        builder.Property(k => k.DefinitionZh).HasMaxLength(2000);
        builder.Property(k => k.DefinitionEn).HasMaxLength(2000);
        builder.Property(k => k.Formula).HasMaxLength(500);
        builder.Property(k => k.ResponsibleUnits).HasMaxLength(300);
        builder.Property(k => k.PlanReference).HasMaxLength(200);
        builder.Property(k => k.IndicatorKey).HasMaxLength(100);
        builder.Property(k => k.ContextSeriesCode).HasMaxLength(64);
        builder.Property(k => k.ContextNoteZh).HasMaxLength(500);
        builder.Property(k => k.ContextNoteEn).HasMaxLength(500);
        builder.Property(k => k.PendingReasonZh).HasMaxLength(500);
        builder.Property(k => k.PendingReasonEn).HasMaxLength(500);
        builder.HasMany(k => k.Targets).WithOne().HasForeignKey(t => t.KpiId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KpiTargetConfiguration : IEntityTypeConfiguration<KpiTarget>
{
    public void Configure(EntityTypeBuilder<KpiTarget> builder)
    {
        builder.ToTable("Monitoring_KpiTargets", t => t.HasCheckConstraint("CK_Monitoring_KpiTargets_Year", "\"Year\" BETWEEN 2000 AND 2100"));
        builder.Property(t => t.Source).HasMaxLength(300);
        // One target per KPI and year: a later entry replaces it through the handler, never a second row.
        builder.HasIndex(t => new { t.KpiId, t.Year }).IsUnique();
    }
}

internal sealed class KpiValueConfiguration : IEntityTypeConfiguration<KpiValue>
{
    public void Configure(EntityTypeBuilder<KpiValue> builder)
    {
        builder.ToTable("Monitoring_KpiValues", t => t.HasCheckConstraint("CK_Monitoring_KpiValues_Value", "\"Value\" >= 0"));
        builder.Property(v => v.RegionCode).HasMaxLength(9);
        builder.Property(v => v.Source).HasMaxLength(300);
        builder.Property(v => v.EvidenceSha256).HasMaxLength(64);
        builder.HasIndex(v => new { v.KpiId, v.Year });
        builder.HasOne<Kpi>().WithMany().HasForeignKey(v => v.KpiId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanGoalConfiguration : IEntityTypeConfiguration<PlanGoal>
{
    public void Configure(EntityTypeBuilder<PlanGoal> builder)
    {
        builder.ToTable("Monitoring_PlanGoals");
        builder.Property(g => g.Code).HasMaxLength(64);
        builder.HasIndex(g => g.Code).IsUnique();
        builder.Property(g => g.TextZh).HasMaxLength(500);
        builder.Property(g => g.TextEn).HasMaxLength(500);
        builder.Property(g => g.KpiCodes).HasMaxLength(300);
    }
}
