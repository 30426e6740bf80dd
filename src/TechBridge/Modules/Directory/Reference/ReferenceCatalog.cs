using TechBridge.Modules.Directory.Contracts;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.Directory.Reference;

// The immutable reference lists, read once from the CSV files shipped in Data/reference. They change only with a
// release, so they are served from memory rather than loaded into tables.
internal sealed class ReferenceCatalog
{
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "Data", "reference");

    // One copy per process: ReferenceData serves it and RegionFilter reads the region groups from it.
    public static ReferenceCatalog Shipped => ShippedCatalog.Value;

    private static readonly Lazy<ReferenceCatalog> ShippedCatalog = new(() => Load(ShippedDirectory));

    public required IReadOnlyList<Sector> Sectors { get; init; }

    public required IReadOnlyList<StatisticalCategory> StatisticalCategories { get; init; }

    public required IReadOnlyList<IndustrySection> IndustrySections { get; init; }

    public required IReadOnlyList<IndustryDivision> IndustryDivisions { get; init; }

    public required IReadOnlyList<TechnologyField> TechnologyFields { get; init; }

    public required IReadOnlyList<RegionGroup> RegionGroups { get; init; }

    public required IReadOnlyList<CountyCluster> CountyClusters { get; init; }

    public required IReadOnlyList<RecognitionKind> RecognitionKinds { get; init; }

    public static ReferenceCatalog Load(string directory) => new()
    {
        Sectors = Rows(directory, "sectors.csv").Select(r => new Sector(r[0], r[1], r[2], List(r[3]))).ToList(),
        StatisticalCategories = Rows(directory, "statistical-categories.csv").Select(r => new StatisticalCategory(r[0], r[1], r[2])).ToList(),
        IndustrySections = Rows(directory, "industry-sections.csv").Select(r => new IndustrySection(r[0], r[1], r[2])).ToList(),
        IndustryDivisions = Rows(directory, "industry-divisions.csv").Select(r => new IndustryDivision(r[0], r[1], r[2], r[3])).ToList(),
        TechnologyFields = Rows(directory, "technology-fields.csv").Select(r => new TechnologyField(r[0], r[1], r[2])).ToList(),
        RegionGroups = Rows(directory, "region-groups.csv").Select(r => new RegionGroup(r[0], r[1], r[2], r[3], List(r[4]), r[5])).ToList(),
        CountyClusters = Rows(directory, "county-clusters.csv").Select(r => new CountyCluster(r[0], r[1], r[2], r[3], List(r[4]), r[5])).ToList(),
        RecognitionKinds = Rows(directory, "recognition-kinds.csv").Select(r => new RecognitionKind(r[0], r[1], r[2])).ToList(),
    };

    private static IEnumerable<string[]> Rows(string directory, string file)
    {
        using var reader = new StreamReader(Path.Combine(directory, file));
        var rows = Csv.Read(reader).ToList();
        var width = rows[0].Length;
        foreach (var row in rows.Skip(1).Where(r => r.Length > 0 && r[0].Length > 0))
        {
            if (row.Length != width)
            {
                throw new InvalidDataException($"{file}: row '{string.Join(',', row)}' has {row.Length} fields, the header {width}.");
            }

            yield return row;
        }
    }

    private static List<string> List(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
