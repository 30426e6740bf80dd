using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Platform.Notifications;

// An in-app message to one user ("your booking was approved"). Kind is a stable machine word for filtering and,
// when Parameters is set, the key of the NotificationTemplate that renders it in the reader's language; Title and
// Body then hold the English rendering (for clients that do not render). Rows without Parameters (written before
// templates) are shown as stored.
internal sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public string? Link { get; set; }

    // The template's values as a JSON object of strings.
    public string? Parameters { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        // No foreign key to the users table: the platform layer does not depend on a module's tables, and users
        // are deactivated rather than deleted, so a dangling recipient cannot arise in practice.
        builder.ToTable("Platform_Notifications");
        builder.Property(n => n.Kind).HasMaxLength(64);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Body).HasMaxLength(2000);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.Property(n => n.Parameters).HasMaxLength(4000);
        builder.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
    }
}
