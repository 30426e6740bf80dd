using System.Text.Json;
using TechBridge.Modules.Directory.Contracts;

namespace TechBridge.Tests.Modules.Directory.Groups;

public abstract class GroupTests(AppHost host)
{
    [Fact]
    public async Task CreateAlliance_ByAdmin_AddsLeadAndMembers_OthersForbidden()
    {
        var lead = await DirectoryTestData.CreateOrganizationAsync(host, "130102");
        var member = await DirectoryTestData.CreateOrganizationAsync(host, "130181");
        var (_, adminToken) = await DirectoryTestData.CreateAdminAsync(host, "1301", DirectoryPermissions.ManageGroups);
        var (_, userToken) = await DirectoryTestData.CreateUserAsync(host);
        using var admin = host.CreateBearerClient(adminToken);
        using var user = host.CreateBearerClient(userToken);
        var name = $"测试产业技术创新联盟{Guid.NewGuid():N}"[..24];

        var forbidden = await user.PostAsJsonAsync(new Uri("/api/v1/groups", UriKind.Relative), new { kind = "alliance", name, leadOrganizationId = lead });
        var created = await admin.PostAsJsonAsync(new Uri("/api/v1/groups", UriKind.Relative), new { kind = "alliance", name, leadOrganizationId = lead, sectorCode = "testing" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var added = await admin.PostAsJsonAsync(new Uri($"/api/v1/groups/{id}/members", UriKind.Relative), new { organizationId = member });
        var duplicate = await admin.PostAsJsonAsync(new Uri($"/api/v1/groups/{id}/members", UriKind.Relative), new { organizationId = member });
        var detail = await host.CreateAnonymousClient().GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/groups/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(2, detail.GetProperty("members").GetArrayLength());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GroupTestsOnSqlite(SqliteHostFixture fixture) : GroupTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class GroupTestsOnPostgres(PostgresHostFixture fixture) : GroupTests(fixture.Host);
