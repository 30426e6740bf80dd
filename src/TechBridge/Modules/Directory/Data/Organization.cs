using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Directory.Data;

// What an organization is decides what it may do on the platform.
internal enum OrganizationKind
{
    Enterprise = 1,
    ServiceInstitution = 2,
    UniversityOrInstitute = 3,
    FinancialInstitution = 4,
    GovernmentAgency = 5,
    Other = 6,
}

internal enum VerificationStatus
{
    Pending = 1,
    Verified = 2,
    Rejected = 3,
}

internal sealed class Organization
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public OrganizationKind Kind { get; set; }

    public required string LegalName { get; set; }

    // 统一社会信用代码 (GB 32100-2015); null for a foreign organization, which has a country and registration number.
    public string? CreditCode { get; set; }

    // For a foreign organization: ISO 3166-1 alpha-2 country and its home registration number.
    public string? Country { get; set; }

    public string? ForeignRegistrationNumber { get; set; }

    public DateOnly? EstablishedOn { get; set; }

    public string? LegalRepresentative { get; set; }

    public string? ActualController { get; set; }

    // County-level region code (GB/T 2260) where the organization is registered.
    public required string RegionCode { get; set; }

    public string? Address { get; set; }

    // GB/T 4754 division code, e.g. "M73" (研究和试验发展).
    public string? IndustryCode { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    // SHA-256 of the business licence (or equivalent) uploaded as evidence; the file lives in the content store.
    public string? EvidenceSha256 { get; set; }

    public List<OrganizationSector> Sectors { get; set; } = [];

    public List<Branch> Branches { get; set; } = [];

    public VerificationStatus Verification { get; set; } = VerificationStatus.Pending;

    public string? VerificationReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    // Generated for demonstrations; never real registrations.
    public bool IsDemo { get; set; }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("Directory_Organizations");
        builder.Property(o => o.LegalName).HasMaxLength(200);
        builder.Property(o => o.CreditCode).HasMaxLength(18);
        builder.Property(o => o.RegionCode).HasMaxLength(6);
        // A credit code identifies one organization: the database refuses a second registration.
        builder.HasIndex(o => o.CreditCode).IsUnique();
        builder.HasIndex(o => o.RegionCode);
        builder.Property(o => o.Country).HasMaxLength(2);
        builder.Property(o => o.ForeignRegistrationNumber).HasMaxLength(64);
        builder.Property(o => o.LegalRepresentative).HasMaxLength(100);
        builder.Property(o => o.ActualController).HasMaxLength(200);
        builder.Property(o => o.Address).HasMaxLength(300);
        builder.Property(o => o.IndustryCode).HasMaxLength(8);
        builder.Property(o => o.ContactName).HasMaxLength(100);
        builder.Property(o => o.ContactPhone).HasMaxLength(32);
        builder.Property(o => o.ContactEmail).HasMaxLength(256);
        builder.Property(o => o.EvidenceSha256).HasMaxLength(64);
        builder.Property(o => o.VerificationReason).HasMaxLength(1000);
        // Decisions update "where Verification = Pending": two admins cannot both decide.
        builder.Property(o => o.Verification).IsConcurrencyToken();
        builder.HasIndex(o => new { o.Verification, o.RegionCode });
        builder.HasIndex(o => new { o.Country, o.ForeignRegistrationNumber }).IsUnique();
        builder.HasMany(o => o.Sectors).WithOne().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Branches).WithOne().HasForeignKey(b => b.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

// One of the plan's ten sectors (十大领域) the organization serves; codes in Data/sectors.
internal sealed class OrganizationSector
{
    public Guid OrganizationId { get; set; }

    public required string SectorCode { get; set; }
}

internal sealed class OrganizationSectorConfiguration : IEntityTypeConfiguration<OrganizationSector>
{
    public void Configure(EntityTypeBuilder<OrganizationSector> builder)
    {
        builder.ToTable("Directory_OrganizationSectors");
        builder.HasKey(s => new { s.OrganizationId, s.SectorCode });
        builder.Property(s => s.SectorCode).HasMaxLength(32);
        builder.HasIndex(s => s.SectorCode);
    }
}

// 分支机构 / 服务窗口: a branch or service window with its own region. A Beijing institution's Hebei window
// counts as present in Hebei.
internal sealed class Branch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public required string Name { get; set; }

    public required string RegionCode { get; set; }

    public string? Address { get; set; }
}

internal sealed class BranchConfiguration : IEntityTypeConfiguration<Branch>
{
    public void Configure(EntityTypeBuilder<Branch> builder)
    {
        builder.ToTable("Directory_Branches");
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.RegionCode).HasMaxLength(6);
        builder.Property(b => b.Address).HasMaxLength(300);
        builder.HasIndex(b => b.RegionCode);
    }
}
