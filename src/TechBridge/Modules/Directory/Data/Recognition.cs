using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Directory.Data;

internal enum RecognitionLevel
{
    National = 1,
    Provincial = 2,
    City = 3,
}

internal enum RecognitionStatus
{
    // Added by the organization; counts only once an admin of its jurisdiction confirms it.
    Pending = 1,
    Confirmed = 2,
    Revoked = 3,
}

// A qualification an organization holds (高新技术企业, CMA, 孵化器 ...): one record type, the kind is a code from
// Data/reference/recognition-kinds.csv.
internal sealed class Recognition
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public required string KindCode { get; set; }

    public RecognitionLevel Level { get; set; }

    public required string Authority { get; set; }

    public required string CertificateNumber { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly? ValidUntil { get; set; }

    public RecognitionStatus Status { get; set; } = RecognitionStatus.Pending;

    public Guid? AddedBy { get; set; }

    public Guid? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? RevocationReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    // Set when the expiry reminder went out, so that it goes out once.
    public DateTimeOffset? ExpiryRemindedAt { get; set; }

    public bool IsDemo { get; set; }
}

internal sealed class RecognitionConfiguration : IEntityTypeConfiguration<Recognition>
{
    public void Configure(EntityTypeBuilder<Recognition> builder)
    {
        builder.ToTable("Directory_Recognitions");
        builder.Property(r => r.KindCode).HasMaxLength(48);
        builder.Property(r => r.Authority).HasMaxLength(200);
        builder.Property(r => r.CertificateNumber).HasMaxLength(64);
        builder.Property(r => r.RevocationReason).HasMaxLength(500);
        // One certificate is recorded once per organization.
        builder.HasIndex(r => new { r.OrganizationId, r.KindCode, r.CertificateNumber }).IsUnique();
        builder.HasIndex(r => new { r.KindCode, r.Status });
        builder.HasIndex(r => new { r.Status, r.ValidUntil });
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
