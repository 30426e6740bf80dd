using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Listings.Data;

internal enum ImportMode
{
    // The default: one bad row and nothing is imported.
    AllOrNothing = 1,
    // Good rows are imported (as drafts), bad rows are reported and left out.
    SkipBadRows = 2,
}

internal enum ImportStatus
{
    Queued = 1,
    Running = 2,
    Completed = 3,
    Failed = 4,
}

// A bulk import of achievements; the page polls it for progress and shows the row-level error report.
internal sealed class ImportJob
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid UserId { get; set; }

    public required string FileName { get; set; }

    public ImportMode Mode { get; set; }

    public ImportStatus Status { get; set; } = ImportStatus.Queued;

    public int Total { get; set; }

    public int Processed { get; set; }

    public int Imported { get; set; }

    public int ErrorCount { get; set; }

    // The uploaded rows (JSON) until the import finishes: a job interrupted by a restart runs again from them.
    public string? PendingRows { get; set; }

    // JSON array of {row, field, rule, message}; the first 1,000 errors.
    public string Errors { get; set; } = "[]";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("Listings_ImportJobs");
        builder.Property(j => j.FileName).HasMaxLength(260);
        builder.HasIndex(j => j.OrganizationId);
    }
}
