
namespace TechBridge.Platform.Notifications;

// Adds a notification to the caller's unit of work, so it is saved (and audited) with the change it announces,
// or not at all. The caller saves.
internal sealed class Notifier(PlatformDbContext db, TimeProvider clock)
{
    public Notification Notify(Guid userId, string kind, string title, string body, string? link)
    {
        var notification = new Notification
        {
            UserId = userId,
            Kind = kind,
            Title = title.Length > 200 ? title[..200] : title,
            Body = body.Length > 2000 ? body[..2000] : body,
            Link = link,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Set<Notification>().Add(notification);
        return notification;
    }
}
