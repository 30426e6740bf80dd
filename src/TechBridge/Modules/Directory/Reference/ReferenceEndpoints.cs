using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Reference;

internal sealed record SectorResponse(string Code, string NameZh, string NameEn, IReadOnlyList<StatisticalCategory> StatisticalCategories);

internal sealed record IndustriesResponse(IReadOnlyList<IndustrySectionResponse> Sections);

internal sealed record IndustrySectionResponse(string Code, string NameZh, string NameEn, IReadOnlyList<IndustryDivision> Divisions);

internal sealed record RegionResponse(string Code, string Name, string Level, string? ParentCode);

internal sealed record JurisdictionResponse(string Code, string Name, string? Parent);

internal sealed record RegionGroupsResponse(IReadOnlyList<RegionGroup> Groups, IReadOnlyList<CountyCluster> CountyClusters);

// GET /api/v1/reference/...: anonymous, cacheable lists (they change only with a release or a regions import).
internal static class ReferenceEndpoints
{
    private const string CacheControl = "public, max-age=3600";

    // 辛集 and 定州: county-level cities the province manages directly (Jurisdictions.Of gives them their own node).
    private static readonly string[] ProvinceManaged = ["130181", "130682"];

    public static RouteGroupBuilder MapReference(this RouteGroupBuilder group)
    {
        group.AllowAnonymous().AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = CacheControl;
            return await next(context);
        });

        group.MapGet("/sectors", (IReferenceData reference) =>
            {
                var categories = reference.StatisticalCategories.ToDictionary(c => c.Code);
                return TypedResults.Ok(reference.Sectors
                    .Select(s => new SectorResponse(s.Code, s.NameZh, s.NameEn, s.StatisticalCategories.Select(c => categories[c]).ToList()))
                    .ToList());
            })
            .WithName("ListSectors")
            .WithSummary("The plan's ten sectors with their mapping to the 2018 statistical classification of sci-tech services.");

        group.MapGet("/statistical-categories", (IReferenceData reference) => TypedResults.Ok(reference.StatisticalCategories))
            .WithName("ListStatisticalCategories")
            .WithSummary("Top categories of the national statistical classification of sci-tech services (2018).");

        group.MapGet("/industries", (IReferenceData reference) => TypedResults.Ok(new IndustriesResponse(reference.IndustrySections
                .Select(s => new IndustrySectionResponse(s.Code, s.NameZh, s.NameEn, reference.IndustryDivisions.Where(d => d.Section == s.Code).ToList()))
                .ToList())))
            .WithName("ListIndustries")
            .WithSummary("GB/T 4754-2017 industry sections (A–T) with their two-digit divisions.");

        group.MapGet("/technology-fields", (IReferenceData reference) => TypedResults.Ok(reference.TechnologyFields))
            .WithName("ListTechnologyFields")
            .WithSummary("The 11 technology fields of technology-contract registration.");

        group.MapGet("/recognition-kinds", (IReferenceData reference) => TypedResults.Ok(reference.RecognitionKinds))
            .WithName("ListRecognitionKinds")
            .WithSummary("Kinds of recognitions (qualifications) an organization can hold.");

        group.MapGet("/region-groups", (IReferenceData reference) => TypedResults.Ok(new RegionGroupsResponse(reference.RegionGroups, reference.CountyClusters)))
            .WithName("ListRegionGroups")
            .WithSummary("Region groups of the plan (雄安, 省会, 冀中南) and the county characteristic clusters with their region codes.");

        group.MapGet("/regions", ListRegionsAsync)
            .WithName("ListRegions")
            .WithSummary("Regions under a parent code (provinces when no parent is given), or with q those whose name contains q (within parent when given).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/jurisdictions", ListJurisdictionsAsync)
            .WithName("ListJurisdictions")
            .WithSummary("The administrative tree that scopes admins: Beijing, Tianjin, Hebei over its cities, 雄安新区, 辛集 and 定州.");
        return group;
    }

    private static async Task<Ok<List<RegionResponse>>> ListRegionsAsync(string? parent, string? q, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Set<Region>().AsNoTracking();
        // Search by name (the pickers' search for API clients): regions whose name contains the text, at most 50.
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            var found = await query.Where(r => r.Name.Contains(text) && (string.IsNullOrEmpty(parent) || r.Code.StartsWith(parent)))
                .OrderBy(r => r.Code).Take(50).ToListAsync(cancellationToken);
            return TypedResults.Ok(found.Select(r => new RegionResponse(r.Code, r.Name, r.Level.ToString(), r.ParentCode)).ToList());
        }

        query = string.IsNullOrEmpty(parent) ? query.Where(r => r.Level == RegionLevel.Province) : query.Where(r => r.ParentCode == parent);
        var regions = await query.OrderBy(r => r.Code).ToListAsync(cancellationToken);
        if (regions.Count == 0 && !string.IsNullOrEmpty(parent) && !await db.Set<Region>().AnyAsync(r => r.Code == parent, cancellationToken))
        {
            throw new Platform.Errors.NotFoundException($"Region '{parent}'");
        }

        return TypedResults.Ok(regions.Select(r => new RegionResponse(r.Code, r.Name, r.Level.ToString(), r.ParentCode)).ToList());
    }

    private static async Task<Ok<List<JurisdictionResponse>>> ListJurisdictionsAsync(PlatformDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await JurisdictionTreeAsync(db, cancellationToken));

    public static async Task<List<JurisdictionResponse>> JurisdictionTreeAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var codes = new List<string> { Jurisdictions.Beijing, Jurisdictions.Tianjin, Jurisdictions.Hebei };
        var hebeiCities = await db.Set<Region>().AsNoTracking()
            .Where(r => r.ParentCode == Jurisdictions.Hebei && r.Level == RegionLevel.City).Select(r => r.Code).OrderBy(c => c).ToListAsync(cancellationToken);
        codes.AddRange(hebeiCities);
        codes.AddRange(ProvinceManaged);
        var names = await db.Set<Region>().AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        var tree = codes.Select(c => new JurisdictionResponse(c, names.GetValueOrDefault(c, c), Jurisdictions.Parent(c))).ToList();
        tree.Insert(3 + hebeiCities.Count, new JurisdictionResponse(Jurisdictions.Xiongan, "雄安新区", Jurisdictions.Hebei));
        return tree;
    }
}
