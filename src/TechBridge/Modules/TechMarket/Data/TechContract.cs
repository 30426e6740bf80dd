using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.TechMarket.Data;

// Submitted → (ExpertReview) → Registered or NotRegistered (未予登记); a registered contract may later be Cancelled.
internal enum ContractStatus
{
    Submitted = 1,
    ExpertReview = 2,
    Registered = 3,
    NotRegistered = 4,
    Cancelled = 5,
}

// A technology contract's registration application (技术合同认定登记), with the contract's fields as registered. A
// record imported from history or seeded for the demo arrives Registered, with its registration date.
internal sealed class TechContract
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    // "TM-2026-000123": the application's number, shown to people.
    public required string ApplicationNumber { get; set; }

    public Guid? DealId { get; set; }

    public required string Title { get; set; }

    // development, transfer, licensing, consulting, service (ContractTypes).
    public required string TypeCode { get; set; }

    public required string SubtypeCode { get; set; }

    public Guid? SellerOrganizationId { get; set; }

    public required string SellerName { get; set; }

    public string? SellerCreditCode { get; set; }

    // GB/T 2260 code, or "foreign" for a seller abroad (a technology import).
    public required string SellerRegionCode { get; set; }

    public required string SellerEntityKind { get; set; }

    public Guid? BuyerOrganizationId { get; set; }

    public required string BuyerName { get; set; }

    public string? BuyerCreditCode { get; set; }

    public required string BuyerRegionCode { get; set; }

    public required string BuyerEntityKind { get; set; }

    // The organization that applies: the seller, or for a technology import the domestic buyer.
    public Guid? ApplicantOrganizationId { get; set; }

    // Whose jurisdiction registers it (Jurisdictions.Of of the applicant's region).
    public required string AuthorityJurisdiction { get; set; }

    // The region the authority's permission is checked against: the seller's, or the buyer's for an import.
    public required string RegistrantRegionCode { get; set; }

    public long TotalFen { get; set; }

    public long NonTechnicalFen { get; set; }

    // 技术交易额 = total − itemised non-technical items.
    public long TechnologyAmountFen { get; set; }

    public required string TechnologyFieldCode { get; set; }

    public string? IndustryCode { get; set; }

    // none, invention-patent, ... (ContractTypes.IpKinds).
    public required string IpKind { get; set; }

    public required string FundingSource { get; set; }

    public DateOnly SignedOn { get; set; }

    public DateOnly TermFrom { get; set; }

    public DateOnly TermTo { get; set; }

    public required string PaymentSchedule { get; set; }

    public string? BrokerName { get; set; }

    public string? ContractFileSha256 { get; set; }

    // The parties agreed that their names appear in public statistics.
    public bool PublishPartyNames { get; set; }

    public ContractStatus Status { get; set; } = ContractStatus.Submitted;

    public bool Disputed { get; set; }

    public bool ExpertReviewRequired { get; set; }

    public DateOnly SubmittedOn { get; set; }

    public DateOnly DueOn { get; set; }

    public Guid? ExpertUserId { get; set; }

    public string? ExpertOpinion { get; set; }

    public string? CertificateNumber { get; set; }

    public DateOnly? RegisteredOn { get; set; }

    public string? RefusalReasons { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedByUserId { get; set; }

    // demo, import: records that did not pass through review on this platform.
    public string? Origin { get; set; }

    public Guid CreatedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<NonTechnicalItem> Items { get; set; } = [];
}

// An itemised non-technical part of the contract price: equipment, instruments, parts, raw materials.
internal sealed class NonTechnicalItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ContractId { get; set; }

    public int Sequence { get; set; }

    // equipment, instruments, parts, raw-materials.
    public required string Kind { get; set; }

    public required string Description { get; set; }

    public long AmountFen { get; set; }
}

