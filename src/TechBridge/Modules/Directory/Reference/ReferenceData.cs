using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Persistence;

namespace TechBridge.Modules.Directory.Reference;

// Singleton: the lists are immutable; region checks go to the regions table (regions can be re-imported).
internal sealed class ReferenceData(IServiceScopeFactory scopes) : IReferenceData
{
    private readonly Lazy<Indexed> data = new(() => new Indexed(ReferenceCatalog.Load(ReferenceCatalog.ShippedDirectory)));

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
