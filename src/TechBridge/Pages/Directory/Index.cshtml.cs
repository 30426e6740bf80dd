using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.BrowseDirectory;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Pages.Directory;

// /Directory: verified organizations, filterable by kind, sector and region; ?handler=Csv exports the same list.
internal sealed class DirectoryModel(BrowseDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    public IReadOnlyList<DirectoryEntry> Entries { get; private set; } = [];

    public static IReadOnlyList<string> Kinds { get; } = Enum.GetNames<OrganizationKind>();

    private DirectoryFilter Filter => new(Kind, Sector?.Trim(), Region?.Trim());

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await directory.ListAsync(Filter, BrowseDirectory.PageSize, cancellationToken);

    public async Task<FileContentResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        File(await directory.ExportCsvAsync(Filter, cancellationToken), "text/csv; charset=utf-8", "organizations.csv");
}
