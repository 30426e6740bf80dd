using System.Net.Http.Headers;
using System.Text.Json;
using TechBridge.Modules.Directory.Data;
using TechBridge.Tests.Modules.Listings;

namespace TechBridge.Tests.Platform;

// A form reports every broken rule in one answer, each in the reader's language naming the field by its label.
public abstract class AllErrorsAtOnceTests(AppHost host)
{
    [Fact]
    public async Task Demand_BlankTitlePastDeadlineUnknownRegionBadBudget_AllReportedTogetherInChinese()
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        owner.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));

        var response = await ListingsTestData.PostAsync(owner, "/api/v1/demands", new
        {
            title = "",
            description = "需要改进玻璃钢管道缠绕工艺。",
            technologyFieldCode = "new-materials",
            sectorCode = "rd",
            deadline = new DateOnly(2001, 1, 1),
            regionCode = "999999",
            budgetMinFen = 500L,
            budgetMaxFen = 100L,
            visibility = "public",
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var violations = problem.GetProperty("violations").EnumerateArray()
            .Select(v => (Field: v.GetProperty("field").GetString(), Text: v.GetProperty("text").GetString()!)).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(violations, v => v.Field == "title" && v.Text.Contains("标题", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Field == "deadline" && v.Text.Contains("截止日期", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Field == "regionCode");
        Assert.Contains(violations, v => v.Field == "budgetMinFen" && v.Text.Contains("预算", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Text.Contains("fen", StringComparison.OrdinalIgnoreCase) || v.Text.Contains("/api/", StringComparison.Ordinal));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AllErrorsAtOnceTestsOnSqlite(SqliteHostFixture fixture) : AllErrorsAtOnceTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class AllErrorsAtOnceTestsOnPostgres(PostgresHostFixture fixture) : AllErrorsAtOnceTests(fixture.Host);
