using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Pages;

internal sealed class IndexModel(PlatformDbContext db) : PageModel
{
    public int RegionCount { get; private set; }

    // Live platform figures: verified organizations by kind, confirmed recognitions, groups.
    public IReadOnlyDictionary<OrganizationKind, int> OrganizationsByKind { get; private set; } = new Dictionary<OrganizationKind, int>();

    public int RecognitionCount { get; private set; }

    public int GroupCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        RegionCount = await db.Set<Region>().CountAsync(cancellationToken);
        OrganizationsByKind = await db.Set<Organization>().Where(o => o.Verification == VerificationStatus.Verified)
            .GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        RecognitionCount = await db.Set<Recognition>().CountAsync(r => r.Status == RecognitionStatus.Confirmed, cancellationToken);
        GroupCount = await db.Set<OrganizationGroup>().CountAsync(cancellationToken);
    }
}
