using Microsoft.Extensions.Localization;
using TechBridge.Platform.Localization;

namespace TechBridge.Platform.Notifications;

internal sealed record NotificationView(Guid Id, string Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

internal sealed record NotificationList(IReadOnlyList<NotificationView> Items, int Unread);

// The signed-in user's own notifications. Another user's notification is "not found", never "forbidden": its
// existence is not the caller's business.
internal sealed class NotificationsHandler(PlatformDbContext db, ActorContext actor, TimeProvider clock, NotificationTemplates templates, IStringLocalizer<UiText> t)
{
    public const int MaxListed = 200;

    public async Task<NotificationList> ListAsync(CancellationToken cancellationToken)
    {
        var userId = CurrentUser();
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        var rows = await mine
            .OrderBy(n => n.ReadAt == null ? 0 : 1)
            .ThenByDescending(n => n.CreatedAt)
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
        // Rendered now, in the language of this request: the reader's, not the sender's.
        var items = rows.Select(n =>
        {
            var (title, body) = templates.Render(t, n.Kind, n.Parameters, n.Title, n.Body);
            return new NotificationView(n.Id, n.Kind, title, body, n.Link, n.CreatedAt, n.ReadAt);
        }).ToList();
        return new NotificationList(items, await mine.CountAsync(n => n.ReadAt == null, cancellationToken));
    }

    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken) =>
        actor.UserId is { } userId
            ? await db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken)
            : 0;

    // Reading twice is not an error: the first read time stays.
    public async Task MarkReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = CurrentUser();
        var notification = await db.Set<Notification>().SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken)
            ?? throw new NotFoundException("The notification");
        if (notification.ReadAt is null)
        {
            notification.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private Guid CurrentUser() => actor.UserId ?? throw new ForbiddenException("Notifications belong to a signed-in user.");
}

internal static class NotificationEndpoints
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<Notifier>();
        services.AddSingleton<NotificationTemplates>();
        services.AddScoped<NotificationsHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications")
            .WithTags("Notifications")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/", async (NotificationsHandler inbox, CancellationToken cancellationToken) => TypedResults.Ok(await inbox.ListAsync(cancellationToken)))
            .WithName("ListNotifications")
            .WithSummary("Lists the signed-in user's notifications, unread first, then newest first.");
        group.MapPost("/{id:guid}/read", async (Guid id, NotificationsHandler inbox, CancellationToken cancellationToken) =>
            {
                await inbox.MarkReadAsync(id, cancellationToken);
                return TypedResults.NoContent();
            })
            .WithName("MarkNotificationRead")
            .WithSummary("Marks one of the signed-in user's notifications as read (repeating it changes nothing).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