// What happened to an application, in order: submitted, expert-assigned, expert-opinion, registered, not-registered,
// changed, cancelled, objection. Never updated or deleted.
internal sealed class ContractEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ContractId { get; set; }

    public required string Kind { get; set; }

    public required string Note { get; set; }

    public Guid? ByUserId { get; set; }

    public Guid? ByOrganizationId { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class TechContractConfiguration : IEntityTypeConfiguration<TechContract>
{
    public void Configure(EntityTypeBuilder<TechContract> builder)
    {
        builder.ToTable("TechMarket_Contracts", t =>
        {
            t.HasCheckConstraint("CK_TechMarket_Contracts_Amounts", "\"TotalFen\" >= 0 AND \"NonTechnicalFen\" >= 0 AND \"NonTechnicalFen\" <= \"TotalFen\" AND \"TechnologyAmountFen\" = \"TotalFen\" - \"NonTechnicalFen\"");
            t.HasCheckConstraint("CK_TechMarket_Contracts_Status", "\"Status\" BETWEEN 1 AND 5");
        });
        builder.HasIndex(c => c.ApplicationNumber).IsUnique();
        builder.HasIndex(c => c.CertificateNumber).IsUnique();
        builder.HasIndex(c => new { c.Status, c.DueOn });
        builder.HasIndex(c => c.RegisteredOn);
        builder.HasIndex(c => c.ApplicantOrganizationId);
        builder.Property(c => c.Status).IsConcurrencyToken();
        builder.Property(c => c.ApplicationNumber).HasMaxLength(32);
        builder.Property(c => c.CertificateNumber).HasMaxLength(32);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.TypeCode).HasMaxLength(32);
        builder.Property(c => c.SubtypeCode).HasMaxLength(32);
        builder.Property(c => c.SellerName).HasMaxLength(200);
        builder.Property(c => c.BuyerName).HasMaxLength(200);
        builder.Property(c => c.SellerCreditCode).HasMaxLength(18);
        builder.Property(c => c.BuyerCreditCode).HasMaxLength(18);
        builder.Property(c => c.SellerRegionCode).HasMaxLength(12);
        builder.Property(c => c.BuyerRegionCode).HasMaxLength(12);
        builder.Property(c => c.RegistrantRegionCode).HasMaxLength(12);
        builder.Property(c => c.AuthorityJurisdiction).HasMaxLength(12);
        builder.Property(c => c.SellerEntityKind).HasMaxLength(32);
        builder.Property(c => c.BuyerEntityKind).HasMaxLength(32);
        builder.Property(c => c.TechnologyFieldCode).HasMaxLength(32);
        builder.Property(c => c.IndustryCode).HasMaxLength(8);
        builder.Property(c => c.IpKind).HasMaxLength(32);
        builder.Property(c => c.FundingSource).HasMaxLength(32);
        builder.Property(c => c.PaymentSchedule).HasMaxLength(2000);
        builder.Property(c => c.BrokerName).HasMaxLength(100);
        builder.Property(c => c.ContractFileSha256).HasMaxLength(64);
        builder.Property(c => c.ExpertOpinion).HasMaxLength(4000);
        builder.Property(c => c.RefusalReasons).HasMaxLength(4000);
        builder.Property(c => c.Origin).HasMaxLength(16);
        builder.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NonTechnicalItemConfiguration : IEntityTypeConfiguration<NonTechnicalItem>
{
    public void Configure(EntityTypeBuilder<NonTechnicalItem> builder)
    {
        builder.ToTable("TechMarket_NonTechnicalItems", t => t.HasCheckConstraint("CK_TechMarket_NonTechnicalItems_Amount", "\"AmountFen\" >= 0"));
        builder.Property(i => i.Kind).HasMaxLength(32);
        builder.Property(i => i.Description).HasMaxLength(200);
        builder.HasIndex(i => new { i.ContractId, i.Sequence }).IsUnique();
    }
}

internal sealed class ContractEventConfiguration : IEntityTypeConfiguration<ContractEvent>
{
    public void Configure(EntityTypeBuilder<ContractEvent> builder)
    {
        builder.ToTable("TechMarket_ContractEvents");
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.Note).HasMaxLength(4000);
        builder.HasIndex(e => new { e.ContractId, e.At });
    }
}
