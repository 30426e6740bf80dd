using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Directory.Data;

// An admin's permission for one module action, scoped to a jurisdiction (and therefore its children).
internal sealed class AdminGrant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required string Permission { get; set; }

    public required string JurisdictionCode { get; set; }
}

internal sealed class AdminGrantConfiguration : IEntityTypeConfiguration<AdminGrant>
{
    public void Configure(EntityTypeBuilder<AdminGrant> builder)
    {
        builder.ToTable("Directory_AdminGrants");
        builder.Property(g => g.Permission).HasMaxLength(64);
        builder.Property(g => g.JurisdictionCode).HasMaxLength(16);
        builder.HasIndex(g => new { g.UserId, g.Permission, g.JurisdictionCode }).IsUnique();
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
