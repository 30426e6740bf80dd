using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.ListMyOrganizations;
using TechBridge.Platform.Notifications;
using TechBridge.Platform.Portal;

namespace TechBridge.Pages;

// The personal workspace: the queues every module keeps for this user (own listings, engagements and orders; an
// admin's review queues; a broker's mediation), the user's organizations, and the latest notifications.
[Authorize]
internal sealed class WorkspaceModel(WorkspaceHandler workspace, ListMyOrganizationsHandler organizations, NotificationsHandler inbox) : PageModel
{
    public IReadOnlyList<MyOrganization> Organizations { get; private set; } = [];

    public IReadOnlyList<WorkspaceQueue> Queues { get; private set; } = [];

    public IReadOnlyList<NotificationView> Notifications { get; private set; } = [];

    public int Unread { get; private set; }

    // Admins, brokers, auditors and the system admin work for the platform, not for an organization: they are never
    // asked to register one.
    public bool WorksForThePlatform => Roles.All.Any(User.IsInRole);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Organizations = await organizations.MineAsync(cancellationToken);
        Queues = await workspace.QueuesAsync(cancellationToken);
        var list = await inbox.ListAsync(cancellationToken);
        Notifications = list.Items.Take(5).ToList();
        Unread = list.Unread;
    }
}
