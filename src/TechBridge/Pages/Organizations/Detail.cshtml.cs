using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.GetOrganization;
using TechBridge.Platform.Persistence;

namespace TechBridge.Pages.Organizations;

// An organization's registration as its members and the admins of its jurisdiction see it (404 for others).
[Authorize]
internal sealed class DetailModel(PlatformDbContext db, IAccess access) : PageModel
{
    public OrganizationView Organization { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Organization = GetOrganizationEndpoint.ToView(await GetOrganizationEndpoint.LoadVisibleAsync(db, access, id, cancellationToken));
}
