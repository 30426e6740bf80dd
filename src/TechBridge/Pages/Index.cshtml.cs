using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Persistence;

namespace TechBridge.Pages;

internal sealed class IndexModel(PlatformDbContext db) : PageModel
{
    public int RegionCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        RegionCount = await db.Set<Region>().CountAsync(cancellationToken);
}
