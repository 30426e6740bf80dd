using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Directory.Data;

internal enum MembershipRequestStatus
{
    Open = 1,
    Approved = 2,
    Declined = 3,
}

// A user who found their organization already registered (duplicate credit code) asks its owners to let them in.
internal sealed class MembershipRequest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid UserId { get; set; }

    public string? Message { get; set; }

    public MembershipRequestStatus Status { get; set; } = MembershipRequestStatus.Open;

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}

internal sealed class MembershipRequestConfiguration : IEntityTypeConfiguration<MembershipRequest>
{
    public void Configure(EntityTypeBuilder<MembershipRequest> builder)
    {
        builder.ToTable("Directory_MembershipRequests");
        builder.Property(r => r.Message).HasMaxLength(500);
        builder.HasIndex(r => new { r.OrganizationId, r.Status });
        // One open request per user and organization, kept by the database: of 32 identical requests racing each other
        // one is stored, the others fail this index (409). A partial unique index; the filter's quoted identifier and
        // integer literal read the same on SQLite and PostgreSQL.
        builder.HasIndex(r => new { r.OrganizationId, r.UserId }).IsUnique()
            .HasFilter($"\"Status\" = {(int)MembershipRequestStatus.Open}").HasDatabaseName("UX_Directory_MembershipRequests_Open");
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
