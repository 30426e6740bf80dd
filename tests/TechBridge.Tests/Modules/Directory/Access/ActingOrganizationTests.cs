using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Tests.Modules.Directory.Access;

// The acting organization is decided once, before pages and endpoints run: a page acts for the user's first
// organization (by name) until the switcher chooses another; the API still asks for X-Organization.
public abstract class ActingOrganizationTests(AppHost host)
{
    [Fact]
    public async Task Page_NoOrganizationChosen_ActsForFirstMembershipByName()
    {
        var (userId, token) = await DirectoryTestData.CreateUserAsync(host);
        var second = await DirectoryTestData.CreateOrganizationAsync(host, "130102", userId);
        var first = await DirectoryTestData.CreateOrganizationAsync(host, "130102", userId);
        await host.WithDbAsync(async db =>
        {
            await db.Set<Organization>().Where(o => o.Id == first).ExecuteUpdateAsync(s => s.SetProperty(o => o.LegalName, "A测试" + first.ToString("N")[..10]));
            return await db.Set<Organization>().Where(o => o.Id == second).ExecuteUpdateAsync(s => s.SetProperty(o => o.LegalName, "B测试" + second.ToString("N")[..10]));
        });
        using var client = host.CreateBearerClient(token);

        var page = await client.GetStringAsync(new Uri("/Organizations/Mine", UriKind.Relative));
        var api = await client.PostAsJsonAsync(new Uri("/api/v1/demands", UriKind.Relative), new { title = "x" });

        Assert.Contains("<strong>", Row(page, first), StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>", Row(page, second), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("X-Organization", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_HeaderNamesForeignOrganization_Forbidden()
    {
        var (_, token) = await DirectoryTestData.CreateUserAsync(host);
        var foreign = await DirectoryTestData.CreateOrganizationAsync(host, "130102");
        using var client = host.CreateBearerClient(token, foreign);

        var response = await client.GetAsync(new Uri("/api/v1/me/organizations", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static string Row(string page, Guid organizationId)
    {
        var start = page.IndexOf($"<td lang=\"zh-CN\"><a href=\"/Organizations/{organizationId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the organization is listed");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ActingOrganizationTestsOnSqlite(SqliteHostFixture fixture) : ActingOrganizationTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class ActingOrganizationTestsOnPostgres(PostgresHostFixture fixture) : ActingOrganizationTests(fixture.Host);
