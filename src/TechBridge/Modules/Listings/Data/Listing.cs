using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Listings.Data;

internal enum ListingKind
{
    Offering = 1,
    Demand = 2,
    Achievement = 3,
}

// Draft → Submitted → Published (admin review) → Closed (owner) / Expired (job) / TakenDown (admin);
// Submitted → Rejected (admin, with a reason) → edited and submitted again.
internal enum ListingStatus
{
    Draft = 1,
    Submitted = 2,
    Published = 3,
    Rejected = 4,
    Closed = 5,
    Expired = 6,
    TakenDown = 7,
}

// What the three listing kinds share: owner, lifecycle and review. Not an EF entity itself: each kind has its own
// table, and this class only gives the lifecycle code one shape to work on.
internal abstract class Listing
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    // The owner's registered region at creation: decides which admins review the listing.
    public required string OwnerRegionCode { get; set; }

    public required string Title { get; set; }

    // The concurrency token: every transition is an UPDATE … WHERE Status = <the status it was read in>, so two
    // racing transitions cannot both succeed (the loser gets 409).
    public ListingStatus Status { get; set; } = ListingStatus.Draft;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public Guid? ReviewedBy { get; set; }

    // Why an admin rejected or took the listing down (shown to the owner).
    public string? StatusReason { get; set; }

    public bool IsDemo { get; set; }

    public abstract ListingKind Kind { get; }

    // The region whose admins review this listing.
    public virtual string JurisdictionRegion => OwnerRegionCode;
}

internal static class ListingConfiguration
{
    public static void ConfigureListing<T>(this EntityTypeBuilder<T> builder, string table)
        where T : Listing
    {
        builder.ToTable(table);
        builder.HasKey(l => l.Id);
        builder.Ignore(l => l.Kind);
        builder.Ignore(l => l.JurisdictionRegion);
        builder.Property(l => l.Title).HasMaxLength(200);
        builder.Property(l => l.OwnerRegionCode).HasMaxLength(6);
        builder.Property(l => l.StatusReason).HasMaxLength(1000);
        builder.Property(l => l.Status).IsConcurrencyToken();
        builder.HasIndex(l => new { l.Status, l.ExpiresAt });
        builder.HasIndex(l => l.OrganizationId);
        builder.HasIndex(l => l.OwnerRegionCode);
    }
}
