using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Vouchers.Data;

internal enum ApplicationStatus
{
    Submitted = 1,
    Approved = 2,
    Rejected = 3,
}

// An enterprise's application to a program, with each eligibility rule's result as it stood when applying.
internal sealed class VoucherApplication
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProgramId { get; set; }

    public Guid EnterpriseOrganizationId { get; set; }

    public required string EnterpriseRegionCode { get; set; }

    public long RequestedFen { get; set; }

    public required string Purpose { get; set; }

    // The agreed order (kind + id of a payable item) a program may require before applying.
    public string? ItemKind { get; set; }

    public Guid? ItemId { get; set; }

    // JSON array of {rule, passed, detail}: the explanation the applicant saw.
    public required string EligibilityJson { get; set; }

    // Concurrency token: two reviewers deciding at once, one wins.
    public ApplicationStatus Status { get; set; } = ApplicationStatus.Submitted;

    public Guid SubmittedByUserId { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public Guid? ReviewedByUserId { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewNote { get; set; }
}

internal enum VoucherStatus
{
    Active = 1,
    Expired = 2,
}

// An issued voucher: its quota sits in its own ledger account (the balance is the ledger's, never a column here).
internal sealed class Voucher
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProgramId { get; set; }

    public Guid ApplicationId { get; set; }

    public Guid EnterpriseOrganizationId { get; set; }

    public required string EnterpriseRegionCode { get; set; }

    // Copied at issuance for the annual cap per actual controller (null: the enterprise named none).
    public string? ActualController { get; set; }

    public long QuotaFen { get; set; }

    public Guid AccountId { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public VoucherStatus Status { get; set; } = VoucherStatus.Active;
}

// Reserved (pending transfer) → RedemptionRequested → Reviewed (first admin) → Posted (second admin); or Voided
// (cancelled), Expired (validity ended before redemption), Reversed (a posted use corrected), Rejected back to Reserved.
internal enum UseStatus
{
    Reserved = 1,
    RedemptionRequested = 2,
    Reviewed = 3,
    Posted = 4,
    Voided = 5,
    Expired = 6,
    Reversed = 7,
}

// One use of a voucher on one payable item (a service order, later a booking or a test order).
internal sealed class VoucherUse
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid VoucherId { get; set; }

    public Guid ProgramId { get; set; }

    public required string ItemKind { get; set; }

    public Guid ItemId { get; set; }

    public required string ItemTitle { get; set; }

    public Guid EnterpriseOrganizationId { get; set; }

    public Guid ProviderOrganizationId { get; set; }

    public required string ProviderRegionCode { get; set; }

    public string? SectorCode { get; set; }

    public long OrderAmountFen { get; set; }

    public long ReservedFen { get; set; }

    // How the reserved amount came about, in the formula's terms (shown to the enterprise and the reviewers).
    public required string FormulaJson { get; set; }

    public Guid ReservationTransferId { get; set; }

    public UseStatus Status { get; set; } = UseStatus.Reserved;

    public DateTimeOffset CreatedAt { get; set; }

    public Guid CreatedByUserId { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
}

// Evidence for a redemption: contract, invoice, payment proof (files of the platform's content-addressed store).
internal sealed class UseEvidence
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UseId { get; set; }

    // contract, invoice, payment-proof.
    public required string Kind { get; set; }

    public required string Sha256 { get; set; }

    public Guid UploadedByUserId { get; set; }

    public DateTimeOffset At { get; set; }
}

internal enum RedemptionStatus
{
    Requested = 1,
    Reviewed = 2,
    Posted = 3,
    Rejected = 4,
    Reversed = 5,
}

// A request to turn a use's reservation into a payable: reviewed by one admin, posted by a second, different one.
internal sealed class Redemption
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UseId { get; set; }

    public Guid ProgramId { get; set; }

    public Guid RequestedByOrganizationId { get; set; }

    public Guid RequestedByUserId { get; set; }

    public Guid PayeeOrganizationId { get; set; }

    public long AmountFen { get; set; }

    public RedemptionStatus Status { get; set; } = RedemptionStatus.Requested;

    public DateTimeOffset RequestedAt { get; set; }

    public Guid? ReviewedByUserId { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewNote { get; set; }

    public Guid? PostedByUserId { get; set; }

    public DateTimeOffset? PostedAt { get; set; }

    public Guid? PostingTransferId { get; set; }

    public string? ReversalReason { get; set; }

    public Guid? ReversedByUserId { get; set; }

    public DateTimeOffset? ReversedAt { get; set; }
}

