using System.Text.Json;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Modules.Matching.Contracts;
using TechBridge.Tests.Modules.Directory;
using TechBridge.Tests.Modules.Listings;

namespace TechBridge.Tests.Modules.Matching;

public abstract class SearchAndMatchingTests(AppHost host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    // A word nobody else's data contains, so that counts are this test's own.
    private static string Token() => "zq" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Publish_BecomesFindable_UnpublishGone()
    {
        var token = Token();
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130102");
        var id = await ListingsTestData.PublishAsync(host, owner, "offerings", Offering($"材料力学性能检测 {token}", true));
        using var anonymous = host.CreateAnonymousClient();

        var found = await PollAsync(anonymous, $"/api/v1/search?q={token}", r => r.GetProperty("total").GetInt32() == 1);
        Assert.Equal(id, found.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Contains("<mark>", found.GetProperty("items")[0].GetProperty("titleHtml").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await ListingsTestData.PostAsync(owner, $"/api/v1/offerings/{id}/close")).StatusCode);
        await PollAsync(anonymous, $"/api/v1/search?q={token}", r => r.GetProperty("total").GetInt32() == 0);
    }

    [Fact]
    public async Task Search_Filters_RegionGroupKindAndVoucher_ZeroResultsSuggestDroppingFilters()
    {
        var token = Token();
        var (_, hebei) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var first = await ListingsTestData.PublishAsync(host, hebei, "demands", Demand($"涂布均匀性 {token}", "130102"));
        var second = await ListingsTestData.PublishAsync(host, hebei, "demands", Demand($"涂布检测 {token}", "130602"));
        using var anonymous = host.CreateAnonymousClient();
        await PollAsync(anonymous, $"/api/v1/search?q={token}", r => r.GetProperty("total").GetInt32() == 2);

        var city = await ListingsTestData.GetJsonAsync(anonymous, $"/api/v1/search?q={token}&region=130100");
        var province = await ListingsTestData.GetJsonAsync(anonymous, $"/api/v1/search?q={token}&region=130000&kind=demand");
        var group = await ListingsTestData.GetJsonAsync(anonymous, $"/api/v1/search?q={token}&region=京津冀&sort=date");
        var offerings = await ListingsTestData.GetJsonAsync(anonymous, $"/api/v1/search?q={token}&kind=offering");
        var vouchers = await ListingsTestData.GetJsonAsync(anonymous, $"/api/v1/search?q={token}&voucher=true");

        Assert.Equal(first, city.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid());
        Assert.Equal(2, province.GetProperty("total").GetInt32());
        Assert.Equal([second, first], group.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToArray());
        Assert.Equal(0, offerings.GetProperty("total").GetInt32());
        Assert.Contains(offerings.GetProperty("suggestions").EnumerateArray(), s => s.GetProperty("kind").GetString() == "dropFilters" && s.GetProperty("hits").GetInt32() == 2);
        Assert.Equal(0, vouchers.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_AnonymousDemand_FindableWithoutEnterpriseIdentity()
    {
        var token = Token();
        var (enterpriseId, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        await ListingsTestData.PublishAsync(host, owner, "demands", Demand($"匿名需求 {token}", "130102", "anonymous"));
        using var anonymous = host.CreateAnonymousClient();

        var found = await PollAsync(anonymous, $"/api/v1/search?q={token}", r => r.GetProperty("total").GetInt32() == 1);
        var byOwner = await PollAsync(anonymous, $"/api/v1/search?q={token}&kind=organization", _ => true);

        Assert.Equal(JsonValueKind.Null, found.GetProperty("items")[0].GetProperty("organizationId").ValueKind);
        Assert.DoesNotContain(enterpriseId.ToString(), found.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, byOwner.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("AND ( \" * ~ : title:x OR [a TO z]")]
    [InlineData("锂电池\t控制")] // control characters other than tab are refused by the input rule (Hardening/BadInputTests)
    [InlineData("Lithium电池 батарея 🔋 ＡＢＣ")]
    [InlineData("")]
    public async Task Search_HostileButAllowedText_Answers(string text)
    {
        using var anonymous = host.CreateAnonymousClient();

        var response = await anonymous.GetAsync(new Uri($"/api/v1/search?q={Uri.EscapeDataString(text)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("q", "maxLength")]
    [InlineData("pageSize", "range")]
    [InlineData("page", "range")]
    [InlineData("kind", "oneOf")]
    [InlineData("sort", "oneOf")]
    [InlineData("region", "maxCount")]
    public async Task Search_OverCaps_400NamesFieldAndRule(string field, string rule)
    {
        var query = field switch
        {
            "q" => "q=" + new string('锂', 10_000),
            "pageSize" => "pageSize=500",
            "page" => "page=1000&pageSize=50",
            "kind" => "kind=bogus",
            "sort" => "sort=price",
            _ => "region=" + string.Join(',', Enumerable.Range(0, 30).Select(i => (110100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };
        using var anonymous = host.CreateAnonymousClient();

        var response = await anonymous.GetAsync(new Uri($"/api/v1/search?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"{field}\"", problem, StringComparison.Ordinal);
        Assert.Contains($"\"{rule}\"", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matches_ForDemand_ExplainEverySignal_ContributionsSumToScore()
    {
        var token = Token();
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var (institutionId, institution) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130102");
        var demand = await ListingsTestData.PublishAsync(host, enterprise, "demands", Demand($"涂布在线检测 {token}", "130102"));
        var offering = await ListingsTestData.PublishAsync(host, institution, "offerings", Offering($"涂布在线检测服务 {token}", true));
        using var anonymous = host.CreateAnonymousClient();
        await PollAsync(anonymous, $"/api/v1/search?q={token}", r => r.GetProperty("total").GetInt32() == 2);

        var matches = (await ListingsTestData.GetJsonAsync(anonymous, $"/api/v1/demands/{demand}/matches")).GetProperty("matches");
        var offeringMatches = await ListingsTestData.GetJsonAsync(anonymous, $"/api/v1/offerings/{offering}/matches");

        Assert.True(matches.GetArrayLength() > 0);
        foreach (var match in matches.EnumerateArray())
        {
            var contributions = match.GetProperty("contributions").EnumerateArray().ToList();
            Assert.Equal(match.GetProperty("score").GetDecimal(), contributions.Sum(c => c.GetProperty("contribution").GetDecimal()));
            Assert.All(contributions, c => Assert.Equal(Math.Round(c.GetProperty("weight").GetDecimal() * c.GetProperty("value").GetDecimal(), 4), c.GetProperty("contribution").GetDecimal()));
        }

        var top = matches.EnumerateArray().First(m => m.GetProperty("id").GetGuid() == offering);
        var signals = top.GetProperty("contributions").EnumerateArray().ToDictionary(c => c.GetProperty("signal").GetString()!, c => c.GetProperty("value").GetDecimal());
        Assert.Equal(1m, signals["text"]);
        Assert.Equal(1m, signals["region"]);
        Assert.Equal(1m, signals["voucher"]);
        Assert.Contains(token, top.GetProperty("matchedTerms").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains(matches.EnumerateArray(), m => m.GetProperty("kind").GetString() == "organization" && m.GetProperty("id").GetGuid() == institutionId);
        Assert.Contains(offeringMatches.GetProperty("matches").EnumerateArray(), m => m.GetProperty("id").GetGuid() == demand);
    }

    [Fact]
    public async Task Matches_VoucherWeightRaisedInConfiguration_ReordersOfferings()
    {
        await using var isolated = await AppHost.StartAsync(host.Database, new Dictionary<string, string> { ["Matching:Weights:Voucher"] = "30" });
        var (nearId, farId, demand) = await TwoOfferingsAsync(isolated);
        var (defaultNear, defaultFar, defaultDemand) = await TwoOfferingsAsync(host);

        var raised = await OfferingOrderAsync(isolated, demand, nearId, farId);
        var defaults = await OfferingOrderAsync(host, defaultDemand, defaultNear, defaultFar);

        Assert.Equal([defaultNear, defaultFar], defaults);
        Assert.Equal([farId, nearId], raised);
    }

    [Fact]
    public async Task Synonym_AddedThroughAdminApi_MakesListingFindable()
    {
        var token = Token();
        var synonym = Token();
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130102");
        await ListingsTestData.PublishAsync(host, owner, "offerings", Offering($"检测服务 {token}", false));
        using var anonymous = host.CreateAnonymousClient();
        await PollAsync(anonymous, $"/api/v1/search?q={token}", r => r.GetProperty("total").GetInt32() == 1);
        var before = await ListingsTestData.GetJsonAsync(anonymous, $"/api/v1/search?q={synonym}");
        var (_, adminToken) = await DirectoryTestData.CreateAdminAsync(host, "13", MatchingPermissions.ManageSearchVocabulary);
        using var admin = host.CreateBearerClient(adminToken);
        var (_, strangerToken) = await DirectoryTestData.CreateUserAsync(host);
        using var stranger = host.CreateBearerClient(strangerToken);

        var refused = await ListingsTestData.PostAsync(stranger, "/api/v1/search/vocabulary", new { kind = "synonyms", words = new[] { token, synonym } });
        var added = await ListingsTestData.PostAsync(admin, "/api/v1/search/vocabulary", new { kind = "synonyms", words = new[] { token, synonym } });
        var invalid = await ListingsTestData.PostAsync(admin, "/api/v1/search/vocabulary", new { kind = "synonyms", words = new[] { token } });

        Assert.Equal(0, before.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        await PollAsync(anonymous, $"/api/v1/search?q={synonym}", r => r.GetProperty("total").GetInt32() == 1);
    }

    // An enterprise in 130102 with a demand; a voucher-less institution in the same county and a voucher-accepting
    // one in Tianjin offer the same service (same text, so the same relevance).
    private static async Task<(Guid Near, Guid Far, Guid Demand)> TwoOfferingsAsync(AppHost target)
    {
        var token = Token();
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(target, OrganizationKind.Enterprise, "130102");
        var (_, near) = await ListingsTestData.CreateOrganizationWithOwnerAsync(target, OrganizationKind.ServiceInstitution, "130102");
        var (_, far) = await ListingsTestData.CreateOrganizationWithOwnerAsync(target, OrganizationKind.ServiceInstitution, "120101");
        var demand = await ListingsTestData.PublishAsync(target, enterprise, "demands", Demand($"涂布在线检测 {token}", "130102"));
        var nearId = await ListingsTestData.PublishAsync(target, near, "offerings", Offering($"涂布在线检测服务 {token}", false, ["1301"]));
        var farId = await PublishInAsync(target, far, "12", "offerings", Offering($"涂布在线检测服务 {token}", true, ["1201"]));
        using var anonymous = target.CreateAnonymousClient();
        await PollAsync(anonymous, $"/api/v1/search?q={token}&kind=offering", r => r.GetProperty("total").GetInt32() == 2);
        return (nearId, farId, demand);
    }

    // The relative order of the test's own offerings (demo offerings in the shared host may rank among them).
    private static async Task<Guid[]> OfferingOrderAsync(AppHost target, Guid demand, params Guid[] own)
    {
        using var anonymous = target.CreateAnonymousClient();
        var matches = await ListingsTestData.GetJsonAsync(anonymous, $"/api/v1/demands/{demand}/matches");
        return matches.GetProperty("matches").EnumerateArray()
            .Where(m => m.GetProperty("kind").GetString() == "offering")
            .Select(m => m.GetProperty("id").GetGuid()).Where(own.Contains).ToArray();
    }

    private static async Task<Guid> PublishInAsync(AppHost target, HttpClient owner, string jurisdiction, string plural, object body)
    {
        var id = await ListingsTestData.CreateAsync(owner, plural, body);
        Assert.Equal(HttpStatusCode.OK, (await ListingsTestData.PostAsync(owner, $"/api/v1/{plural}/{id}/submit")).StatusCode);
        var (_, adminToken) = await DirectoryTestData.CreateAdminAsync(target, jurisdiction, ListingsPermissions.ReviewListings);
        using var admin = target.CreateBearerClient(adminToken);
        Assert.Equal(HttpStatusCode.OK, (await ListingsTestData.PostAsync(admin, $"/api/v1/{plural}/{id}/approve")).StatusCode);
        return id;
    }

    // Indexing is asynchronous: ask again until the condition holds or a generous deadline passes.
    internal static async Task<JsonElement> PollAsync(HttpClient client, string path, Func<JsonElement, bool> condition)
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

    private static object Offering(string title, bool vouchers, string[]? regions = null) => new
    {
        title,
        description = "在线检测与闭环控制，出具 CMA 报告。",
        sectorCode = "testing",
        industryCode = "M74",
        serviceItems = new[] { "在线检测" },
        priceModel = "from",
        priceFen = 80_000L,
        regionsServed = regions ?? ["1301"],
        leadTimeDays = 5,
        acceptsInnovationVouchers = vouchers,
        contactName = "王工",
        contactPhone = "13800138000",
    };

    private static object Demand(string title, string region, string visibility = "public") => new
    {
        title,
        description = "需要在线检测与闭环控制方案，提升镀膜厚度一致性。",
        technologyFieldCode = "new-energy",
        sectorCode = "testing",
        industryCode = "C38",
        budgetMinFen = 10_000_000L,
        budgetMaxFen = 50_000_000L,
        deadline = new DateOnly(2099, 12, 31),
        regionCode = region,
        visibility,
        isOpenCall = false,
    };
}

[Collection(SqliteCollection.Name)]
public sealed class SearchAndMatchingTestsOnSqlite(SqliteHostFixture fixture) : SearchAndMatchingTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class SearchAndMatchingTestsOnPostgres(PostgresHostFixture fixture) : SearchAndMatchingTests(fixture.Host);
