using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ListListings;
using TechBridge.Modules.Listings.ManageListing;
using TechBridge.Platform.Files;

namespace TechBridge.Pages.Listings;

// /Listings: published offerings, demands and achievements, one kind at a time, filtered and paged; the same query
// as GET /api/v1/{kind}s, so a filter gives the page and the API the same listings.
internal sealed class IndexModel(ListListingsHandler lists, IReferenceData reference, ExportListingsHandler exports) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = "demand";

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Field { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReferenceData Reference => reference;

    public int Total { get; private set; }

    public IReadOnlyList<ListingSummary> Rows { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim();
        var filter = new ListingFilter(reference.SectorExists(Sector) ? Sector : null, reference.TechnologyFieldExists(Field) ? Field : null, null,
            Region, null, null, PageNumber, PageSize);
        var (kind, page) = await lists.SummariesAsync(Kind, filter, cancellationToken);
        (Kind, Total, Rows) = (kind, page.Total, page.Items);
        RegionNames = await reference.RegionNamesAsync(Rows.Select(r => r.Region), cancellationToken);
    }

    // ?handler=Export&format=xlsx|csv: the filtered listings (all pages) in the reader's language.
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim();
        var filter = new ListingFilter(reference.SectorExists(Sector) ? Sector : null, reference.TechnologyFieldExists(Field) ? Field : null, null, Region, null, null, 1, 100);
        var (kind, table) = await exports.TableAsync(Kind, filter, cancellationToken);
        return format == "csv"
            ? File(TableExport.ToCsv(table), "text/csv; charset=utf-8", kind + "s.csv")
            : File(TableExport.ToXlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", kind + "s.xlsx");
    }
}
