using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Auditing;
using TechBridge.Platform.Files;
using TechBridge.Platform.Localization;

namespace TechBridge.Modules.Directory.BrowseDirectory;

internal sealed record DirectoryFilter(string? Kind, string? Sector, string? Region, string? Q = null);

internal sealed record DirectoryEntry(
    Guid Id, string LegalName, string Kind, string? CreditCode, string RegionCode, string RegionName,
    IReadOnlyList<string> Sectors, string? ContactName, string? ContactPhone, string? ContactEmail, bool ContactMasked);

// The public directory of verified organizations (service institutions: admitted ones). Contact phone and e-mail are personal data (PIPL): masked unless
// the viewer is an admin whose jurisdiction covers the organization.
internal sealed class BrowseDirectoryHandler(PlatformDbContext db, IHttpContextAccessor http, IServiceProvider services, AuditTrail audit, ActorContext actor, IReferenceData reference, IStringLocalizer<UiText> t)
{
    public const int PageSize = 50;

    // The organization kinds a directory filter offers, by their API names.
    public static IReadOnlyList<string> Kinds { get; } = Enum.GetNames<OrganizationKind>();
    public const int ExportLimit = 10_000;

    public Task<int> CountAsync(DirectoryFilter filter, CancellationToken ct) => Filtered(filter).CountAsync(ct);

    public async Task<List<DirectoryEntry>> ListAsync(DirectoryFilter filter, int skip, int take, CancellationToken ct)
    {
        var rows = await Filtered(filter).OrderBy(o => o.LegalName).ThenBy(o => o.Id).Skip(skip).Take(take)
            .Select(o => new
            {
                o.Id, o.LegalName, o.Kind, o.CreditCode, o.RegionCode, o.ContactName, o.ContactPhone, o.ContactEmail,
                Sectors = o.Sectors.Select(s => s.SectorCode).ToList(),
            })
            .ToListAsync(ct);
        var codes = rows.Select(r => r.RegionCode).Distinct().ToList();
        var names = await db.Set<Region>().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var jurisdictions = await AdminJurisdictionsAsync(ct);
        return rows.Select(r =>
        {
            var full = jurisdictions.Any(j => Jurisdictions.Covers(j, r.RegionCode));
            return new DirectoryEntry(r.Id, r.LegalName, r.Kind.ToString(), r.CreditCode, r.RegionCode, names.GetValueOrDefault(r.RegionCode, r.RegionCode),
                r.Sectors.Order(StringComparer.Ordinal).ToList(), r.ContactName,
                full ? r.ContactPhone : PersonalDataMask.Phone(r.ContactPhone), full ? r.ContactEmail : PersonalDataMask.Email(r.ContactEmail), !full);
        }).ToList();
    }

    private IQueryable<Organization> Filtered(DirectoryFilter filter)
    {
        // A service institution is listed once admitted (approved, not suspended), not merely verified: admission
        // with its public notice is what the directory vouches for.
        var query = db.Set<Organization>().AsNoTracking().Where(o => o.Verification == VerificationStatus.Verified
            && (o.Kind != OrganizationKind.ServiceInstitution
                || db.Set<InstitutionApplication>().Any(a => a.OrganizationId == o.Id && a.State == InstitutionState.Approved)));
        if (!string.IsNullOrEmpty(filter.Kind) && Enum.TryParse<OrganizationKind>(filter.Kind, ignoreCase: true, out var kind) && !int.TryParse(filter.Kind, out _))
        {
            query = query.Where(o => o.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            // Name search for the home page's search box; listings get full-text search with the search engine.
            var words = filter.Q.Trim();
            query = query.Where(o => o.LegalName.Contains(words.Length > 100 ? words.Substring(0, 100) : words));
        }

        if (!string.IsNullOrEmpty(filter.Sector))
        {
            query = query.Where(o => o.Sectors.Any(s => s.SectorCode == filter.Sector));
        }

        if (RegionFilter.Parse(filter.Region) is { } region)
        {
            // Registered in the region, or with a branch there.
            var registered = db.Set<Organization>().InRegion(region, o => o.RegionCode).Select(o => o.Id);
            var branched = db.Set<Branch>().InRegion(region, b => b.RegionCode).Select(b => b.OrganizationId);
            query = query.Where(o => registered.Contains(o.Id) || branched.Contains(o.Id));
        }

        return query;
    }

    public async Task<byte[]> ExportCsvAsync(DirectoryFilter filter, CancellationToken ct)
    {
        var entries = await ListAsync(filter, 0, ExportLimit, ct);
        var csv = new StringBuilder();
        csv.Append(Csv.Line("id", "legalName", "kind", "creditCode", "regionCode", "regionName", "sectors", "contactName", "contactPhone", "contactEmail"));
        foreach (var e in entries)
        {
            csv.Append(Csv.Line(e.Id.ToString(), e.LegalName, e.Kind, e.CreditCode, e.RegionCode, e.RegionName, string.Join(';', e.Sectors), e.ContactName, e.ContactPhone, e.ContactEmail));
        }

        actor.Action = "ExportDirectory";
        audit.Note("DirectoryExport", "organizations",
            $"exported {entries.Count} organizations (kind={filter.Kind}, sector={filter.Sector}, region={filter.Region}), unmasked contacts: {entries.Count(e => !e.ContactMasked)}");
        await db.SaveChangesAsync(ct);
        // UTF-8 with BOM so that spreadsheet software reads the Chinese correctly.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    // The same list for people (xlsx): headers in the reader's language, kind, region and sectors as names, contacts
    // masked exactly as on the page; noted in the audit trail like the CSV.
    public async Task<ExportTable> ExportTableAsync(DirectoryFilter filter, CancellationToken ct)
    {
        var entries = await ListAsync(filter, 0, ExportLimit, ct);
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        var regions = await reference.RegionNamesAsync(entries.Select(e => e.RegionCode).Distinct(), ct);
        string Sector(string code) => reference.Sectors.FirstOrDefault(s => s.Code == code) is { } s ? (chinese ? s.NameZh : s.NameEn) : code;
        var headers = new[] { t["Organization"].Value, t["Kind"].Value, t["Credit code"].Value, t["Region"].Value, t["Sectors"].Value, t["Contact"].Value, t["Phone"].Value, t["E-mail"].Value };
        var rows = entries.Select(e => new[]
        {
            e.LegalName, t[DisplayNames.Of(e.Kind)].Value, e.CreditCode, regions.GetValueOrDefault(e.RegionCode, e.RegionName),
            string.Join("、", e.Sectors.Select(Sector)), e.ContactName, e.ContactPhone, e.ContactEmail,
        }).ToList<string?[]>();
        actor.Action = "ExportDirectory";
        audit.Note("DirectoryExport", "export",
            $"exported {entries.Count} organizations as xlsx (kind={filter.Kind}, sector={filter.Sector}, region={filter.Region}), unmasked contacts: {entries.Count(e => !e.ContactMasked)}");
        await db.SaveChangesAsync(ct);
        return new ExportTable(headers, rows);
    }

    private async Task<IReadOnlyList<string>> AdminJurisdictionsAsync(CancellationToken ct)
    {
        if (http.HttpContext?.User.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        var access = services.GetRequiredService<IAccess>();
        return await access.JurisdictionsWithAsync(DirectoryPermissions.VerifyOrganizations, ct);
    }
}
