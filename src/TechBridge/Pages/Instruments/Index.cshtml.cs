using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Instruments.BrowseCatalog;

namespace TechBridge.Pages.Instruments;

// /Instruments: the public catalog with its filters, as a list of cards that reads on a phone.
internal sealed class IndexModel(BrowseCatalogHandler catalog) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ValueBand { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Owner { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Open { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public CatalogPage Result { get; private set; } = new(0, 1, PageSize, []);

    public IReadOnlyList<OwnerChoice> Owners { get; private set; } = [];

    public int Pages => (Result.Total + PageSize - 1) / PageSize;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        Owners = await catalog.OwnersAsync(cancellationToken);
        Result = await catalog.ListAsync(new CatalogFilter(Q, Region, Category, ValueBand, Owner, Open ? true : null, PageNumber, PageSize), cancellationToken);
    }

    public string PageLink(int page) =>
        $"?q={Uri.EscapeDataString(Q ?? "")}&region={Uri.EscapeDataString(Region ?? "")}&category={Category}&valueBand={ValueBand}&owner={Owner}&open={(Open ? "true" : "false")}&p={page}";
}
