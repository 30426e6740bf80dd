using System.Text.Json;

namespace TechBridge.Tests.Modules.Directory.Reference;

public abstract class ReferenceApiTests(AppHost host)
{
    private async Task<JsonElement> GetAsync(string path)
    {
        using var client = host.CreateAnonymousClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Sectors_Anonymous_ListsTenWithStatisticalMapping()
    {
        var sectors = await GetAsync("/api/v1/reference/sectors");

        Assert.Equal(10, sectors.GetArrayLength());
        Assert.All(sectors.EnumerateArray(), s => Assert.True(s.GetProperty("statisticalCategories").GetArrayLength() > 0));
    }

    [Fact]
    public async Task IndustriesAndFields_Anonymous_ListStandardCodes()
    {
        var industries = await GetAsync("/api/v1/reference/industries");
        var fields = await GetAsync("/api/v1/reference/technology-fields");

        var sections = industries.GetProperty("sections");
        Assert.Equal(20, sections.GetArrayLength());
        Assert.Equal(97, sections.EnumerateArray().Sum(s => s.GetProperty("divisions").GetArrayLength()));
        Assert.Equal(11, fields.GetArrayLength());
    }

    [Fact]
    public async Task Regions_WithParent_ListsChildren_AndUnknownParentIs404()
    {
        var provinces = await GetAsync("/api/v1/reference/regions");
        var shijiazhuang = await GetAsync("/api/v1/reference/regions?parent=1301");
        using var client = host.CreateAnonymousClient();
        var unknown = await client.GetAsync(new Uri("/api/v1/reference/regions?parent=9999", UriKind.Relative));

        Assert.Contains(provinces.EnumerateArray(), r => r.GetProperty("code").GetString() == "13");
        Assert.Contains(shijiazhuang.EnumerateArray(), r => r.GetProperty("code").GetString() == "130102" && r.GetProperty("level").GetString() == "County");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Regions_WithText_FindsRegionsByName()
    {
        var changan = await GetAsync("/api/v1/reference/regions?q=" + Uri.EscapeDataString("长安"));
        var inHebei = await GetAsync("/api/v1/reference/regions?parent=13&q=" + Uri.EscapeDataString("长安"));

        Assert.Contains(changan.EnumerateArray(), r => r.GetProperty("code").GetString() == "130102");
        Assert.All(inHebei.EnumerateArray(), r => Assert.StartsWith("13", r.GetProperty("code").GetString(), StringComparison.Ordinal));
        Assert.Contains(inHebei.EnumerateArray(), r => r.GetProperty("code").GetString() == "130102");
    }

    [Fact]
    public async Task JurisdictionsAndRegionGroups_ShowXionganAndClusters()
    {
        var jurisdictions = await GetAsync("/api/v1/reference/jurisdictions");
        var groups = await GetAsync("/api/v1/reference/region-groups");

        Assert.Contains(jurisdictions.EnumerateArray(), j => j.GetProperty("code").GetString() == "XIONGAN" && j.GetProperty("parent").GetString() == "13");
        Assert.Contains(jurisdictions.EnumerateArray(), j => j.GetProperty("code").GetString() == "130181" && j.GetProperty("parent").GetString() == "13");
        Assert.Equal(14 + 2, jurisdictions.GetArrayLength() - 1); // 3 provinces + 11 cities + 辛集 + 定州 + 雄安
        Assert.Equal(9, groups.GetProperty("countyClusters").GetArrayLength());
    }

    [Fact]
    public async Task Pages_ReferenceAndGroups_ShowSectorsAndAlliances()
    {
        using var client = host.CreateAnonymousClient();

        var reference = await client.GetStringAsync(new Uri("/Reference", UriKind.Relative));
        var groups = await client.GetStringAsync(new Uri("/Groups?kind=alliance", UriKind.Relative));
        var admin = await client.GetAsync(new Uri("/Admin/Recognitions", UriKind.Relative));

        Assert.Contains("科学研究与试验发展服务", reference, StringComparison.Ordinal);
        Assert.Contains("核应用技术", reference, StringComparison.Ordinal);
        Assert.Contains("产业技术创新联盟", groups, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReferenceApiTestsOnSqlite(SqliteHostFixture fixture) : ReferenceApiTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class ReferenceApiTestsOnPostgres(PostgresHostFixture fixture) : ReferenceApiTests(fixture.Host);
