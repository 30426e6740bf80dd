using System.Globalization;
using Microsoft.Extensions.Localization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ManageListing;
using TechBridge.Platform.Files;
using TechBridge.Platform.Localization;

namespace TechBridge.Modules.Listings.ListListings;

// Published listings of one kind as a table for people: headers in the reader's language and names, not codes
// (field, sector and region names; the status as a word), through the platform's one export (CSV and xlsx).
// GET /api/v1/{kind}s/export.xlsx and the listings page use it; export.csv stays the machine format.
internal sealed class ExportListingsHandler(ListListingsHandler lists, IReferenceData reference, IStringLocalizer<UiText> t)
{
    private const int PageSize = 100;

    public async Task<(string Kind, ExportTable Table)> TableAsync(string? kindName, ListingFilter filter, CancellationToken cancellationToken)
    {
        var rows = new List<ListingSummary>();
        var kind = "demand";
        for (var page = 1; rows.Count < ListingQuery.MaxExportRows; page++)
        {
            var (name, slice) = await lists.SummariesAsync(kindName, filter with { Page = page, PageSize = PageSize }, cancellationToken);
            kind = name;
            rows.AddRange(slice.Items);
            if (slice.Items.Count < PageSize || rows.Count >= slice.Total)
            {
                break;
            }
        }

        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        var regions = await reference.RegionNamesAsync(rows.Select(r => r.Region).Distinct(), cancellationToken);
        string? Field(string? code) => reference.TechnologyFields.FirstOrDefault(f => f.Code == code) is { } f ? (chinese ? f.NameZh : f.NameEn) : code;
        string? Sector(string? code) => reference.Sectors.FirstOrDefault(s => s.Code == code) is { } s ? (chinese ? s.NameZh : s.NameEn) : code;
        var headers = new[] { t["Kind"].Value, t["Title"].Value, t["Organization"].Value, t["Technology field"].Value, t["Sector"].Value, t["Region"].Value, t["Price or budget"].Value, t["Status"].Value };
        var table = rows.Select(r => new[]
        {
            t[r.Kind].Value, r.Title, r.Organization ?? t["Anonymous enterprise"].Value, Field(r.Field), Sector(r.Sector),
            regions.GetValueOrDefault(r.Region, r.Region), r.Price ?? t["Negotiable"].Value, t.Label(r.Status),
        }).ToList<string?[]>();
        return (kind, new ExportTable(headers, table));
    }
}
