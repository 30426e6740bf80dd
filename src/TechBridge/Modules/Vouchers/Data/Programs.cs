using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Vouchers.Data;

// 通用: the enterprise pays the provider in full and is reimbursed (the 京津冀 2018 agreement's model);
// 通兑: the enterprise pays its own share and the provider redeems the voucher share.
internal enum RedemptionMode
{
    General = 1,
    Direct = 2,
}

internal enum ProgramStatus
{
    Draft = 1,
    Open = 2,
    Closed = 3,
}

// A voucher program of one jurisdiction and year, with its budget and every rule as configuration (DESIGN.md §6).
// Rates are basis points (6000 = 60 %) so that the reservation formula stays in integers.
internal sealed class VoucherProgram
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    // A region code of the jurisdiction tree: "11", "12", "13" or a Hebei city "13xx".
    public required string JurisdictionCode { get; set; }

    public int Year { get; set; }

    public long BudgetFen { get; set; }

    public RedemptionMode Mode { get; set; }

    public int RateBasisPoints { get; set; }

    // "regionPrefix:basisPoints" pairs: a different rate for enterprises registered there (the longest prefix wins).
    public List<string> RegionRates { get; set; } = [];

    public long CapPerApplicationFen { get; set; }

    public long AnnualCapPerEnterpriseFen { get; set; }

    public long AnnualCapPerControllerFen { get; set; }

    // Orders at or below this amount are covered in full; 0 switches it off.
    public long FullCoverageAtOrBelowFen { get; set; }

    public int ValidityMonths { get; set; }

    public bool RequiresAgreedOrder { get; set; }

    // Empty: every sector.
    public List<string> EligibleSectors { get; set; } = [];

    public bool CoversInstrumentUse { get; set; }

    public bool CoversTesting { get; set; }

    // OrganizationType names ("Enterprise"); empty: enterprises only.
    public List<string> EligibleOrganizationTypes { get; set; } = [];

    // Any one of these recognitions (valid on the day of application); empty: none needed.
    public List<string> RequiredRecognitions { get; set; } = [];

    // Registration region prefixes; empty: anywhere in the jurisdiction.
    public List<string> EligibleRegions { get; set; } = [];

    public bool ExcludeFundedLastYear { get; set; }

    // "monthly" or "quarterly".
    public required string PaymentCycle { get; set; }

    public ProgramStatus Status { get; set; } = ProgramStatus.Draft;

    public Guid CreatedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

// A mutual-recognition agreement (互认互通): the jurisdictions that are parties accept each other's recognised
// providers for their own programs, between the effective dates; each jurisdiction's budget still pays its own.
internal sealed class RecognitionAgreement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public List<string> Parties { get; set; } = [];

    public DateOnly EffectiveFrom { get; set; }

    public DateOnly? EffectiveUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<RecognisedProvider> Providers { get; set; } = [];
}

internal sealed class RecognisedProvider
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid AgreementId { get; set; }

    public Guid OrganizationId { get; set; }

    // The party that put the provider on the list (its home jurisdiction).
    public required string JurisdictionCode { get; set; }
}

internal sealed class VoucherProgramConfiguration : IEntityTypeConfiguration<VoucherProgram>
{
    public void Configure(EntityTypeBuilder<VoucherProgram> builder)
    {
        builder.ToTable("Vouchers_Programs", t =>
        {
            t.HasCheckConstraint("CK_Vouchers_Programs_Budget", "\"BudgetFen\" > 0");
            t.HasCheckConstraint("CK_Vouchers_Programs_Rate", "\"RateBasisPoints\" BETWEEN 1 AND 10000");
        });
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.JurisdictionCode).HasMaxLength(6);
        builder.Property(p => p.PaymentCycle).HasMaxLength(16);
        builder.HasIndex(p => new { p.JurisdictionCode, p.Year });
    }
}

internal sealed class RecognitionAgreementConfiguration : IEntityTypeConfiguration<RecognitionAgreement>
{
    public void Configure(EntityTypeBuilder<RecognitionAgreement> builder)
    {
        builder.ToTable("Vouchers_Agreements");
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasMany(a => a.Providers).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecognisedProviderConfiguration : IEntityTypeConfiguration<RecognisedProvider>
{
    public void Configure(EntityTypeBuilder<RecognisedProvider> builder)
    {
        builder.ToTable("Vouchers_RecognisedProviders");
        builder.Property(p => p.JurisdictionCode).HasMaxLength(6);
        builder.HasIndex(p => new { p.AgreementId, p.OrganizationId }).IsUnique();
        builder.HasIndex(p => p.OrganizationId);
    }
}
