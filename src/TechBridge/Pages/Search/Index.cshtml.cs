using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Matching.SearchListings;

namespace TechBridge.Pages.Search;

// /Search: the one search box with filters; the same service and limits as GET /api/v1/search.
[EnableRateLimiting(RateLimits.Search)]
internal sealed class SearchModel(SearchListingsHandler search, IReferenceData reference) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Field { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Voucher { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? TrlMin { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SearchResponse? Results { get; private set; }

    public IReadOnlyList<Violation> Errors { get; private set; } = [];

    public IReferenceData Reference => reference;

    public static IReadOnlyList<string> Kinds { get; } = ["offering", "demand", "achievement", "organization"];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Results = await search.SearchAsync(new SearchQuery(Q, Kind, Sector, Field, Region: Region, Voucher: Voucher ? true : null,
                TrlMin: TrlMin, Sort: Sort, Page: PageNumber, PageSize: 10), cancellationToken);
        }
        catch (InvalidRequestException invalid)
        {
            Errors = invalid.Violations;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["kind"] = Kind, ["sector"] = Sector, ["field"] = Field, ["region"] = Region,
        ["voucher"] = Voucher ? "true" : null, ["trlMin"] = TrlMin?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["sort"] = Sort, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
