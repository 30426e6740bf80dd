using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Directory.Data;

// Admission of a service institution (modelled on voucher-provider admission): review, 7-day public notice (公示),
// objections, decision; later suspension and reinstatement.
internal enum InstitutionState
{
    Submitted = 1,
    UnderReview = 2,
    PublicNotice = 3,
    Approved = 4,
    Rejected = 5,
    Suspended = 6,
}

internal sealed class InstitutionApplication
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public InstitutionState State { get; set; } = InstitutionState.Submitted;

    // Copied from the organization so that queues filter without a join and the notice board shows the region.
    public required string RegionCode { get; set; }

    public string? ServiceDescription { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    // Which review levels have passed ("city" after a city admin's first review, "province" after the final one).
    public string? FirstReviewedBy { get; set; }

    public DateTimeOffset? NoticeStartedAt { get; set; }

    public DateTimeOffset? NoticeEndsAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Reason { get; set; }

    // Bumped by every transition; transitions are conditional on it, so two admins cannot both act.
    public Guid Version { get; set; } = Guid.CreateVersion7();

    public List<InstitutionObjection> Objections { get; set; } = [];
}

internal sealed class InstitutionApplicationConfiguration : IEntityTypeConfiguration<InstitutionApplication>
{
    public void Configure(EntityTypeBuilder<InstitutionApplication> builder)
    {
        builder.ToTable("Directory_InstitutionApplications");
        builder.Property(a => a.RegionCode).HasMaxLength(6);
        builder.Property(a => a.ServiceDescription).HasMaxLength(2000);
        builder.Property(a => a.FirstReviewedBy).HasMaxLength(16);
        builder.Property(a => a.Reason).HasMaxLength(1000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.State, a.RegionCode });
        // One application per organization: resubmission after rejection reopens the same row.
        builder.HasIndex(a => a.OrganizationId).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Objections).WithOne().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal enum ObjectionStatus
{
    Open = 1,
    Upheld = 2,
    Dismissed = 3,
}

internal sealed class InstitutionObjection
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ApplicationId { get; set; }

    public Guid UserId { get; set; }

    public required string Reason { get; set; }

    public ObjectionStatus Status { get; set; } = ObjectionStatus.Open;

    public DateTimeOffset CreatedAt { get; set; }

    public string? Resolution { get; set; }
}

internal sealed class InstitutionObjectionConfiguration : IEntityTypeConfiguration<InstitutionObjection>
{
    public void Configure(EntityTypeBuilder<InstitutionObjection> builder)
    {
        builder.ToTable("Directory_InstitutionObjections");
        builder.Property(o => o.Reason).HasMaxLength(1000);
        builder.Property(o => o.Resolution).HasMaxLength(1000);
        builder.HasIndex(o => new { o.ApplicationId, o.Status });
    }
}
