using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Reference;

// Singleton: the lists are immutable; region checks go to the regions table (regions can be re-imported).
internal sealed class ReferenceData(IServiceScopeFactory scopes) : IReferenceData
{
    private readonly Lazy<Indexed> data = new(() => new Indexed(ReferenceCatalog.Shipped));

    public IReadOnlyList<Sector> Sectors => data.Value.Catalog.Sectors;

    public IReadOnlyList<StatisticalCategory> StatisticalCategories => data.Value.Catalog.StatisticalCategories;

    public IReadOnlyList<IndustrySection> IndustrySections => data.Value.Catalog.IndustrySections;

    public IReadOnlyList<IndustryDivision> IndustryDivisions => data.Value.Catalog.IndustryDivisions;

    public IReadOnlyList<TechnologyField> TechnologyFields => data.Value.Catalog.TechnologyFields;

    public IReadOnlyList<RegionGroup> RegionGroups => data.Value.Catalog.RegionGroups;

    public IReadOnlyList<CountyCluster> CountyClusters => data.Value.Catalog.CountyClusters;

    public IReadOnlyList<RecognitionKind> RecognitionKinds => data.Value.Catalog.RecognitionKinds;

    public bool SectorExists(string? code) => code is not null && data.Value.Sectors.Contains(code);

    public bool IndustryDivisionExists(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        if (char.IsAsciiLetter(code[0]))
        {
            return data.Value.Divisions.TryGetValue(code[1..], out var division) && division.Section.Equals(code[..1], StringComparison.OrdinalIgnoreCase);
        }

        return data.Value.Divisions.ContainsKey(code);
    }

    public bool TechnologyFieldExists(string? code) => code is not null && data.Value.Fields.Contains(code);

    public bool RecognitionKindExists(string? code) => code is not null && data.Value.Kinds.Contains(code);

    public async Task<bool> IsCountyLevelAsync(string? regionCode, CancellationToken cancellationToken = default) =>
        regionCode is { Length: 6 } && await FindAsync(regionCode, cancellationToken) is { Level: RegionLevel.County };

    public async Task<bool> RegionExistsAsync(string? regionCode, CancellationToken cancellationToken = default) =>
        regionCode is { Length: 2 or 4 or 6 } && await FindAsync(regionCode, cancellationToken) is not null;

    public async Task<IReadOnlySet<string>> ProvinceCodesAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<Region>().AsNoTracking()
            .Where(r => r.Level == RegionLevel.Province).Select(r => r.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlySet<string>> CountyCodesAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var codes = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<Region>().AsNoTracking()
            .Select(r => r.Code).ToListAsync(cancellationToken);
        return codes.Where(c => c.Length == 6).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, string>> RegionNamesAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default)
    {
        var wanted = codes.Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal).ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (wanted.Remove(Jurisdictions.Xiongan))
        {
            names[Jurisdictions.Xiongan] = XionganName;
        }

        if (wanted.Count == 0)
        {
            return names;
        }

        // The parents (city, province) of every code, so a county can be named with its city in one round trip.
        var lookup = wanted.Concat(wanted.Where(c => c.Length >= 4).Select(c => c[..4])).Concat(wanted.Where(c => c.Length >= 2).Select(c => c[..2]))
            .Distinct(StringComparer.Ordinal).ToList();
        await using var scope = scopes.CreateAsyncScope();
        var regions = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<Region>().AsNoTracking()
            .Where(r => lookup.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, StringComparer.Ordinal, cancellationToken);
        foreach (var code in wanted)
        {
            if (!regions.TryGetValue(code, out var name))
            {
                continue;
            }

            names[code] = code.Length switch
            {
                6 when regions.TryGetValue(code[..4], out var city) && city != MunicipalDistricts => city + " " + name,
                6 or 4 when regions.TryGetValue(code[..2], out var province) && (code.Length == 6 || name == MunicipalDistricts) => province + (name == MunicipalDistricts ? "" : " " + name),
                _ => name,
            };
        }

