using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using TechBridge.Modules.Supervision.Contracts;
using TechBridge.Modules.Supervision.Overdue;
using TechBridge.Platform.Notifications;
using TechBridge.Tests.Modules.Directory;
using TechBridge.Tests.Modules.Monitoring;

namespace TechBridge.Tests.Modules.Supervision;

public abstract class SupervisionTests(AppHost host)
{
    private const string Tasks = "/api/v1/supervision/tasks";

    private static readonly string[] KpiCodes = ["international-cooperation-bases"];

    [Fact]
    public async Task Board_PlanTasks_EveryNumberedTaskWithItsLeadAndCoResponsibleAgencies()
    {
        using var admin = await MonitoringTestData.ProvinceAdminAsync(host, SupervisionPermissions.OverseeTasks);
        var board = await admin.GetFromJsonAsync<JsonElement>(new Uri(Tasks, UriKind.Relative));
        var province = board.EnumerateArray().Where(t => t.GetProperty("parentId").ValueKind == JsonValueKind.Null).ToList();

        Assert.Equal(13, province.Count);
        var first = province.Single(t => t.GetProperty("number").GetString() == "三（一）1");
        var units = first.GetProperty("units").EnumerateArray().Select(u => (u.GetProperty("name").GetString(), u.GetProperty("role").GetString())).ToList();
        Assert.Equal(("省科技厅", "lead"), units[0]);
        Assert.Contains(("省财政厅", "co-responsible"), units);
        var xiongan = province.Single(t => t.GetProperty("number").GetString() == "三（四）1");
        Assert.Contains(xiongan.GetProperty("units").EnumerateArray(), u => u.GetProperty("name").GetString() == "雄安新区管委会");

        var agencyId = await MonitoringTestData.AgencyIdAsync(host, "省外办");
        var filtered = await admin.GetFromJsonAsync<JsonElement>(new Uri($"{Tasks}?agency={agencyId}", UriKind.Relative));
        Assert.Equal(["三（一）2"], filtered.EnumerateArray().Select(t => t.GetProperty("number").GetString()).ToList());
    }

