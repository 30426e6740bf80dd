using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.BrowseDirectory;
using TechBridge.Modules.Directory.Contracts;

namespace TechBridge.Pages.Directory;

// /Directory: verified organizations, filterable by name, kind, sector and region; ?handler=Xlsx and ?handler=Csv export the same list.
internal sealed class DirectoryModel(BrowseDirectoryHandler directory, IReferenceData reference) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<DirectoryEntry> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + BrowseDirectoryHandler.PageSize - 1) / BrowseDirectoryHandler.PageSize);

    public string SectorName(string code)
    {
        var sector = reference.Sectors.FirstOrDefault(s => s.Code == code);
        return sector is null ? code : System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? sector.NameZh : sector.NameEn;
    }

    public static IReadOnlyList<string> Kinds { get; } = BrowseDirectoryHandler.Kinds;

    public IReadOnlyList<Sector> Sectors => reference.Sectors;

    private DirectoryFilter Filter => new(Kind, Sector?.Trim(), Region?.Trim(), Q);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Total = await directory.CountAsync(Filter, cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Entries = await directory.ListAsync(Filter, (PageNumber - 1) * BrowseDirectoryHandler.PageSize, BrowseDirectoryHandler.PageSize, cancellationToken);
    }

    public async Task<FileContentResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        File(await directory.ExportCsvAsync(Filter, cancellationToken), "text/csv; charset=utf-8", "organizations.csv");

    // ?handler=Xlsx: the same list for people, in the reader's language.
    public async Task<FileContentResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        File(Platform.Files.TableExport.ToXlsx(await directory.ExportTableAsync(Filter, cancellationToken)),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "organizations.xlsx");
}
