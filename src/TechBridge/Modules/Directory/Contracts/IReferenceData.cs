namespace TechBridge.Modules.Directory.Contracts;

// Shipped reference data (Data/reference) and code checks other modules use when they validate requests.
internal interface IReferenceData
{
    IReadOnlyList<Sector> Sectors { get; }

    IReadOnlyList<StatisticalCategory> StatisticalCategories { get; }

    IReadOnlyList<IndustrySection> IndustrySections { get; }

    IReadOnlyList<IndustryDivision> IndustryDivisions { get; }

    IReadOnlyList<TechnologyField> TechnologyFields { get; }

    IReadOnlyList<RegionGroup> RegionGroups { get; }

    IReadOnlyList<CountyCluster> CountyClusters { get; }

    IReadOnlyList<RecognitionKind> RecognitionKinds { get; }

    bool SectorExists(string? code);

    // Accepts the bare division ("73") or section + division ("M73").
    bool IndustryDivisionExists(string? code);

    bool TechnologyFieldExists(string? code);

    bool RecognitionKindExists(string? code);

    // True when the code is a county-level region (6 digits) in the regions table.
    Task<bool> IsCountyLevelAsync(string? regionCode, CancellationToken cancellationToken = default);

    Task<bool> RegionExistsAsync(string? regionCode, CancellationToken cancellationToken = default);

    // The province codes (11, 12, 13 …) of the regions table.
    Task<IReadOnlySet<string>> ProvinceCodesAsync(CancellationToken cancellationToken = default);

    // The current six-digit (county-level) codes. Province- or city-level codes in a credit code (110000, 130100)
    // are therefore "not current" and only warned about, as are codes retired since (130182 藁城市).
    Task<IReadOnlySet<string>> CountyCodesAsync(CancellationToken cancellationToken = default);

    // Display names for region codes, so pages never show a bare code: a county carries its city (石家庄市 长安区) or,
    // under a municipality, its province (北京市 海淀区); XIONGAN is 雄安新区. Unknown codes are left out.
    Task<IReadOnlyDictionary<string, string>> RegionNamesAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default);

    // What a region filter offers instead of a typed code: Beijing and Tianjin with their districts, Hebei with its
    // cities, 雄安新区 and the province-managed 辛集 and 定州. Province says which of the three a choice belongs to.
    Task<IReadOnlyList<RegionChoice>> RegionChoicesAsync(CancellationToken cancellationToken = default);

    // The region pickers' tree: Beijing, Tianjin and Hebei with their cities and counties. A municipality's 市辖区
    // level is left out (its districts hang under the province), so every node has a name people know.
    Task<IReadOnlyList<RegionNode>> RegionTreeAsync(CancellationToken cancellationToken = default);

    // The county-level regions of Beijing, Tianjin and Hebei by code, where an organization or branch is registered.
    Task<IReadOnlyList<RegionChoice>> CountiesAsync(CancellationToken cancellationToken = default);
}

internal enum RegionNodeLevel
{
    Province = 1,
    City = 2,
    County = 3,
}

// DisplayName is what pages show: a county with its city or municipality beside it ("石家庄市 长安区", "北京市 海淀区").
internal sealed record RegionNode(string Code, string Name, string? ParentCode, RegionNodeLevel Level, string DisplayName);

internal sealed record RegionChoice(string Code, string Name, string Province);

internal sealed record StatisticalCategory(string Code, string NameZh, string NameEn);

// One of the plan's ten sectors; StatisticalCategories lists the 2018 classification's top categories, primary first.
internal sealed record Sector(string Code, string NameZh, string NameEn, IReadOnlyList<string> StatisticalCategories);

internal sealed record IndustrySection(string Code, string NameZh, string NameEn);

internal sealed record IndustryDivision(string Code, string Section, string NameZh, string NameEn);

internal sealed record TechnologyField(string Code, string NameZh, string NameEn);

internal sealed record RegionGroup(string Code, string NameZh, string NameEn, string Kind, IReadOnlyList<string> RegionCodes, string Note);

internal sealed record CountyCluster(string Code, string NameZh, string NameEn, string IndustryDivision, IReadOnlyList<string> RegionCodes, string ProductZh);

internal sealed record RecognitionKind(string Code, string NameZh, string NameEn);