        return names;
    }

    public async Task<IReadOnlyList<RegionChoice>> RegionChoicesAsync(CancellationToken cancellationToken = default)
    {
        string[] provinces = [Jurisdictions.Beijing, Jurisdictions.Tianjin, Jurisdictions.Hebei];
        await using var scope = scopes.CreateAsyncScope();
        var regions = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<Region>().AsNoTracking()
            .Where(r => provinces.Contains(r.Code) || (r.ParentCode != null && provinces.Contains(r.ParentCode)) || r.Code.StartsWith(Jurisdictions.Beijing) || r.Code.StartsWith(Jurisdictions.Tianjin))
            .OrderBy(r => r.Code).ToListAsync(cancellationToken);
        var choices = new List<RegionChoice>();
        foreach (var province in provinces)
        {
            var inProvince = regions.Where(r => r.Code.StartsWith(province, StringComparison.Ordinal)).ToList();
            if (inProvince.FirstOrDefault(r => r.Code == province) is not { } top)
            {
                continue;
            }

            choices.Add(new RegionChoice(province, top.Name, province));
            // Municipalities list their districts (their only city is 市辖区); Hebei lists its cities.
            var below = province == Jurisdictions.Hebei
                ? inProvince.Where(r => r.Level == RegionLevel.City && r.Name != MunicipalDistricts)
                : inProvince.Where(r => r.Level == RegionLevel.County);
            choices.AddRange(below.Select(r => new RegionChoice(r.Code, r.Name, province)));
        }

        if (choices.Any(c => c.Code == Jurisdictions.Hebei))
        {
            choices.Add(new RegionChoice(Jurisdictions.Xiongan, XionganName, Jurisdictions.Hebei));
            var managed = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<Region>().AsNoTracking()
                .Where(r => ProvinceManaged.Contains(r.Code)).OrderBy(r => r.Code).ToListAsync(cancellationToken);
            choices.AddRange(managed.Select(r => new RegionChoice(r.Code, r.Name, Jurisdictions.Hebei)));
        }

        return choices;
    }

    public async Task<IReadOnlyList<RegionNode>> RegionTreeAsync(CancellationToken cancellationToken = default)
    {
        string[] provinces = [Jurisdictions.Beijing, Jurisdictions.Tianjin, Jurisdictions.Hebei];
        await using var scope = scopes.CreateAsyncScope();
        var regions = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<Region>().AsNoTracking()
            .Where(r => r.Code.StartsWith(Jurisdictions.Beijing) || r.Code.StartsWith(Jurisdictions.Tianjin) || r.Code.StartsWith(Jurisdictions.Hebei))
            .OrderBy(r => r.Code).ToListAsync(cancellationToken);
        var byCode = regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var nodes = new List<RegionNode>();
        foreach (var region in regions.Where(r => provinces.Contains(r.Code[..2])))
        {
            if (region.Name == MunicipalDistricts)
            {
                continue;
            }

            var parent = region.ParentCode is { } p && byCode.TryGetValue(p, out var up) && up.Name == MunicipalDistricts ? up.ParentCode : region.ParentCode;
            var display = region.Level == RegionLevel.County && parent is not null && byCode.TryGetValue(parent, out var above)
                ? above.Name + " " + region.Name
                : region.Name;
            nodes.Add(new RegionNode(region.Code, region.Name, parent, (RegionNodeLevel)(int)region.Level, display));
        }

        return nodes;
    }

    public async Task<IReadOnlyList<RegionChoice>> CountiesAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var counties = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<Region>().AsNoTracking()
            .Where(r => r.Level == RegionLevel.County && (r.Code.StartsWith(Jurisdictions.Beijing) || r.Code.StartsWith(Jurisdictions.Tianjin) || r.Code.StartsWith(Jurisdictions.Hebei)))
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
        return counties.Select(r => new RegionChoice(r.Code, r.Name, r.Code[..2])).ToList();
    }

    private const string MunicipalDistricts = "市辖区";

    private const string XionganName = "雄安新区";

    private static readonly string[] ProvinceManaged = ["130181", "130682"];

    private async Task<Region?> FindAsync(string code, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<Region>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Code == code, cancellationToken);
    }

    private sealed class Indexed(ReferenceCatalog catalog)
    {
        public ReferenceCatalog Catalog { get; } = catalog;

        public HashSet<string> Sectors { get; } = catalog.Sectors.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);

        public Dictionary<string, IndustryDivision> Divisions { get; } = catalog.IndustryDivisions.ToDictionary(d => d.Code, StringComparer.Ordinal);

        public HashSet<string> Fields { get; } = catalog.TechnologyFields.Select(f => f.Code).ToHashSet(StringComparer.Ordinal);

        public HashSet<string> Kinds { get; } = catalog.RecognitionKinds.Select(k => k.Code).ToHashSet(StringComparer.Ordinal);
    }
}
