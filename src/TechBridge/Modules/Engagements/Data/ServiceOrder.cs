using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Engagements.Data;

// The client places it → AwaitingProvider → the provider confirms (InProgress) or refuses (Refused); InProgress →
// Delivered (provider, with an evidence file) → Accepted or Disputed (client); a disputed order can be delivered again.
internal enum OrderStatus
{
    InProgress = 1,
    Delivered = 2,
    Accepted = 3,
    Disputed = 4,
    AwaitingProvider = 5,
    Refused = 6,
}

// A service order: what an agreed engagement or a selected open-call proposal becomes (innovation vouchers later
// pay for these). Orders live in the Engagements module, not a module of their own: an order is the continuation
// of one engagement between the same two parties, under the same who-may-see rules, and nothing else creates one.
internal sealed class ServiceOrder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid? EngagementId { get; set; }

    public Guid? ProposalId { get; set; }

    public Guid ClientOrganizationId { get; set; }

    public Guid ProviderOrganizationId { get; set; }

    // The provider's registered region: its admins handle complaints about the order.
    public required string ProviderRegionCode { get; set; }

    public required string Title { get; set; }

    public required string Scope { get; set; }

    public long AmountFen { get; set; }

    // Placed from a selected proposal on an anonymous demand: the provider reads neither the client's name nor its id.
    public bool ClientIdentityHidden { get; set; }

    // Concurrency token, as for engagements.
    public OrderStatus Status { get; set; } = OrderStatus.AwaitingProvider;

    public DateTimeOffset? ConfirmedAt { get; set; }

    public string? RefusalReason { get; set; }

    public DateTimeOffset? RefusedAt { get; set; }

    public string? DeliveryNote { get; set; }

    // The hash the platform computed of the uploaded evidence file (never typed by a user), and the file's name.
    public string? DeliveryEvidenceSha256 { get; set; }

    public string? DeliveryEvidenceFileName { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public string? DisputeReason { get; set; }

    public DateTimeOffset? DisputedAt { get; set; }

    public Guid CreatedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<OrderMilestone> Milestones { get; set; } = [];
}

// The milestones' shares sum to the order's amount by construction: they are written only together with their
// order, in the same SaveChanges, after the handler checked the sum, and no operation changes them afterwards.
internal sealed class OrderMilestone
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrderId { get; set; }

    public int Sequence { get; set; }

    public required string Title { get; set; }

    public DateOnly DueDate { get; set; }

    public long AmountFen { get; set; }
}

// The client's rating of the provider after acceptance; one per order (a unique index).
internal sealed class ProviderRating
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrderId { get; set; }

    public Guid ProviderOrganizationId { get; set; }

    public int Stars { get; set; }

    public string? Comment { get; set; }

    public Guid ByUserId { get; set; }

    public DateTimeOffset At { get; set; }
}

internal enum ComplaintStatus
{
    Open = 1,
    Resolved = 2,
}

// A client's complaint about an order, handled by admins of the provider's jurisdiction.
internal sealed class Complaint
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrderId { get; set; }

    public Guid ProviderOrganizationId { get; set; }

    public required string ProviderRegionCode { get; set; }

    public Guid FiledByOrganizationId { get; set; }

    public Guid FiledByUserId { get; set; }

    public required string Text { get; set; }

    public ComplaintStatus Status { get; set; } = ComplaintStatus.Open;

    // upheld, partly-upheld, rejected, settled.
    public string? OutcomeCode { get; set; }

    public string? Outcome { get; set; }

    public Guid? ResolvedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
}

internal sealed class ServiceOrderConfiguration : IEntityTypeConfiguration<ServiceOrder>
{
    public void Configure(EntityTypeBuilder<ServiceOrder> builder)
    {
        builder.ToTable("Engagements_Orders", t =>
        {
            t.HasCheckConstraint("CK_Engagements_Orders_Amount", "\"AmountFen\" > 0");
            t.HasCheckConstraint("CK_Engagements_Orders_Source", "\"EngagementId\" IS NOT NULL OR \"ProposalId\" IS NOT NULL");
        });
        builder.Property(o => o.ProviderRegionCode).HasMaxLength(6);
        builder.Property(o => o.Title).HasMaxLength(200);
        builder.Property(o => o.Scope).HasMaxLength(4000);
        builder.Property(o => o.DeliveryNote).HasMaxLength(4000);
        builder.Property(o => o.DeliveryEvidenceSha256).HasMaxLength(64);
        builder.Property(o => o.DeliveryEvidenceFileName).HasMaxLength(255);
        builder.Property(o => o.RefusalReason).HasMaxLength(2000);
        builder.Property(o => o.DisputeReason).HasMaxLength(2000);
        builder.Property(o => o.Status).IsConcurrencyToken();
        // One live order per engagement and per selected proposal; an order the provider refused leaves room for the
        // client to place a corrected one.
        builder.HasIndex(o => o.EngagementId).IsUnique().HasFilter("\"Status\" <> 6");
        builder.HasIndex(o => o.ProposalId).IsUnique().HasFilter("\"Status\" <> 6");
        builder.HasIndex(o => o.DeliveryEvidenceSha256);
        builder.HasIndex(o => o.ClientOrganizationId);
        builder.HasIndex(o => o.ProviderOrganizationId);
        builder.HasMany(o => o.Milestones).WithOne().HasForeignKey(m => m.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderMilestoneConfiguration : IEntityTypeConfiguration<OrderMilestone>
{
    public void Configure(EntityTypeBuilder<OrderMilestone> builder)
    {
        builder.ToTable("Engagements_Milestones", t => t.HasCheckConstraint("CK_Engagements_Milestones_Amount", "\"AmountFen\" > 0"));
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.HasIndex(m => new { m.OrderId, m.Sequence }).IsUnique();
    }
}

internal sealed class ProviderRatingConfiguration : IEntityTypeConfiguration<ProviderRating>
{
    public void Configure(EntityTypeBuilder<ProviderRating> builder)
    {
        builder.ToTable("Engagements_Ratings", t => t.HasCheckConstraint("CK_Engagements_Ratings_Stars", "\"Stars\" BETWEEN 1 AND 5"));
        builder.Property(r => r.Comment).HasMaxLength(2000);
        builder.HasIndex(r => r.OrderId).IsUnique();
        builder.HasIndex(r => r.ProviderOrganizationId);
        builder.HasOne<ServiceOrder>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("Engagements_Complaints");
        builder.Property(c => c.ProviderRegionCode).HasMaxLength(6);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.Property(c => c.OutcomeCode).HasMaxLength(32);
        builder.Property(c => c.Outcome).HasMaxLength(2000);
        builder.Property(c => c.Status).IsConcurrencyToken();
        builder.HasIndex(c => new { c.Status, c.ProviderRegionCode });
        builder.HasOne<ServiceOrder>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