    [Fact]
    public async Task FileProgressReport_AgencyReportsOnlyOnItsOwnTasks()
    {
        using var foreignAffairs = await MonitoringTestData.AgencyClientAsync(host, "省外办");
        using var stranger = host.CreateBearerClient((await DirectoryTestData.CreateUserAsync(host)).Token);
        var board = await foreignAffairs.GetFromJsonAsync<JsonElement>(new Uri(Tasks, UriKind.Relative));
        Guid Id(string number) => board.EnumerateArray().First(t => t.GetProperty("number").GetString() == number && t.GetProperty("parentId").ValueKind == JsonValueKind.Null).GetProperty("id").GetGuid();
        var own = Id("三（一）2");
        var other = Id("三（四）1");

        var onOther = await foreignAffairs.PostAsJsonAsync(new Uri($"{Tasks}/{other}/reports", UriKind.Relative), new { text = "不属于本单位", percent = 10 });
        var badPercent = await foreignAffairs.PostAsJsonAsync(new Uri($"{Tasks}/{own}/reports", UriKind.Relative), new { text = "", percent = 120 });
        var boardByStranger = await stranger.GetAsync(new Uri(Tasks, UriKind.Relative));
        await DirectoryTestKit.PostAsync(foreignAffairs, $"{Tasks}/{own}/reports", new { text = "新认定省级国际科技合作基地 6 个", percent = 40, kpiCodes = KpiCodes }, HttpStatusCode.Created);
        var milestoneByCoUnit = await foreignAffairs.PostAsJsonAsync(new Uri($"{Tasks}/{own}/milestones", UriKind.Relative), new { title = "x", dueOn = "2030-01-01" });
        var detail = await foreignAffairs.GetFromJsonAsync<JsonElement>(new Uri($"{Tasks}/{own}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, onOther.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPercent.StatusCode);
        var problem = await badPercent.Content.ReadAsStringAsync();
        Assert.Contains("\"percent\"", problem, StringComparison.Ordinal);
        Assert.Contains("\"text\"", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, boardByStranger.StatusCode);
        // 省外办 shares the task; milestones are set by its lead unit (省科技厅) or the overseeing admins.
        Assert.Equal(HttpStatusCode.Forbidden, milestoneByCoUnit.StatusCode);
        Assert.Equal(40, detail.GetProperty("task").GetProperty("lastPercent").GetInt32());
        Assert.Equal("省外办", detail.GetProperty("reports")[0].GetProperty("organization").GetString());
    }

    [Fact]
    public async Task CitySubTask_ProvinceAdminBreaksDown_CityAgencyReportsOnItsPart()
    {
        using var admin = await MonitoringTestData.ProvinceAdminAsync(host, SupervisionPermissions.OverseeTasks);
        var board = await admin.GetFromJsonAsync<JsonElement>(new Uri(Tasks, UriKind.Relative));
        var parent = board.EnumerateArray().First(t => t.GetProperty("number").GetString() == "三（四）3" && t.GetProperty("parentId").ValueKind == JsonValueKind.Null).GetProperty("id").GetGuid();

        var created = await DirectoryTestKit.PostAsync(admin, $"{Tasks}/{parent}/subtasks", new { regionCode = "1306", agencyName = "保定市科学技术局" }, HttpStatusCode.Created);
        var twice = await admin.PostAsJsonAsync(new Uri($"{Tasks}/{parent}/subtasks", UriKind.Relative), new { regionCode = "1306", agencyName = "保定市科学技术局" });
        var notACity = await admin.PostAsJsonAsync(new Uri($"{Tasks}/{parent}/subtasks", UriKind.Relative), new { regionCode = "1101", agencyName = "x" });
        using var baoding = await MonitoringTestData.AgencyClientAsync(host, "保定市科学技术局");
        var subId = created.GetProperty("id").GetGuid();
        await DirectoryTestKit.PostAsync(baoding, $"{Tasks}/{subId}/reports", new { text = "保定高新区科技服务集聚区已挂牌", percent = 60 }, HttpStatusCode.Created);
        var onParent = await baoding.PostAsJsonAsync(new Uri($"{Tasks}/{parent}/reports", UriKind.Relative), new { text = "x", percent = 1 });
        var byCity = await admin.GetFromJsonAsync<JsonElement>(new Uri($"{Tasks}?city=1306", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notACity.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, onParent.StatusCode);
        Assert.Contains(byCity.EnumerateArray(), t => t.GetProperty("id").GetGuid() == subId && t.GetProperty("lastPercent").GetInt32() == 60);
        Assert.Contains(byCity.EnumerateArray(), t => t.GetProperty("id").GetGuid() == parent);
    }

    [Fact]
    public async Task ReviewPack_Xlsx_ReadsBackWithTasksKpisAndOverdueItems()
    {
        using var admin = await MonitoringTestData.ProvinceAdminAsync(host, SupervisionPermissions.OverseeTasks);

        var response = await admin.GetAsync(new Uri("/api/v1/supervision/review-pack.xlsx", UriKind.Relative));
        var page = await admin.GetStringAsync(new Uri("/Supervision/ReviewPack", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["任务进展", "指标完成情况", "逾期事项"], stream.GetSheetNames());
        var tasks = stream.Query(useHeaderRow: true, sheetName: "任务进展").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(tasks, r => (string?)r["编号"] == "三（一）1" && (string?)r["牵头单位"] == "省科技厅");
        var kpis = stream.Query(useHeaderRow: true, sheetName: "指标完成情况").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(kpis, r => (string?)r["指标"] == "新型研发机构");
        // The plan's 2020 and 2022 milestones are long past: the pack lists them as overdue.
        var overdue = stream.Query(useHeaderRow: true, sheetName: "逾期事项").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(overdue, r => (string?)r["应完成日期"] == "2020-12-31");
        Assert.Contains("加强京津资源引进与协作", page, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SupervisionTestsOnSqlite(SqliteHostFixture fixture) : SupervisionTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class SupervisionTestsOnPostgres(PostgresHostFixture fixture) : SupervisionTests(fixture.Host);

// The escalation job moves the clock, so it runs on a host of its own (SQLite: the job is the same on both).
[Collection(SqliteCollection.Name)]
public sealed class OverdueMilestonesTests(SqliteHostFixture fixture)
{
    [Fact]
    public async Task OverdueJob_MilestonePassesItsDueDate_LeadAgencyAndOverseersNotifiedOnce()
    {
        await using var isolated = await AppHost.StartAsync(fixture.Host.Database);
        async Task<int> RunAsync()
        {
            await using var scope = isolated.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OverdueMilestones>().RunOnceAsync(CancellationToken.None);
        }

        await RunAsync(); // the plan's own 2020/2022 milestones go out first
        using var science = await MonitoringTestData.AgencyClientAsync(isolated, "省科技厅");
        var (adminId, adminToken) = await DirectoryTestData.CreateAdminAsync(isolated, "13", SupervisionPermissions.OverseeTasks);
        using var admin = isolated.CreateBearerClient(adminToken);
        var board = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/supervision/tasks", UriKind.Relative));
        var taskId = board.EnumerateArray().First(t => t.GetProperty("number").GetString() == "三（二）2").GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(TechBridge.Platform.Time.AdjustableClock.ToChina(isolated.Services.GetRequiredService<TimeProvider>().GetUtcNow()).DateTime);
        await DirectoryTestKit.PostAsync(admin, $"/api/v1/supervision/tasks/{taskId}/milestones", new { title = "云平台上线", dueOn = today.AddDays(1) }, HttpStatusCode.Created);

        var notYet = await RunAsync();
        await isolated.AdvanceClockAsync(hours: 72);
        var escalated = await RunAsync();
        var again = await RunAsync();
        var recipients = await isolated.WithDbAsync(db => db.Set<Notification>()
            .Where(n => n.Kind == OverdueMilestones.NotificationKind && n.Body.Contains("云平台上线")).Select(n => n.UserId).ToListAsync());
        var scienceId = await MonitoringTestData.AgencyIdAsync(isolated, "省科技厅");
        var agencyMember = await isolated.WithDbAsync(db => db.Set<TechBridge.Modules.Directory.Data.Membership>()
            .Where(m => m.OrganizationId == scienceId).Select(m => m.UserId).ToListAsync());

        Assert.Equal(0, notYet);
        Assert.Equal(1, escalated);
        Assert.Equal(0, again);
        Assert.Contains(adminId, recipients);
        Assert.All(agencyMember, id => Assert.Contains(id, recipients));
        Assert.Equal(recipients.Count, recipients.Distinct().Count());
    }
}
