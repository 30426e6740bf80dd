using TechBridge.Modules.Directory.Reference;
using TechBridge.Modules.Directory.Seed;
using TechBridge.Platform.Files;

namespace TechBridge.Tests.Modules.Directory.Reference;

public sealed class ReferenceDataTests
{
    private static readonly ReferenceCatalog Catalog = ReferenceCatalog.Load(ReferenceCatalog.ShippedDirectory);

    private static HashSet<string> RegionCodes()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in new[] { "provinces.csv", "cities.csv", "areas.csv" })
        {
            using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Data", "regions", file));
            codes.UnionWith(Csv.Read(reader).Skip(1).Where(r => r.Length > 1).Select(r => r[0]));
        }

        return codes;
    }

    [Fact]
    public void Sectors_AreTenWithStableCodes_EachMappedToStatisticalCategories()
    {
        var categories = Catalog.StatisticalCategories.Select(c => c.Code).ToHashSet();

        Assert.Equal(10, Catalog.Sectors.Count);
        Assert.Equal(10, Catalog.Sectors.Select(s => s.Code).Distinct().Count());
        Assert.Equal(7, categories.Count);
        Assert.All(Catalog.Sectors, s =>
        {
            Assert.NotEmpty(s.StatisticalCategories);
            Assert.All(s.StatisticalCategories, c => Assert.Contains(c, categories));
            Assert.False(string.IsNullOrWhiteSpace(s.NameEn));
        });
        Assert.Contains(Catalog.Sectors, s => s.Code == "rd" && s.NameZh == "高端研发");
    }

    [Fact]
    public void Industries_Have20SectionsAnd97Divisions_EachInItsSection()
    {
        var sections = Catalog.IndustrySections.Select(s => s.Code).ToList();

        Assert.Equal("ABCDEFGHIJKLMNOPQRST", string.Concat(sections));
        Assert.Equal(97, Catalog.IndustryDivisions.Count);
        Assert.Equal(Enumerable.Range(1, 97).Select(i => i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)), Catalog.IndustryDivisions.Select(d => d.Code));
        Assert.All(Catalog.IndustryDivisions, d => Assert.Contains(d.Section, sections));
        Assert.All(sections, s => Assert.Contains(Catalog.IndustryDivisions, d => d.Section == s));
        Assert.Contains(Catalog.IndustryDivisions, d => d.Code == "73" && d.Section == "M" && d.NameZh == "研究和试验发展");
    }

    [Fact]
    public void TechnologyFields_AreEleven()
    {
        Assert.Equal(11, Catalog.TechnologyFields.Count);
        Assert.Contains(Catalog.TechnologyFields, f => f.NameZh == "核应用技术");
    }

    [Fact]
    public void RegionGroupsAndClusters_NameExistingRegionsAndDivisions()
    {
        var regions = RegionCodes();
        var divisions = Catalog.IndustryDivisions.Select(d => d.Code).ToHashSet();

        Assert.Equal(9, Catalog.CountyClusters.Count);
        Assert.All(Catalog.CountyClusters.SelectMany(c => c.RegionCodes), code => Assert.Contains(code, regions));
        Assert.All(Catalog.CountyClusters, c => Assert.Contains(c.IndustryDivision, divisions));
        Assert.All(Catalog.RegionGroups.SelectMany(g => g.RegionCodes), code => Assert.Contains(code, regions));
        Assert.Equal(["130629", "130632", "130638"], Catalog.RegionGroups.Single(g => g.Code == "xiongan").RegionCodes);
        Assert.Equal(["130532", "130531"], Catalog.CountyClusters.Single(c => c.NameZh.Contains("自行车", StringComparison.Ordinal)).RegionCodes);
    }

    [Fact]
    public void DemoCreditCodes_CarryRegionAndValidCheckCharacter()
    {
        var code = DemoCreditCodes.Build("91", "130102", 12345678);

        Assert.Equal(18, code.Length);
        Assert.Equal("130102", code[2..8]);
        Assert.True(DemoCreditCodes.IsValid(code));
        // Independent check of GB 32100: weights 3^i mod 31, check = 31 − sum mod 31.
        var sum = Enumerable.Range(0, 17).Sum(i => DemoCreditCodes.Charset.IndexOf(code[i], StringComparison.Ordinal) * (int)(System.Numerics.BigInteger.ModPow(3, i, 31)));
        Assert.Equal(DemoCreditCodes.Charset[(31 - (sum % 31)) % 31], code[17]);
        Assert.False(DemoCreditCodes.IsValid(code[..17] + (code[17] == '0' ? '1' : '0')));
    }
}
