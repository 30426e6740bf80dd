using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechBridge.Platform.Auditing;

namespace TechBridge.Platform.Idempotency;

// The answer to one POST sent with an Idempotency-Key, per user. Added to the request's DbContext before the endpoint
// runs, so it commits with the endpoint's first SaveChanges: the operation and "this key was used" are one transaction.
// Status stays null until the answer is known; a row without one is an operation in flight (or whose answer was lost).
internal sealed class IdempotencyRecord : IUnaudited
{
    public required string Scope { get; init; }

    public required string Key { get; init; }

    public required string RequestHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public int? Status { get; set; }

    public string? ContentType { get; set; }

    public byte[]? Body { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("Platform_IdempotencyKeys");
        builder.HasKey(r => new { r.Scope, r.Key });
        builder.Property(r => r.Scope).HasMaxLength(64);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyMiddleware.MaxKeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.HasIndex(r => r.CreatedAt);
    }
}
