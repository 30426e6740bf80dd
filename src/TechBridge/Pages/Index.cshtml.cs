using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Platform.Portal;

namespace TechBridge.Pages;

// The home page: what a visitor can do first, the announcements, and figures that say what the platform holds.
internal sealed class IndexModel(HomeHandler home, IReferenceData reference) : PageModel
{
    public HomeView View { get; private set; } = null!;

    public IReferenceData Reference => reference;

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await home.ReadAsync(cancellationToken);

    // Sectors in the reference order, then items without a sector, so every count is in the table.
    public IReadOnlyList<(string Code, string NameZh, string NameEn)> SectorRows()
    {
        var rows = reference.Sectors.Select(s => (s.Code, s.NameZh, s.NameEn)).ToList();
        if (View.Sectors.Where(c => c.BySector.Keys.Any(k => k.Length > 0)).Any(c => c.BySector.GetValueOrDefault("") > 0))
        {
            rows.Add(("", "未分领域", "No sector"));
        }

        return rows;
    }
}
