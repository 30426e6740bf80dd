using System.Text.Json;
using TechBridge.Platform.Security;

namespace TechBridge.Tests.Platform.Jobs;

public abstract class JobsEndpointTests(AppHost host)
{
    private static readonly Uri Jobs = new("/api/v1/admin/jobs", UriKind.Relative);

    [Fact]
    public async Task ListJobs_SystemAdmin_SeesJobsAndTheSearchConsumerWithLag()
    {
        using var admin = await host.CreateClientAsAsync(TestUser.New("sysadmin", Roles.SystemAdmin));

        var jobs = await admin.GetFromJsonAsync<JsonElement>(Jobs);

        var names = jobs.EnumerateArray().Select(j => j.GetProperty("name").GetString()).ToList();
        Assert.Contains("listings.expiry", names);
        Assert.Contains("listings.import-achievements", names);
        Assert.Contains("directory.recognition-expiry", names);
        var search = jobs.EnumerateArray().First(j => j.GetProperty("name").GetString() == "matching.search-index");
        Assert.Equal("outbox-consumer", search.GetProperty("kind").GetString());
        Assert.True(search.GetProperty("perNode").GetBoolean());
        Assert.True(search.GetProperty("lag").GetInt64() >= 0);
    }

    [Fact]
    public async Task RunNow_SystemAdmin_JobRunsAndReportsItsRound()
    {
        using var admin = await host.CreateClientAsAsync(TestUser.New("sysadmin", Roles.SystemAdmin));
        var before = Expiry(await admin.GetFromJsonAsync<JsonElement>(Jobs));
        var previous = before.GetProperty("lastRunAt").ValueKind == JsonValueKind.Null ? (DateTimeOffset?)null : before.GetProperty("lastRunAt").GetDateTimeOffset();

        var run = await admin.PostAsync(new Uri("/api/v1/admin/jobs/listings.expiry/run", UriKind.Relative), null);
        var unknown = await admin.PostAsync(new Uri("/api/v1/admin/jobs/no.such-job/run", UriKind.Relative), null);
        JsonElement after = default;
        for (var attempt = 0; attempt < 300; attempt++)
        {
            after = Expiry(await admin.GetFromJsonAsync<JsonElement>(Jobs));
            if (!after.GetProperty("runRequested").GetBoolean() && after.GetProperty("lastRunAt").ValueKind != JsonValueKind.Null
                && after.GetProperty("lastRunAt").GetDateTimeOffset() != previous)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.False(after.GetProperty("runRequested").GetBoolean());
        Assert.NotEqual(previous, after.GetProperty("lastRunAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("lastError").ValueKind);
        Assert.Equal(JsonValueKind.Number, after.GetProperty("lastCount").ValueKind);
    }

    [Fact]
    public async Task Jobs_AuditorReadsButCannotRun_OthersAreRefused()
    {
        using var auditor = await host.CreateClientAsAsync(TestUser.Auditor());
        using var member = await host.CreateClientAsAsync(TestUser.Member());
        using var anonymous = host.CreateAnonymousClient();
        using var provincialAdmin = await host.CreateClientForAsync("admin.hebei");

        var auditorList = await auditor.GetAsync(Jobs);
        var auditorRun = await auditor.PostAsync(new Uri("/api/v1/admin/jobs/listings.expiry/run", UriKind.Relative), null);
        var memberList = await member.GetAsync(Jobs);
        var adminList = await provincialAdmin.GetAsync(Jobs);
        var anonymousList = await anonymous.GetAsync(Jobs);

        Assert.Equal(HttpStatusCode.OK, auditorList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, auditorRun.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, memberList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminList.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousList.StatusCode);
    }

    [Fact]
    public async Task JobsPage_SystemAdmin_ShowsJobNamesInChineseAndBeijingTimes()
    {
        using var admin = await host.CreateClientAsAsync(TestUser.New("sysadmin", Roles.SystemAdmin));

        var html = await admin.GetStringAsync(new Uri("/Admin/Jobs", UriKind.Relative));
        var english = await admin.GetStringAsync(new Uri("/Admin/Jobs?culture=en", UriKind.Relative));

        Assert.Contains("后台任务", html);
        Assert.Contains("供需信息到期下架", html);
        Assert.Contains("搜索索引", html);
        Assert.Contains("立即运行", html);
        Assert.DoesNotContain("listings.expiry<", html);
        Assert.DoesNotContain("+00:00", html);
        Assert.Contains("Listing expiry", english);
        Assert.Contains("Search index", english);
    }

    private static JsonElement Expiry(JsonElement jobs) =>
        jobs.EnumerateArray().First(j => j.GetProperty("name").GetString() == "listings.expiry");
}

[Collection(SqliteCollection.Name)]
public sealed class JobsEndpointTestsOnSqlite(SqliteHostFixture fixture) : JobsEndpointTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class JobsEndpointTestsOnPostgres(PostgresHostFixture fixture) : JobsEndpointTests(fixture.Host);
