using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Time;

namespace TechBridge.Pages.Notices;

// 公示: the public notice board of institution admission; no sign-in, so the public can see who is being admitted.
internal sealed class NoticesModel(PlatformDbContext db) : PageModel
{
    internal sealed record Notice(string LegalName, string? CreditCode, string RegionName, DateTimeOffset EndsAt)
    {
        public DateTimeOffset EndsAtChina => AdjustableClock.ToChina(EndsAt);
    }

    public IReadOnlyList<Notice> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<InstitutionApplication>().Where(a => a.State == InstitutionState.PublicNotice)
            .Join(db.Set<Organization>(), a => a.OrganizationId, o => o.Id, (a, o) => new { o.LegalName, o.CreditCode, a.RegionCode, a.NoticeEndsAt })
            .ToListAsync(cancellationToken);
        var codes = rows.Select(r => r.RegionCode).Distinct().ToList();
        var names = await db.Set<Region>().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        Notices = rows.OrderBy(r => r.NoticeEndsAt)
            .Select(r => new Notice(r.LegalName, r.CreditCode, names.GetValueOrDefault(r.RegionCode, r.RegionCode), r.NoticeEndsAt ?? DateTimeOffset.MinValue))
            .ToList();
    }
}
