using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Listings.Data;

internal enum PriceModel
{
    Fixed = 1,
    From = 2,
    Negotiable = 3,
}

// A service a verified service institution offers (possibly through one of its branches / service windows).
internal sealed class ServiceOffering : Listing
{
    public override ListingKind Kind => ListingKind.Offering;

    public Guid? BranchId { get; set; }

    public required string SectorCode { get; set; }

    public string? IndustryCode { get; set; }

    public required string Description { get; set; }

    // One service item per line.
    public string ServiceItems { get; set; } = "";

    public PriceModel PriceModel { get; set; } = PriceModel.Negotiable;

    // Fen; null when negotiable.
    public long? PriceFen { get; set; }

    // County, city or province codes, comma-separated.
    public string RegionsServed { get; set; } = "";

    public int LeadTimeDays { get; set; }

    public bool AcceptsInnovationVouchers { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }
}

internal sealed class ServiceOfferingConfiguration : IEntityTypeConfiguration<ServiceOffering>
{
    public void Configure(EntityTypeBuilder<ServiceOffering> builder)
    {
        builder.ConfigureListing("Listings_Offerings");
        builder.Property(o => o.SectorCode).HasMaxLength(32);
        builder.Property(o => o.IndustryCode).HasMaxLength(8);
        builder.Property(o => o.Description).HasMaxLength(8000);
        builder.Property(o => o.ServiceItems).HasMaxLength(4000);
        builder.Property(o => o.RegionsServed).HasMaxLength(1000);
        builder.Property(o => o.ContactName).HasMaxLength(100);
        builder.Property(o => o.ContactPhone).HasMaxLength(32);
        builder.HasIndex(o => o.SectorCode);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Listings_Offerings_Price", "\"PriceFen\" IS NULL OR \"PriceFen\" >= 0");
            t.HasCheckConstraint("CK_Listings_Offerings_LeadTime", "\"LeadTimeDays\" >= 0");
        });
    }
}
