using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Platform.Notifications;

namespace TechBridge.Pages;

[Authorize(Policy = Policies.SignedIn)]
internal sealed class NotificationsModel(NotificationsHandler inbox) : PageModel
{
    public NotificationList Inbox { get; private set; } = new([], 0);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Inbox = await inbox.ListAsync(cancellationToken);

    // Post-redirect-get, so that reloading the page does not repeat the form.
    public async Task<IActionResult> OnPostMarkReadAsync(Guid id, CancellationToken cancellationToken)
    {
        await inbox.MarkReadAsync(id, cancellationToken);
        return RedirectToPage();
    }
}
