namespace TechBridge.Platform.Notifications;

// Adds a notification to the caller's unit of work, so it is saved (and audited) with the change it announces,
// or not at all. The caller saves.
internal sealed class Notifier(PlatformDbContext db, TimeProvider clock)
{
    // A template and its parameters: stored as the key and the values, rendered in the reader's language when read.
    // Title and Body keep the English rendering for readers that do not render (older API clients, exports).
    public Notification Notify(Guid userId, NotificationTemplate template, IReadOnlyDictionary<string, string> parameters, string? link)
    {
        var notification = Notify(userId, template.Key,
            NotificationTemplates.Fill(template.Title, template, parameters, null),
            NotificationTemplates.Fill(template.Body, template, parameters, null), link);
        notification.Parameters = NotificationTemplates.Serialize(parameters);
        return notification;
    }

    // Fixed words, stored as given (the older form; shown as written in every language).
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
