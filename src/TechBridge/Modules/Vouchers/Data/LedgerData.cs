using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Vouchers.Data;

// Account kinds of the voucher ledger. Each program has one of each program-level kind; each voucher has its own
// account; each payee (provider or enterprise) a payable per program.
internal enum AccountKind
{
    // The appropriation the budget comes from: the one account that is the counterpart of money entering the
    // ledger, so it runs below zero by design (the CHECK constraint exempts it and only it).
    Appropriation = 0,
    Budget = 1,
    Voucher = 2,
    Reserved = 3,
    Payable = 4,
    Paid = 5,
    Expired = 6,
    Returned = 7,
}

internal enum TransferKind
{
    Fund = 1,
    Issue = 2,
    Reserve = 3,
    Post = 4,
    Void = 5,
    ExpireReservation = 6,
    ExpireQuota = 7,
    ReturnToBudget = 8,
    Reverse = 9,
    Settle = 10,
}

// A ledger account with its balance stored in fen. The database rejects any write that would make it negative.
internal sealed class LedgerAccount
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public AccountKind Kind { get; set; }

    public Guid ProgramId { get; set; }

    // The voucher's enterprise, the payable's payee; null for program accounts.
    public Guid? OwnerOrganizationId { get; set; }

    public long BalanceFen { get; set; }
}

// An immutable double-entry transfer (entries sum to zero). A pending transfer (a reservation) is resolved exactly
// once by a later transfer naming it in ResolvesPendingId (post, void or expire): a unique index makes a second
// resolution impossible. A reversal names what it reverses, once. Sequence and Hash chain transfers in commit order.
internal sealed class LedgerTransfer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public long Sequence { get; set; }

    public TransferKind Kind { get; set; }

    public Guid ProgramId { get; set; }

    public long AmountFen { get; set; }

    public bool IsPending { get; set; }

    public Guid? ResolvesPendingId { get; set; }

    public Guid? ReversesTransferId { get; set; }

    public string? Reason { get; set; }

    public Guid? ByUserId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    public List<LedgerEntry> Entries { get; set; } = [];
}

internal sealed class LedgerEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TransferId { get; set; }

    public int Line { get; set; }

    public Guid AccountId { get; set; }

    // Signed: negative takes from the account, positive adds to it.
    public long AmountFen { get; set; }
}

// The tail of the hash chain, one row. Every ledger transaction updates it first, so it holds the row lock (or
// SQLite's write lock) until commit: transfers get their sequence in commit order and chain without gaps.
internal sealed class LedgerChainHead
{
    public int Id { get; set; }

    public long Sequence { get; set; }

    public required string Hash { get; set; }
}

internal sealed class LedgerAccountConfiguration : IEntityTypeConfiguration<LedgerAccount>
{
    public void Configure(EntityTypeBuilder<LedgerAccount> builder)
    {
        builder.ToTable("Vouchers_Accounts", t => t.HasCheckConstraint("CK_Vouchers_Accounts_NotNegative", "\"BalanceFen\" >= 0 OR \"Kind\" = 0"));
        builder.HasIndex(a => new { a.ProgramId, a.Kind, a.OwnerOrganizationId });
    }
}

internal sealed class LedgerTransferConfiguration : IEntityTypeConfiguration<LedgerTransfer>
{
    public void Configure(EntityTypeBuilder<LedgerTransfer> builder)
    {
        builder.ToTable("Vouchers_Transfers", t =>
        {
            t.HasCheckConstraint("CK_Vouchers_Transfers_Amount", "\"AmountFen\" > 0");
            t.HasCheckConstraint("CK_Vouchers_Transfers_NotPendingResolution", "NOT (\"IsPending\" AND \"ResolvesPendingId\" IS NOT NULL)");
        });
        builder.Property(t => t.Reason).HasMaxLength(2000);
        builder.Property(t => t.PreviousHash).HasMaxLength(64);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.HasIndex(t => t.Sequence).IsUnique();
        builder.HasIndex(t => t.ResolvesPendingId).IsUnique();
        builder.HasIndex(t => t.ReversesTransferId).IsUnique();
        builder.HasIndex(t => new { t.ProgramId, t.Kind });
        builder.HasMany(t => t.Entries).WithOne().HasForeignKey(e => e.TransferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LedgerTransfer>().WithOne().HasForeignKey<LedgerTransfer>(t => t.ResolvesPendingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("Vouchers_Entries", t => t.HasCheckConstraint("CK_Vouchers_Entries_NotZero", "\"AmountFen\" <> 0"));
        builder.HasIndex(e => new { e.TransferId, e.Line }).IsUnique();
        builder.HasIndex(e => e.AccountId);
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LedgerChainHeadConfiguration : IEntityTypeConfiguration<LedgerChainHead>
{
    public void Configure(EntityTypeBuilder<LedgerChainHead> builder)
    {
        builder.ToTable("Vouchers_ChainHead", t => t.HasCheckConstraint("CK_Vouchers_ChainHead_One", "\"Id\" = 1"));
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(64);
        builder.HasData(new LedgerChainHead { Id = 1, Sequence = 0, Hash = Ledger.LedgerHashing.Genesis });
    }
}
