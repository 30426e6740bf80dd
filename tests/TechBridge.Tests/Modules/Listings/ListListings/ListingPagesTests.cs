using System.Text.RegularExpressions;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Tests.Modules.Listings.ListListings;

// What a visitor sees on /Listings: region names instead of GB/T 2260 codes, and a region filter chosen from a list.
public abstract partial class ListingPagesTests(AppHost host)
{
    // 衡水市枣强县: a county no other test publishes in, so the filtered page is this test's alone.
    private const string County = "131121";

    [Fact]
    public async Task ListingsPage_DemandInCounty_ShowsRegionNameAndFiltersByChosenCity()
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, County);
        var title = $"枣强县玻璃钢缠绕工艺改进{Guid.NewGuid():N}"[..24];
        await ListingsTestData.PublishAsync(host, owner, "demands", new
        {
            title,
            description = "需要改进玻璃钢管道缠绕工艺，提升强度一致性。",
            technologyFieldCode = "new-materials",
            sectorCode = "rd",
            industryCode = "C30",
            budgetMinFen = 10_000_000L,
            budgetMaxFen = 20_000_000L,
            deadline = new DateOnly(2099, 12, 31),
            regionCode = County,
            visibility = "public",
            isOpenCall = false,
        });
        using var visitor = host.CreateAnonymousClient();

        var byCity = await visitor.GetStringAsync(new Uri("/Listings?kind=demand&region=1311&culture=zh-CN", UriKind.Relative));
        var byCounty = await visitor.GetStringAsync(new Uri($"/Listings?kind=demand&region={County}&culture=zh-CN", UriKind.Relative));
        var otherCity = await visitor.GetStringAsync(new Uri("/Listings?kind=demand&region=1302&culture=zh-CN", UriKind.Relative));

        Assert.Contains(title, byCity, StringComparison.Ordinal);
        Assert.Contains("衡水市 枣强县", byCity, StringComparison.Ordinal);
        Assert.DoesNotContain($">{County}<", byCity, StringComparison.Ordinal);
        Assert.Contains("<option value=\"1311\" selected", byCity, StringComparison.Ordinal);
        Assert.Contains(title, byCounty, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{County}\" selected", byCounty, StringComparison.Ordinal);
        Assert.DoesNotContain(title, otherCity, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListingsPage_RegionFilter_OffersProvincesDistrictsCitiesAndXiongan()
    {
        using var visitor = host.CreateAnonymousClient();

        var page = await visitor.GetStringAsync(new Uri("/Listings?kind=offering&culture=en", UriKind.Relative));

        Assert.Contains("<select id=\"picker-region\" name=\"region\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<input name=\"region\"", page, StringComparison.Ordinal);
        // The English page names regions in English (Data/regions/names-en.csv).
        Assert.Contains("<optgroup label=\"Hebei\"", page, StringComparison.Ordinal);
        foreach (var (code, name) in new[] { ("11", "Beijing"), ("110108", "Haidian District"), ("12", "Tianjin"), ("1301", "Shijiazhuang"), ("1311", "Hengshui"), ("xiongan", "Xiong"), ("130682", "Dingzhou City") })
        {
            Assert.Contains($"<option value=\"{code}\"", page, StringComparison.Ordinal);
            Assert.Contains(name, page, StringComparison.Ordinal);
        }
    }

    // An offering counts in a region it serves as well as in its owner's; the page once filtered by the owner's region
    // only and so answered differently from the API.
    [Fact]
    public async Task ListingsPage_RegionFilter_ShowsTheSameListingsAsTheApi()
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, County);
        var title = $"保定服务的无损检测{Guid.NewGuid():N}"[..18];
        var id = await ListingsTestData.PublishAsync(host, owner, "offerings", ListingsTestData.Offering(title));
        using var visitor = host.CreateAnonymousClient();

        var api = await ListingsTestData.GetJsonAsync(visitor, "/api/v1/offerings?region=1306&pageSize=20");
        var page = await visitor.GetStringAsync(new Uri("/Listings?kind=offering&region=1306&culture=zh-CN", UriKind.Relative));

        var apiIds = api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        var pageIds = DetailLink().Matches(page).Select(m => Guid.Parse(m.Groups["id"].Value)).ToList();
        Assert.Contains(id, apiIds);
        Assert.Equal(apiIds, pageIds);
        Assert.Contains(title, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListingDetail_Offering_NamesRegionsServedAndLinksBack()
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, County);
        var id = await ListingsTestData.PublishAsync(host, owner, "offerings", ListingsTestData.Offering($"力学性能检测{Guid.NewGuid():N}"[..16]));
        using var visitor = host.CreateAnonymousClient();

        var page = await visitor.GetStringAsync(new Uri($"/Listings/Detail?kind=offering&id={id}&culture=zh-CN", UriKind.Relative));

        Assert.Contains("石家庄市、保定市", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Listings?kind=offering\"", page, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/Listings/Detail\?kind=offering&(?:amp;)?id=(?<id>[0-9a-f-]{36})")]
    private static partial Regex DetailLink();
}

[Collection(SqliteCollection.Name)]
public sealed class ListingPagesTestsOnSqlite(SqliteHostFixture fixture) : ListingPagesTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class ListingPagesTestsOnPostgres(PostgresHostFixture fixture) : ListingPagesTests(fixture.Host);
