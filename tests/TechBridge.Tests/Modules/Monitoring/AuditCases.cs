using TechBridge.Modules.Supervision.Contracts;
using TechBridge.Tests.Platform;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;

namespace TechBridge.Tests.Modules.Monitoring;

// Monitoring's and Supervision's operations: KPIs, targets, reported values and their confirmation; progress reports,
// milestones and city sub-tasks. Each works on a KPI of its own or a task's report, never on the plan's seeded targets.
internal sealed class MonitoringAuditCases : AuditCaseSet
{
    private const string Kpis = "/api/v1/monitoring/kpis";
    private const string Tasks = "/api/v1/supervision/tasks";

    public override IReadOnlyDictionary<string, Func<AuditCaseContext, Task>> Cases { get; } = new Dictionary<string, Func<AuditCaseContext, Task>>(StringComparer.Ordinal)
    {
        ["AddKpi"] = async c =>
        {
            using var admin = await MonitoringTestData.ProvinceAdminAsync(c.Host);
            await c.MarkAsync();
            await MonitoringTestData.AddKpiAsync(admin, 2030, 10);
        },
        ["SetKpiTarget"] = async c =>
        {
            using var admin = await MonitoringTestData.ProvinceAdminAsync(c.Host);
            var code = await MonitoringTestData.AddKpiAsync(admin, 2030, 10);
            await c.MarkAsync();
            await PostAsync(admin, $"{Kpis}/{code}/targets", new { year = 2035, value = 20, source = "测试" }, HttpStatusCode.OK);
        },
        ["ReportKpiValue"] = async c =>
        {
            using var admin = await MonitoringTestData.ProvinceAdminAsync(c.Host);
            var code = await MonitoringTestData.AddKpiAsync(admin, 2030, 10);
            using var agency = await MonitoringTestData.AgencyClientAsync(c.Host, "省科技厅");
            await c.MarkAsync();
            await PostAsync(agency, $"{Kpis}/{code}/values", new { year = 2025, value = 3, source = "测试" }, HttpStatusCode.Created);
        },
        ["ConfirmKpiValue"] = async c =>
        {
            using var admin = await MonitoringTestData.ProvinceAdminAsync(c.Host);
            var code = await MonitoringTestData.AddKpiAsync(admin, 2030, 10);
            using var agency = await MonitoringTestData.AgencyClientAsync(c.Host, "省科技厅");
            var value = await PostAsync(agency, $"{Kpis}/{code}/values", new { year = 2025, value = 3, source = "测试" }, HttpStatusCode.Created);
            await c.MarkAsync();
            await PostAsync(admin, $"/api/v1/monitoring/values/{value.GetProperty("id").GetGuid()}/confirmation", null, HttpStatusCode.OK);
        },
        ["FileProgressReport"] = async c =>
        {
            using var agency = await MonitoringTestData.AgencyClientAsync(c.Host, "省科技厅");
            var task = await TaskAsync(agency, "三（二）2");
            await c.MarkAsync();
            await PostAsync(agency, $"{Tasks}/{task}/reports", new { text = "测试进展", percent = 5 }, HttpStatusCode.Created);
        },
        ["AddTaskMilestone"] = async c =>
        {
            using var admin = await MonitoringTestData.ProvinceAdminAsync(c.Host, SupervisionPermissions.OverseeTasks);
            var task = await TaskAsync(admin, "三（二）2");
            await c.MarkAsync();
            await PostAsync(admin, $"{Tasks}/{task}/milestones", new { title = "测试里程碑", dueOn = "2099-12-31" }, HttpStatusCode.Created);
        },
        ["AddCitySubTask"] = async c =>
        {
            using var admin = await MonitoringTestData.ProvinceAdminAsync(c.Host, SupervisionPermissions.OverseeTasks);
            var task = await TaskAsync(admin, "三（三）3");
            await c.MarkAsync();
            await PostAsync(admin, $"{Tasks}/{task}/subtasks", new { regionCode = "1309", agencyName = "沧州市科学技术局" }, HttpStatusCode.Created);
        },
    };

    private static async Task<Guid> TaskAsync(HttpClient client, string number)
    {
        var board = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri(Tasks, UriKind.Relative));
        return board.EnumerateArray().First(t => t.GetProperty("number").GetString() == number && t.GetProperty("parentId").ValueKind == System.Text.Json.JsonValueKind.Null)
            .GetProperty("id").GetGuid();
    }
}
