using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Access;
using TechBridge.Modules.Directory.ListMyOrganizations;

namespace TechBridge.Pages.Organizations;

// My organizations and the organization switcher: the choice is kept in the tb-org cookie, which
// ActingOrganization reads on every request (and checks against the memberships again).
[Authorize]
internal sealed class MineModel(ListMyOrganizationsHandler handler, ActorContext actor) : PageModel
{
    public IReadOnlyList<MyOrganization> Organizations { get; private set; } = [];

    public Guid? Acting => actor.OrganizationId;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Organizations = await handler.MineAsync(cancellationToken);

    public async Task<IActionResult> OnPostSwitchAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var mine = await handler.MineAsync(cancellationToken);
        if (mine.All(o => o.Id != organizationId))
        {
            return NotFound();
        }

        Response.Cookies.Append(ActingOrganization.Cookie, organizationId.ToString(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            IsEssential = true,
        });
        return RedirectToPage();
    }
}
