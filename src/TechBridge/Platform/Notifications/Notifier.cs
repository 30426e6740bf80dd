using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechBridge.Platform.Persistence;

namespace TechBridge.Platform.Notifications;

// Minimal in-app notifications (the fuller version with its UI replaces this file on merge; the shape is agreed).
internal sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Platform_Notifications");
        builder.Property(n => n.Kind).HasMaxLength(64);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Body).HasMaxLength(2000);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
    }
}

// Adds a notification to the current unit of work; the caller's SaveChanges commits it with the change it reports.
internal sealed class Notifier(PlatformDbContext db, TimeProvider clock)
{
    public void Notify(Guid userId, string kind, string title, string body, string? link) =>
        db.Add(new Notification { UserId = userId, Kind = kind, Title = title, Body = body, Link = link, CreatedAt = clock.GetUtcNow() });
}
