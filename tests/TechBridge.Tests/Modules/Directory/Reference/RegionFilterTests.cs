using System.Text.Json;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Tests.Modules.Listings;

namespace TechBridge.Tests.Modules.Directory.Reference;

public sealed class RegionFilterTests
{
    [Theory]
    [InlineData("1306", "130602", true)] // a city finds its districts
    [InlineData("130600", "130629", true)] // a padded city code is the city
    [InlineData("130000", "110108", false)]
    [InlineData("雄安", "130632", true)]
    [InlineData("XIONGAN", "130638", true)]
    [InlineData("xiongan", "130602", false)] // 保定's own district is not 雄安
    [InlineData("省会", "130102", true)]
    [InlineData("冀中南", "130402", true)]
    [InlineData("jjj", "120116", true)]
    [InlineData("京津冀", "110108", true)]
    [InlineData("京津冀", "310101", false)]
    [InlineData("nowhere", "130102", false)]
    public void Contains_FilterAsGiven_TestsRegionCode(string filter, string region, bool expected) =>
        Assert.Equal(expected, RegionFilter.Parse(filter)!.Contains(region));

    [Fact]
    public void IndexTerms_GroupsAndPaddedCodes_ExpandToCodePrefixes()
    {
        Assert.Equal(["130629", "130632", "130638"], RegionFilter.Parse("雄安")!.IndexTerms);
        Assert.Equal(["11", "12", "13"], RegionFilter.Parse("京津冀")!.IndexTerms);
        Assert.Equal(["1301"], RegionFilter.Parse("130100")!.IndexTerms);
        Assert.Null(RegionFilter.Parse("  "));
    }
}

// The same filter read by the listing API and by search: a city finds its counties, 雄安 its three counties
// (statistically in 保定, so the city finds them too), 京津冀 all three provinces and nothing beyond.
public abstract class RegionFilterApiTests(AppHost host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ListingApi_CityXionganAndJingjinji_FindTheirCounties()
    {
        var token = "rf" + Guid.NewGuid().ToString("N")[..10];
        var listings = await PublishAchievementsAsync(token);
        using var anonymous = host.CreateAnonymousClient();

        async Task<HashSet<Guid>> FoundAsync(string region)
        {
            var page = await ListingsTestData.GetJsonAsync(anonymous, $"/api/v1/achievements?region={Uri.EscapeDataString(region)}&pageSize=100");
            return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Where(listings.Values.Contains).ToHashSet();
        }

        Assert.Equal(Ids(listings, "130602", "130629", "130632", "130638"), await FoundAsync("1306"));
        Assert.Equal(Ids(listings, "130629", "130632", "130638"), await FoundAsync("雄安"));
        Assert.Equal(Ids(listings, "130629", "130632", "130638"), await FoundAsync("XIONGAN"));
        Assert.Equal(Ids(listings, "130602", "130629", "130632", "130638", "110108", "120116"), await FoundAsync("京津冀"));
    }

    [Fact]
    public async Task Search_CityXionganAndJingjinji_FindTheirCounties()
    {
        var token = "rf" + Guid.NewGuid().ToString("N")[..10];
        var listings = await PublishAchievementsAsync(token);
        using var anonymous = host.CreateAnonymousClient();
        await PollAsync(anonymous, $"/api/v1/search?q={token}", r => r.GetProperty("total").GetInt32() == listings.Count);

        async Task<HashSet<Guid>> FoundAsync(string region)
        {
            var page = await ListingsTestData.GetJsonAsync(anonymous, $"/api/v1/search?q={token}&region={Uri.EscapeDataString(region)}&pageSize=50");
            return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToHashSet();
        }

        Assert.Equal(Ids(listings, "130602", "130629", "130632", "130638"), await FoundAsync("130600"));
        Assert.Equal(Ids(listings, "130629", "130632", "130638"), await FoundAsync("雄安"));
        Assert.Equal(Ids(listings, "130602", "130629", "130632", "130638", "110108", "120116"), await FoundAsync("jjj"));
    }

    [Fact]
    public async Task DirectoryPage_Xiongan_FindsOrganizationsRegisteredOrWithABranchThere()
    {
        var token = "区域" + Guid.NewGuid().ToString("N")[..8];
        var registered = await DirectoryTestData.CreateOrganizationAsync(host, "130632");
        var branched = await DirectoryTestData.CreateOrganizationAsync(host, "130602");
        var elsewhere = await DirectoryTestData.CreateOrganizationAsync(host, "130602");
        await host.WithDbAsync(async db =>
        {
            foreach (var (id, suffix) in new[] { (registered, "甲"), (branched, "乙"), (elsewhere, "丙") })
            {
                (await db.Set<Organization>().FindAsync(id))!.LegalName = $"{token}{suffix}科技有限公司";
            }

            db.Add(new Branch { OrganizationId = branched, Name = "雄县服务窗口", RegionCode = "130638" });
            return await db.SaveChangesAsync();
        });
        using var anonymous = host.CreateAnonymousClient();

        var page = await anonymous.GetStringAsync(new Uri($"/Directory?q={Uri.EscapeDataString(token)}&region={Uri.EscapeDataString("雄安")}", UriKind.Relative));

        Assert.Contains($"{token}甲", page, StringComparison.Ordinal);
        Assert.Contains($"{token}乙", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"{token}丙", page, StringComparison.Ordinal);
    }

    private static HashSet<Guid> Ids(Dictionary<string, Guid> listings, params string[] regions) => regions.Select(r => listings[r]).ToHashSet();

    // One published achievement per county: 保定's 竞秀区, 雄安's three counties, Beijing, Tianjin and Shanghai.
    private async Task<Dictionary<string, Guid>> PublishAchievementsAsync(string token)
    {
        var listings = new Dictionary<string, Guid>();
        foreach (var region in new[] { "130602", "130629", "130632", "130638", "110108", "120116", "310101" })
        {
            var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.UniversityOrInstitute, region);
            var id = await ListingsTestData.CreateAsync(owner, "achievements", ListingsTestData.Achievement($"区域筛选成果 {token} {region}"));
            Assert.Equal(HttpStatusCode.OK, (await ListingsTestData.PostAsync(owner, $"/api/v1/achievements/{id}/submit")).StatusCode);
            var (_, adminToken) = await DirectoryTestData.CreateAdminAsync(host, region[..2], TechBridge.Modules.Listings.Contracts.ListingsPermissions.ReviewListings);
            using var admin = host.CreateBearerClient(adminToken);
            Assert.Equal(HttpStatusCode.OK, (await ListingsTestData.PostAsync(admin, $"/api/v1/achievements/{id}/approve")).StatusCode);
            listings[region] = id;
        }

        return listings;
    }

    private static async Task<JsonElement> PollAsync(HttpClient client, string path, Func<JsonElement, bool> condition)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var json = await ListingsTestData.GetJsonAsync(client, path);
            if (condition(json))
            {
                return json;
            }

            Assert.True(started.Elapsed < Deadline, $"{path} did not reach the expected state: {json.GetRawText()}");
            await Task.Delay(100);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RegionFilterApiTestsOnSqlite(SqliteHostFixture fixture) : RegionFilterApiTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class RegionFilterApiTestsOnPostgres(PostgresHostFixture fixture) : RegionFilterApiTests(fixture.Host);
