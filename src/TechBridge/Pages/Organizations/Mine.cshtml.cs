using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Access;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.ListMyOrganizations;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Organizations;

// My organizations and the organization switcher: the choice is kept in the tb-org cookie, which
// ActingOrganization reads on every request (and checks against the memberships again).
[Authorize]
internal sealed class MineModel(PlatformDbContext db, IAccess access, ActorContext actor) : PageModel
{
    public IReadOnlyList<MyOrganization> Organizations { get; private set; } = [];

    public Guid? Acting => actor.OrganizationId;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Organizations = await ListMyOrganizationsEndpoint.ForUserAsync(db, access.UserId, cancellationToken);

    public async Task<IActionResult> OnPostSwitchAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var mine = await ListMyOrganizationsEndpoint.ForUserAsync(db, access.UserId, cancellationToken);
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