internal sealed class VoucherApplicationConfiguration : IEntityTypeConfiguration<VoucherApplication>
{
    public void Configure(EntityTypeBuilder<VoucherApplication> builder)
    {
        builder.ToTable("Vouchers_Applications", t => t.HasCheckConstraint("CK_Vouchers_Applications_Requested", "\"RequestedFen\" > 0"));
        builder.Property(a => a.EnterpriseRegionCode).HasMaxLength(6);
        builder.Property(a => a.Purpose).HasMaxLength(2000);
        builder.Property(a => a.ItemKind).HasMaxLength(32);
        builder.Property(a => a.ReviewNote).HasMaxLength(2000);
        builder.Property(a => a.Status).IsConcurrencyToken();
        builder.HasIndex(a => new { a.ProgramId, a.Status });
        builder.HasIndex(a => a.EnterpriseOrganizationId);
        builder.HasOne<VoucherProgram>().WithMany().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VoucherConfiguration : IEntityTypeConfiguration<Voucher>
{
    public void Configure(EntityTypeBuilder<Voucher> builder)
    {
        builder.ToTable("Vouchers_Vouchers", t => t.HasCheckConstraint("CK_Vouchers_Vouchers_Quota", "\"QuotaFen\" > 0"));
        builder.Property(v => v.EnterpriseRegionCode).HasMaxLength(6);
        builder.Property(v => v.ActualController).HasMaxLength(200);
        builder.Property(v => v.Status).IsConcurrencyToken();
        // One voucher per approved application: a second issuance is refused by the database.
        builder.HasIndex(v => v.ApplicationId).IsUnique();
        builder.HasIndex(v => v.AccountId).IsUnique();
        builder.HasIndex(v => v.EnterpriseOrganizationId);
        builder.HasIndex(v => new { v.Status, v.ExpiresAt });
        builder.HasOne<VoucherProgram>().WithMany().HasForeignKey(v => v.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<VoucherApplication>().WithMany().HasForeignKey(v => v.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VoucherUseConfiguration : IEntityTypeConfiguration<VoucherUse>
{
    public void Configure(EntityTypeBuilder<VoucherUse> builder)
    {
        builder.ToTable("Vouchers_Uses", t => t.HasCheckConstraint("CK_Vouchers_Uses_Reserved", "\"ReservedFen\" > 0 AND \"ReservedFen\" <= \"OrderAmountFen\""));
        builder.Property(u => u.ItemKind).HasMaxLength(32);
        builder.Property(u => u.ItemTitle).HasMaxLength(200);
        builder.Property(u => u.ProviderRegionCode).HasMaxLength(6);
        builder.Property(u => u.SectorCode).HasMaxLength(32);
        builder.Property(u => u.FormulaJson).HasMaxLength(4000);
        // Status changes are conditional updates (WHERE the expected status), never read-modify-write.
        builder.Property(u => u.Status).IsConcurrencyToken();
        // An item is paid by at most one live use: a second reservation for the same order is refused by the database.
        builder.HasIndex(u => new { u.ItemKind, u.ItemId }).IsUnique().HasFilter("\"Status\" IN (1, 2, 3, 4)");
        builder.HasIndex(u => u.ReservationTransferId).IsUnique();
        builder.HasIndex(u => new { u.EnterpriseOrganizationId, u.Status });
        builder.HasIndex(u => new { u.ProviderOrganizationId, u.Status });
        builder.HasIndex(u => new { u.VoucherId, u.Status });
        builder.HasOne<Voucher>().WithMany().HasForeignKey(u => u.VoucherId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UseEvidenceConfiguration : IEntityTypeConfiguration<UseEvidence>
{
    public void Configure(EntityTypeBuilder<UseEvidence> builder)
    {
        builder.ToTable("Vouchers_Evidence");
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.HasIndex(e => new { e.UseId, e.Kind }).IsUnique();
        builder.HasIndex(e => e.Sha256);
        builder.HasOne<VoucherUse>().WithMany().HasForeignKey(e => e.UseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RedemptionConfiguration : IEntityTypeConfiguration<Redemption>
{
    public void Configure(EntityTypeBuilder<Redemption> builder)
    {
        builder.ToTable("Vouchers_Redemptions", t =>
        {
            t.HasCheckConstraint("CK_Vouchers_Redemptions_Amount", "\"AmountFen\" > 0");
            // Four eyes, kept by the database too: the admin who posts is not the one who reviewed.
            t.HasCheckConstraint("CK_Vouchers_Redemptions_FourEyes", "\"PostedByUserId\" IS NULL OR \"PostedByUserId\" <> \"ReviewedByUserId\"");
        });
        builder.Property(r => r.ReviewNote).HasMaxLength(2000);
        builder.Property(r => r.ReversalReason).HasMaxLength(2000);
        builder.Property(r => r.Status).IsConcurrencyToken();
        // One live redemption per use: of concurrent requests exactly one insert succeeds.
        builder.HasIndex(r => r.UseId).IsUnique().HasFilter("\"Status\" <> 4");
        builder.HasIndex(r => new { r.ProgramId, r.Status });
        builder.HasOne<VoucherUse>().WithMany().HasForeignKey(r => r.UseId).OnDelete(DeleteBehavior.Restrict);
    }
}
