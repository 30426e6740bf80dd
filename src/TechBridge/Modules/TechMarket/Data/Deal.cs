using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.TechMarket.Data;

// Negotiating → Agreed (terms written) → Signed (written contract uploaded) → Applied (a registration application).
internal enum DealStatus
{
    Negotiating = 1,
    Agreed = 2,
    Signed = 3,
    Applied = 4,
}

// A technology deal between a seller and a buyer on the platform: from an engagement, a service order, a listing
// (achievement or demand), or created directly; it ends in a registration application.
internal sealed class Deal
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    // engagement, order, achievement, demand, direct.
    public required string SourceKind { get; set; }

    public Guid? SourceId { get; set; }

    public required string Title { get; set; }

    public Guid SellerOrganizationId { get; set; }

    public Guid BuyerOrganizationId { get; set; }

    public DealStatus Status { get; set; } = DealStatus.Negotiating;

    public string? AgreedTerms { get; set; }

    public long? AgreedTotalFen { get; set; }

    public string? ContractFileSha256 { get; set; }

    public Guid? ContractId { get; set; }

    public Guid CreatedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> builder)
    {
        builder.ToTable("TechMarket_Deals", t => t.HasCheckConstraint("CK_TechMarket_Deals_Status", "\"Status\" BETWEEN 1 AND 4"));
        builder.Property(d => d.Status).IsConcurrencyToken();
        builder.Property(d => d.SourceKind).HasMaxLength(16);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.AgreedTerms).HasMaxLength(4000);
        builder.Property(d => d.ContractFileSha256).HasMaxLength(64);
        builder.HasIndex(d => d.SellerOrganizationId);
        builder.HasIndex(d => d.BuyerOrganizationId);
    }
}
