using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Listings.Data;

// 转让 / 许可 / 作价入股 / 合作开发
[Flags]
internal enum TransferModes
{
    None = 0,
    Assignment = 1,
    Licence = 2,
    EquityContribution = 4,
    JointDevelopment = 8,
}

// 科技成果 offered for transfer.
internal sealed class TechnologyAchievement : Listing
{
    public override ListingKind Kind => ListingKind.Achievement;

    public required string Abstract { get; set; }

    // Separated by ';'.
    public string Keywords { get; set; } = "";

    public required string TechnologyFieldCode { get; set; }

    public string? IndustryCode { get; set; }

    // Technology readiness level 1–9 (a check constraint keeps it there).
    public int Trl { get; set; }

    // Patent numbers and other IP as text until the IP module exists.
    public string? LinkedIp { get; set; }

    public TransferModes TransferModes { get; set; }

    // Fen; null means negotiable.
    public long? AskingPriceFen { get; set; }

    // The bulk import that created it, if any.
    public Guid? ImportJobId { get; set; }
}

internal sealed class TechnologyAchievementConfiguration : IEntityTypeConfiguration<TechnologyAchievement>
{
    public void Configure(EntityTypeBuilder<TechnologyAchievement> builder)
    {
        builder.ConfigureListing("Listings_Achievements");
        builder.Property(a => a.Abstract).HasMaxLength(8000);
        builder.Property(a => a.Keywords).HasMaxLength(1000);
        builder.Property(a => a.TechnologyFieldCode).HasMaxLength(32);
        builder.Property(a => a.IndustryCode).HasMaxLength(8);
        builder.Property(a => a.LinkedIp).HasMaxLength(1000);
        builder.HasIndex(a => a.TechnologyFieldCode);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Listings_Achievements_Trl", "\"Trl\" BETWEEN 1 AND 9");
            t.HasCheckConstraint("CK_Listings_Achievements_Price", "\"AskingPriceFen\" IS NULL OR \"AskingPriceFen\" >= 0");
        });
    }
}
