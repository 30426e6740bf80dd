namespace TechBridge.Tests.Platform;

public abstract class WorkspaceTests(AppHost host)
{
    [Fact]
    public async Task Workspace_AsInstitutionOwner_ListsItsOrganizationAndNotifications()
    {
        using var client = await host.CreateClientForAsync("provider.demo");

        var page = await client.GetStringAsync(new Uri("/Workspace?culture=en", UriKind.Relative));

        Assert.Contains("My organizations", page, StringComparison.Ordinal);
        Assert.Contains("Service institution", page, StringComparison.Ordinal);
        Assert.Contains("Membership requests to decide", page, StringComparison.Ordinal);
        Assert.Contains("/Notifications", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workspace_AsProvinceAdmin_ShowsVerificationAndAdmissionQueues()
    {
        using var client = await host.CreateClientForAsync("admin.hebei");

        var page = await client.GetStringAsync(new Uri("/Workspace?culture=en", UriKind.Relative));

        Assert.Contains("Organizations awaiting verification", page, StringComparison.Ordinal);
        Assert.Contains("Institution applications in review or under notice", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workspace_Anonymous_RedirectsToSignIn()
    {
        using var client = host.CreateAnonymousClient();

        var response = await client.GetAsync(new Uri("/Workspace", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/SignIn", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorkspaceTestsOnSqlite(SqliteHostFixture fixture) : WorkspaceTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class WorkspaceTestsOnPostgres(PostgresHostFixture fixture) : WorkspaceTests(fixture.Host);
