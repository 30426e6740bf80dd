using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.Directory.ImportRegions;

// Loads GB/T 2260 regions from the CSV layout in Data/regions. The header tells the level:
// code,name (provinces) · code,name,provinceCode (cities) · code,name,cityCode,provinceCode (counties).
internal sealed class ImportRegionsHandler(PlatformDbContext db)
{
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "Data", "regions");

    public async Task<int> ImportDirectoryAsync(string directory, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var name in new[] { "provinces.csv", "cities.csv", "areas.csv" })
        {
            total += await ImportFileAsync(Path.Combine(directory, name), progress, cancellationToken);
        }

        return total;
    }

    public async Task<int> ImportFileAsync(string path, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        var rows = Csv.Read(reader).ToList();
        if (rows.Count == 0)
        {
            return 0;
        }

        var header = rows[0];
        var parsed = rows.Skip(1).Where(r => r.Length >= 2 && r[0].Length > 0).Select(r => Parse(header, r, path)).ToList();
        var existing = await db.Set<Region>().ToDictionaryAsync(r => r.Code, cancellationToken);
        var done = 0;
        foreach (var region in parsed)
        {
            if (existing.TryGetValue(region.Code, out var current))
            {
                current.Name = region.Name;
                current.Level = region.Level;
                current.ParentCode = region.ParentCode;
            }
            else
            {
                db.Add(region);
            }

            if (++done % 500 == 0)
            {
                progress?.Report($"{Path.GetFileName(path)}: {done}/{parsed.Count}");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        progress?.Report($"{Path.GetFileName(path)}: {parsed.Count}/{parsed.Count} regions");
        return parsed.Count;
    }

    private static Region Parse(string[] header, string[] row, string path) => header.Length switch
    {
        2 => new Region { Code = row[0], Name = row[1], Level = RegionLevel.Province },
        3 => new Region { Code = row[0], Name = row[1], Level = RegionLevel.City, ParentCode = row[2] },
        4 => new Region { Code = row[0], Name = row[1], Level = RegionLevel.County, ParentCode = row[2] },
        _ => throw new InvalidDataException($"{path}: unrecognised header '{string.Join(',', header)}'."),
    };
}
