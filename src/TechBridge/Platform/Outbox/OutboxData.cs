using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Platform.Outbox;

// One announced change, written in the transaction that made it. Id grows monotonically; consumers keep a cursor
// over it (Platform_OutboxCursors) and never delete rows, so every consumer, and every node's index, can replay.
internal sealed class OutboxMessage
{
    public long Id { get; set; }

    public required string EventType { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}

// How far one consumer (on one node, for per-node consumers; Node is "" otherwise) has applied the outbox, with
// what the admins' jobs page shows. Position moves only after the consumer's side effect succeeded.
internal sealed class OutboxCursor
{
    public required string Consumer { get; set; }

    public required string Node { get; set; }

    public long Position { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? LastRunAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Platform_Outbox");
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.Property(m => m.EventType).HasMaxLength(100);
        builder.HasIndex(m => new { m.EventType, m.Id });
    }
}

internal sealed class OutboxCursorConfiguration : IEntityTypeConfiguration<OutboxCursor>
{
    public void Configure(EntityTypeBuilder<OutboxCursor> builder)
    {
        builder.ToTable("Platform_OutboxCursors");
        builder.HasKey(c => new { c.Consumer, c.Node });
        builder.Property(c => c.Consumer).HasMaxLength(100);
        builder.Property(c => c.Node).HasMaxLength(100);
        builder.Property(c => c.LastError).HasMaxLength(2000);
    }
}
