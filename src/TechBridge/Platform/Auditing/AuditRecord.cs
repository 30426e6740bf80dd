using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Platform.Auditing;

// Append-only. Written in the same transaction as the change it describes; chained later (see AuditChainer) so
// that requests never contend for the chain tail.
internal sealed class AuditRecord
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    public Guid? OrganizationId { get; set; }

    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public required string Summary { get; set; }

    public string? ClientAddress { get; set; }

    // Position in the hash chain; null until chained.
    public long? ChainSequence { get; set; }

    public string? Hash { get; set; }
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("Platform_AuditRecords");
        builder.Property(r => r.Action).HasMaxLength(100);
        builder.Property(r => r.EntityType).HasMaxLength(100);
        builder.Property(r => r.EntityId).HasMaxLength(100);
        builder.Property(r => r.Summary).HasMaxLength(4000);
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Property(r => r.ClientAddress).HasMaxLength(64);
        builder.Property(r => r.Hash).HasMaxLength(64);
        builder.HasIndex(r => r.ChainSequence).IsUnique();
        builder.HasIndex(r => r.OccurredAt);
        builder.HasIndex(r => new { r.EntityType, r.EntityId });
    }
}
