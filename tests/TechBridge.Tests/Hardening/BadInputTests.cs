using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TechBridge.Modules.Directory.Data;
using TechBridge.Tests.Modules.Listings;

namespace TechBridge.Tests.Hardening;

// The 5xx answers and unnamed 400s of the hostile probe (issue 8), each now a 400 naming the field (or a 409 where the
// state decides), on SQLite and PostgreSQL: PostgreSQL refused a NUL in text and a negative OFFSET with a 500.
public abstract class BadInputTests(AppHost host)
{
    [Theory]
    [InlineData("""{"kind":1}""", "kind", "expectedText")]
    [InlineData("""{"kind":"Enterprise","sectors":["testing",null]}""", "sectors[1]", "nullItem")]
    [InlineData("""{"kind":"Enterprise","contact":{"name":7}}""", "contact.name", "expectedText")]
    [InlineData("""{"kind":"Enterprise","legalName":"河北\u0000公司"}""", "legalName", "controlCharacter")]
    [InlineData("""{"kind":"Enterprise","legalName":"河北\u202E公司"}""", "legalName", "controlCharacter")]
    [InlineData("""{"kind":"Enterprise","legalName":"河北\n公司"}""", "legalName", "lineBreak")]
    [InlineData("""{"kind":"Enterprise","establishedOn":"yesterday"}""", "establishedOn", "expectedDate")]
    [InlineData("""{"kind":"Ent""", "kind", "malformed")]
    [InlineData("{", "body", "malformed")]
    public async Task RegisterOrganization_BadBody_Is400NamingTheFieldAndRule(string body, string field, string rule)
    {
        using var client = await host.CreateClientForAsync("enterprise.demo");

        var (status, violations, text) = await PostRawAsync(client, "/api/v1/organizations", body);

        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.Contains(violations, v => v.Field == field && v.Rule == rule);
        Assert.DoesNotContain("Failed to read parameter", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongType_SaysWhichTypeIsExpected_InTheReadersLanguage()
    {
        using var client = await host.CreateClientForAsync("enterprise.demo");
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));

        var (_, violations, _) = await PostRawAsync(client, "/api/v1/demands", """{"title":"x","budgetMinFen":"一百万"}""");

        var violation = Assert.Single(violations);
        Assert.Equal("budgetMinFen", violation.Field);
        Assert.Equal("expectedWholeNumber", violation.Rule);
        Assert.Contains("整数", violation.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"reason":5}""", "reason", "expectedText")]
    [InlineData("{", "body", "malformed")]
    [InlineData("""{"reason":"\u0000"}""", "reason", "controlCharacter")]
    public async Task OnboardingStep_BadBody_Is400NamingTheField(string body, string field, string rule)
    {
        using var admin = await host.CreateClientForAsync("admin.hebei");

        var (status, violations, text) = await PostRawAsync(admin, $"/api/v1/onboarding/applications/{Guid.NewGuid()}/reject", body);

        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.Contains(violations, v => v.Field == field && v.Rule == rule);
    }

    [Fact]
    public async Task Demand_NulInTitle_IsRefused_WhileLineBreaksStayInTheDescription()
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var good = JsonSerializer.SerializeToNode(ListingsTestData.Demand())!.AsObject();
        good["description"] = "第一行：现状。\r\n第二行：目标。";
        var bad = good.DeepClone().AsObject();
        bad["title"] = "锂电池\u0000极片";

        var refused = await PostRawAsync(owner, "/api/v1/demands", bad.ToJsonString());
        var created = await owner.PostAsync(new Uri("/api/v1/demands", UriKind.Relative), new StringContent(good.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("title", Assert.Single(refused.Violations).Field);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stored = await ListingsTestData.GetJsonAsync(owner, $"/api/v1/demands/{id}");
        Assert.Equal("第一行：现状。\r\n第二行：目标。", stored.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("page=2147483647", "page", "range")]
    [InlineData("page=abc", "page", "expectedWholeNumber")]
    [InlineData("pageSize=-1", "pageSize", "range")]
    [InlineData("sector=a%00b", "sector", "controlCharacter")]
    public async Task ListQuery_OutOfRangeOrMalformed_Is400NamingTheParameter(string query, string field, string rule)
    {
        using var client = await host.CreateClientForAsync("enterprise.demo");

        var response = await client.GetAsync(new Uri($"/api/v1/demands?{query}", UriKind.Relative));
        var violations = await ViolationsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(violations, v => v.Field == field && v.Rule == rule);
    }

    [Theory]
    [InlineData("/Directory?pageNumber=abc")]
    [InlineData("/Directory?q=%E6%B2%B3%00%E5%8C%97")]
    public async Task Page_QueryValueThatIsNotANumberOrCarriesNul_IsRefusedNotDropped(string url)
    {
        using var anonymous = host.CreateAnonymousClient();

        var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Offering_PriceOfLongMaxValue_Is400OnPrice()
    {
        var (_, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        var body = JsonSerializer.SerializeToNode(ListingsTestData.Offering())!.AsObject();
        body["priceFen"] = long.MaxValue;

        var (status, violations, text) = await PostRawAsync(provider, "/api/v1/offerings", body.ToJsonString());

        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.Contains(violations, v => v.Field == "priceFen" && v.Rule == "range");
    }

    [Fact]
    public async Task Achievement_AThousandKeywords_Is400OnKeywords()
    {
        var (_, institution) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        var body = JsonSerializer.SerializeToNode(ListingsTestData.Achievement())!.AsObject();
        body["keywords"] = new System.Text.Json.Nodes.JsonArray(Enumerable.Repeat("焊接", 1_000).Select(k => (System.Text.Json.Nodes.JsonNode?)k).ToArray());

        var (status, violations, text) = await PostRawAsync(institution, "/api/v1/achievements", body.ToJsonString());

        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.Contains(violations, v => v.Field == "keywords" && v.Rule == "maxCount");
    }

    [Fact]
    public async Task Order_MilestonesWhoseSumOverflowsLong_OrDueInThePast_Are400OnEachMilestone()
    {
        using var client = await host.CreateClientForAsync("enterprise.demo");
        var body = JsonSerializer.Serialize(new
        {
            engagementId = Guid.NewGuid(),
            scope = "检测",
            amountFen = 100_000L,
            milestones = new[]
            {
                new { title = "一", dueDate = new DateOnly(2099, 1, 1), amountFen = long.MaxValue },
                new { title = "二", dueDate = new DateOnly(2001, 1, 1), amountFen = long.MaxValue },
            },
        });

        var (status, violations, text) = await PostRawAsync(client, "/api/v1/orders", body);

        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.Contains(violations, v => v.Field == "milestones[0].amountFen" && v.Rule == "range");
        Assert.Contains(violations, v => v.Field == "milestones[1].dueDate" && v.Rule == "past");
    }

    [Fact]
    public async Task Recognition_IssuedIn2099_Is400OnIssuedOn()
    {
        var (organization, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var body = JsonSerializer.Serialize(new
        {
            kind = "high-tech-enterprise",
            level = "national",
            authority = "河北省科学技术厅",
            certificateNumber = "GR209913000001",
            issuedOn = new DateOnly(2099, 1, 1),
        });

        var (status, violations, text) = await PostRawAsync(owner, $"/api/v1/organizations/{organization}/recognitions", body);

        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.Contains(violations, v => v.Field == "issuedOn" && v.Rule == "notFuture");
    }

    [Fact]
    public async Task PublishedOffering_RenewedLongBeforeItsEnd_Is409_SoRenewalsCannotPushTheExpiryOut()
    {
        var (_, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        var offering = await ListingsTestData.PublishAsync(host, provider, "offerings", ListingsTestData.Offering());
        var before = (await ListingsTestData.GetJsonAsync(provider, $"/api/v1/offerings/{offering}")).GetProperty("expiresAt").GetDateTimeOffset();

        var renewed = await ListingsTestData.PostAsync(provider, $"/api/v1/offerings/{offering}/renew");
        var problem = await renewed.Content.ReadFromJsonAsync<JsonElement>();
        var after = (await ListingsTestData.GetJsonAsync(provider, $"/api/v1/offerings/{offering}")).GetProperty("expiresAt").GetDateTimeOffset();

        Assert.Equal(HttpStatusCode.Conflict, renewed.StatusCode);
        Assert.Equal("renewal_too_early", problem.GetProperty("code").GetString());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Order_SixthComplaint_Is409_AndTheQueueKeepsFive()
    {
        var (_, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var offering = await ListingsTestData.PublishAsync(host, provider, "offerings", ListingsTestData.Offering());
        var engagement = await CreatedIdAsync(await ListingsTestData.PostAsync(enterprise, "/api/v1/engagements", new { listingKind = "offering", listingId = offering }));
        await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{engagement}/transitions", new { to = "in-discussion" });
        await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{engagement}/transitions", new { to = "agreed" });
        await ListingsTestData.PostAsync(enterprise, $"/api/v1/engagements/{engagement}/transitions", new { to = "agreed" });
        var order = await CreatedIdAsync(await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", new
        {
            engagementId = engagement,
            scope = "材料力学性能检测",
            amountFen = 100_000L,
            milestones = new[] { new { title = "检测", dueDate = new DateOnly(2099, 6, 30), amountFen = 100_000L } },
        }));

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add((await ListingsTestData.PostAsync(enterprise, $"/api/v1/orders/{order}/complaints", new { text = $"第 {i + 1} 次投诉：报告延误。" })).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Created, 5).Append(HttpStatusCode.Conflict), answers);
    }

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    internal sealed record Seen(string Field, string Rule, string Text);

    private static async Task<(HttpStatusCode Status, List<Seen> Violations, string Text)> PostRawAsync(HttpClient client, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, Parse(text), text);
    }

    private static async Task<List<Seen>> ViolationsAsync(HttpResponseMessage response) => Parse(await response.Content.ReadAsStringAsync());

    private static List<Seen> Parse(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("violations", out var violations)
                ? violations.EnumerateArray().Select(v => new Seen(v.GetProperty("field").GetString()!, v.GetProperty("rule").GetString()!, v.GetProperty("text").GetString()!)).ToList()
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BadInputTestsOnSqlite(SqliteHostFixture fixture) : BadInputTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class BadInputTestsOnPostgres(PostgresHostFixture fixture) : BadInputTests(fixture.Host);
