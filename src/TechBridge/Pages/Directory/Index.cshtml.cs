using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.BrowseDirectory;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Pages.Directory;

// /Directory: verified organizations, filterable by name, kind, sector and region; ?handler=Csv exports the same list.
internal sealed class DirectoryModel(BrowseDirectory directory, IReferenceData reference) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    public IReadOnlyList<DirectoryEntry> Entries { get; private set; } = [];

    public static IReadOnlyList<string> Kinds { get; } = Enum.GetNames<OrganizationKind>();

    public IReadOnlyList<Sector> Sectors => reference.Sectors;

    private DirectoryFilter Filter => new(Kind, Sector?.Trim(), Region?.Trim(), Q);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await directory.ListAsync(Filter, BrowseDirectory.PageSize, cancellationToken);

    public async Task<FileContentResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        File(await directory.ExportCsvAsync(Filter, cancellationToken), "text/csv; charset=utf-8", "organizations.csv");
}
