using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Listings.Data;

internal enum ListingChange
{
    Published = 1,
    Unpublished = 2,
    Updated = 3,
}

// Announces what the public may now see (or no longer see), written in the transaction that made the change, so a
// search index fed from it survives a crash: consumers keep their own cursor over Id.
internal sealed class OutboxEntry
{
    public long Id { get; set; }

    public ListingKind ListingKind { get; set; }

    public Guid ListingId { get; set; }

    public ListingChange Change { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}

internal sealed class OutboxEntryConfiguration : IEntityTypeConfiguration<OutboxEntry>
{
    public void Configure(EntityTypeBuilder<OutboxEntry> builder)
    {
        builder.ToTable("Listings_Outbox");
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.HasIndex(e => e.ListingId);
    }
}
