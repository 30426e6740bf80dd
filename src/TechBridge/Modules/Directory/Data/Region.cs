using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Directory.Data;

internal enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
}

// GB/T 2260 statistical division: province 2 digits, city 4, county 6.
internal sealed class Region
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public RegionLevel Level { get; set; }

    public string? ParentCode { get; set; }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("Directory_Regions");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(6);
        builder.Property(r => r.Name).HasMaxLength(64);
        builder.Property(r => r.ParentCode).HasMaxLength(6);
        builder.HasIndex(r => r.ParentCode);
    }
}
