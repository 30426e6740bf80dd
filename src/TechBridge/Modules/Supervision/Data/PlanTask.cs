using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Supervision.Data;

internal enum UnitRole
{
    // 牵头: the first unit the plan names for a task.
    Lead = 1,

    // 配合: the units named after it.
    CoResponsible = 2,
}

// A task of the plan's 三、重点任务 (Number like 三（一）1), or a city's part of one (ParentId set, RegionCode a city):
// 省、市协调推进.
internal sealed class PlanTask
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid? ParentId { get; set; }

    public required string Number { get; set; }

    public required string SectionZh { get; set; }

    public required string TitleZh { get; set; }

    public required string TitleEn { get; set; }

    // Null for the province-wide task; a city code (4 digits) for a city sub-task.
    public string? RegionCode { get; set; }

    // KPI codes the task's progress speaks to, separated by ';'.
    public string? KpiCodes { get; set; }

    public int SortOrder { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<TaskUnit> Units { get; set; } = [];

    public List<Milestone> Milestones { get; set; } = [];
}

internal sealed class TaskUnit
{
    public Guid TaskId { get; set; }

    public Guid OrganizationId { get; set; }

    public UnitRole Role { get; set; }

    // The unit as the plan's text names it (省科技厅).
    public required string NameInPlan { get; set; }
}

internal sealed class Milestone
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TaskId { get; set; }

    public required string Title { get; set; }

    public DateOnly DueOn { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    // Set when the overdue escalation went out, so that it goes out once.
    public DateTimeOffset? EscalatedAt { get; set; }
}

// A periodic progress report by a responsible agency.
internal sealed class ProgressReport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TaskId { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid ReportedBy { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public required string Text { get; set; }

    public int Percent { get; set; }

    public string? EvidenceSha256 { get; set; }

    public string? KpiCodes { get; set; }

    public Guid? CompletedMilestoneId { get; set; }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> builder)
    {
        builder.ToTable("Supervision_Tasks");
        builder.Property(t => t.Number).HasMaxLength(32);
        builder.Property(t => t.SectionZh).HasMaxLength(100);
        builder.Property(t => t.TitleZh).HasMaxLength(200);
        builder.Property(t => t.TitleEn).HasMaxLength(200);
        builder.Property(t => t.RegionCode).HasMaxLength(6);
        builder.Property(t => t.KpiCodes).HasMaxLength(300);
        // One plan task per number, and one sub-task per city of a task.
        builder.HasIndex(t => new { t.Number, t.RegionCode }).IsUnique();
        builder.HasOne<PlanTask>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Units).WithOne().HasForeignKey(u => u.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Milestones).WithOne().HasForeignKey(m => m.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskUnitConfiguration : IEntityTypeConfiguration<TaskUnit>
{
    public void Configure(EntityTypeBuilder<TaskUnit> builder)
    {
        builder.ToTable("Supervision_TaskUnits");
        builder.HasKey(u => new { u.TaskId, u.OrganizationId });
        builder.Property(u => u.NameInPlan).HasMaxLength(100);
        builder.HasIndex(u => u.OrganizationId);
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.ToTable("Supervision_Milestones");
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.HasIndex(m => new { m.CompletedAt, m.DueOn });
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.ToTable("Supervision_Reports", t => t.HasCheckConstraint("CK_Supervision_Reports_Percent", "\"Percent\" BETWEEN 0 AND 100"));
        builder.Property(r => r.Text).HasMaxLength(4000);
        builder.Property(r => r.EvidenceSha256).HasMaxLength(64);
        builder.Property(r => r.KpiCodes).HasMaxLength(300);
        builder.HasIndex(r => new { r.TaskId, r.ReportedAt });
        builder.HasOne<PlanTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
