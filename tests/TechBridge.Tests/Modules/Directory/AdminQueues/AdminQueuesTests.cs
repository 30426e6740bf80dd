using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using TechBridge.Modules.Directory.Contracts;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;

namespace TechBridge.Tests.Modules.Directory.AdminQueues;

// The admins' Directory queues as a browser without JavaScript posts them (antiforgery token read from the page):
// several items decided at once, the page saying what happened to each by name, notifications in the reader's
// language, the auditor reading without controls, and the people-facing xlsx exports. No clock moves: shared host.
public abstract partial class AdminQueuesTests(AppHost host)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [Fact]
    public async Task VerificationQueue_ShowsTheApplication_VerifiesSeveral_SaysWhichByName_AndRefusesThemTwice()
    {
        var (ownerId, ownerToken) = await DirectoryTestData.CreateUserAsync(host);
        using var owner = host.CreateBearerClient(ownerToken);
        var first = await RegisterOkAsync(owner, "130102");
        var second = await RegisterOkAsync(owner, "130102");
        var (_, adminToken) = await DirectoryTestData.CreateAdminAsync(host, "1301", DirectoryPermissions.VerifyOrganizations);
        using var admin = host.CreateBearerClient(adminToken);
        using var auditor = await host.CreateClientForAsync("auditor.demo");
        var names = (await host.WithDbAsync(db => db.Set<TechBridge.Modules.Directory.Data.Organization>()
            .Where(o => o.Id == first || o.Id == second).Select(o => new { o.Id, o.LegalName }).ToListAsync()))
            .ToDictionary(o => o.Id, o => o.LegalName);

        var queue = await admin.GetStringAsync(new Uri("/Admin/Verification?culture=zh-CN", UriKind.Relative));
        var auditorQueue = await auditor.GetStringAsync(new Uri("/Admin/Verification?culture=zh-CN", UriKind.Relative));
        var verified = await PostFormAsync(admin, "/Admin/Verification?culture=zh-CN", "/Admin/Verification",
            [("decision", "verify"), ("ids", first.ToString()), ("ids", second.ToString())]);
        var again = await PostFormAsync(admin, "/Admin/Verification?culture=zh-CN", "/Admin/Verification",
            [("decision", "reject"), ("reason", "重复提交"), ("ids", first.ToString())]);
        var noReason = await PostFormAsync(admin, "/Admin/Verification?culture=zh-CN", "/Admin/Verification",
            [("decision", "reject"), ("ids", first.ToString())]);
        var notifications = await NotificationsAsync(owner, "zh-CN");
        var english = await NotificationsAsync(owner, "en");

        Assert.Contains(names[first], queue, StringComparison.Ordinal);
        Assert.Contains("申请方填写的说明", queue, StringComparison.Ordinal); // the description disclosure
        Assert.Contains("张三", queue, StringComparison.Ordinal); // legal representative, inline
        Assert.Contains("查看文件", queue, StringComparison.Ordinal); // the licence
        Assert.Contains($"value=\"{first}\"", queue, StringComparison.Ordinal);
        Assert.Contains(names[first], auditorQueue, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"ids\"", auditorQueue, StringComparison.Ordinal);
        Assert.DoesNotContain("认证通过所选机构", auditorQueue, StringComparison.Ordinal);
        var verifiedPage = await verified.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Contains("已认证通过 2 家：", verifiedPage, StringComparison.Ordinal);
        Assert.Contains(names[second], verifiedPage, StringComparison.Ordinal);
        var againPage = await again.Content.ReadAsStringAsync();
        Assert.Contains("1 项未能办理", againPage, StringComparison.Ordinal);
        Assert.Contains("已由其他管理员办理", againPage, StringComparison.Ordinal);
        Assert.Contains("请填写理由", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, notifications.Count(n => n.Kind == "organization-verified"));
        Assert.Contains(notifications, n => n.Title == "机构注册已核验" && n.Body.Contains(names[first], StringComparison.Ordinal));
        Assert.Contains(english, n => n.Title == "Registration verified" && n.Body.StartsWith("The registration of", StringComparison.Ordinal));
        Assert.NotEqual(Guid.Empty, ownerId);
    }

    [Fact]
    public async Task RecognitionQueue_ConfirmsAndRevokesSeveral_OwnersHearInTheirLanguage()
    {
        var (ownerId, ownerToken) = await DirectoryTestData.CreateUserAsync(host);
        var organization = await DirectoryTestData.CreateOrganizationAsync(host, "130102", ownerId);
        using var owner = host.CreateBearerClient(ownerToken);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var added = await PostAsync(owner, $"/api/v1/organizations/{organization}/recognitions", new
            {
                kind = "high-tech-enterprise",
                level = "national",
                authority = "河北省高新技术企业认定管理机构",
                certificateNumber = $"GR{Guid.NewGuid():N}"[..16],
                issuedOn = new DateOnly(2025, 1, 10),
                validUntil = new DateOnly(2028, 1, 9),
            }, HttpStatusCode.Created);
            ids.Add(added.GetProperty("id").GetGuid());
        }

        var (_, adminToken) = await DirectoryTestData.CreateAdminAsync(host, "1301", DirectoryPermissions.ManageRecognitions);
        using var admin = host.CreateBearerClient(adminToken);
        var page = await admin.GetStringAsync(new Uri("/Admin/Recognitions?status=pending&culture=zh-CN", UriKind.Relative));
        var confirmed = await PostFormAsync(admin, "/Admin/Recognitions?status=pending&culture=zh-CN", "/Admin/Recognitions",
            [("decision", "confirm"), ("ids", ids[0].ToString()), ("ids", ids[1].ToString())]);
        var revoked = await PostFormAsync(admin, "/Admin/Recognitions?culture=zh-CN", "/Admin/Recognitions",
            [("decision", "revoke"), ("reason", "证书编号与公示名单不符"), ("ids", ids[2].ToString())]);
        var english = await NotificationsAsync(owner, "en");
        var chinese = await NotificationsAsync(owner, "zh-CN");

        Assert.Contains($"value=\"{ids[0]}\"", page, StringComparison.Ordinal);
        Assert.Contains("已确认 2 项：", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("已撤销 1 项（附撤销理由）：", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, english.Count(n => n.Kind == "recognition-confirmed" && n.Title.StartsWith("Qualification confirmed", StringComparison.Ordinal)));
        Assert.Contains(chinese, n => n.Kind == "recognition-revoked" && n.Title.StartsWith("资质已撤销", StringComparison.Ordinal)
            && n.Body.Contains("证书编号与公示名单不符", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdmissionQueue_OffersEachAdminOnlyTheStepsOfTheirLevel_WithTheDescriptionInline()
    {
        using var owner = await host.CreateClientForAsync("provider.demo");
        using var province = await host.CreateClientForAsync("admin.hebei");
        using var city = await host.CreateClientForAsync("admin.shijiazhuang");
        using var auditor = await host.CreateClientForAsync("auditor.demo");
        var organization = await RegisterOkAsync(owner, "130102", "ServiceInstitution");
        await PostAsync(province, $"/api/v1/organizations/{organization}/verify", null, HttpStatusCode.OK);
        using var acting = await host.CreateClientForAsync("provider.demo", organization);
        var id = (await PostAsync(acting, "/api/v1/onboarding/applications", new { serviceDescription = "无损检测与失效分析" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await PostAsync(city, $"/api/v1/onboarding/applications/{id}/start-review", null, HttpStatusCode.OK);

        string Row(string page)
        {
            var start = page.IndexOf($"id=\"app-{id}\"", StringComparison.Ordinal);
            Assert.True(start >= 0, "the application is not in the queue");
            return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
        }

        var forCity = await city.GetStringAsync(new Uri("/Admin/Onboarding?culture=zh-CN", UriKind.Relative));
        var forProvince = await province.GetStringAsync(new Uri("/Admin/Onboarding?culture=zh-CN", UriKind.Relative));
        var forAuditor = await auditor.GetStringAsync(new Uri("/Admin/Onboarding?culture=zh-CN", UriKind.Relative));

        Assert.Contains("无损检测与失效分析", forCity, StringComparison.Ordinal);
        Assert.Contains("step=first-review", Row(forCity), StringComparison.Ordinal);
        Assert.DoesNotContain("step=start-notice", Row(forCity), StringComparison.Ordinal);
        Assert.DoesNotContain("step=first-review", Row(forProvince), StringComparison.Ordinal);
        Assert.DoesNotContain("step=start-notice", Row(forProvince), StringComparison.Ordinal); // the city reviews first
        Assert.Contains("step=reject", Row(forProvince), StringComparison.Ordinal);
        Assert.DoesNotContain("formaction", forAuditor, StringComparison.Ordinal);
        Assert.Contains("只读", forAuditor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_UsersDirectoryAndAudit_AsWorkbooksWithHeadersInTheReadersLanguage_AndAudited()
    {
        using var system = await host.CreateClientForAsync("sysadmin.demo");
        using var auditor = await host.CreateClientForAsync("auditor.demo");
        using var anonymous = host.CreateAnonymousClient();

        var users = await RowsAsync(system, "/api/v1/admin/users/export.xlsx?culture=zh-CN&name=enterprise.demo");
        var usersEnglish = await RowsAsync(system, "/api/v1/admin/users/export.xlsx?culture=en&name=enterprise.demo");
        var directory = await RowsAsync(anonymous, "/Directory?handler=Xlsx&culture=zh-CN&kind=ServiceInstitution");
        var audit = await RowsAsync(auditor, "/Audit?handler=Xlsx&culture=zh-CN&entityType=UserList");
        var auditApi = await RowsAsync(auditor, "/api/v1/audit/export.xlsx?culture=en&entityType=UserList");

        Assert.Equal("用户名", users[0][0]);
        Assert.Contains(users.Skip(1), r => r[0] == "enterprise.demo");
        Assert.Equal("User name", usersEnglish[0][0]);
        Assert.Equal(["机构", "类型", "统一社会信用代码", "地区"], directory[0].Take(4));
        Assert.True(directory.Count > 1);
        Assert.All(directory.Skip(1), r => Assert.Equal("科技服务机构", r[1]));
        Assert.Equal("序号", audit[0][0]);
        Assert.Contains(audit.Skip(1), r => r[3] == "export" || (r[6] ?? "").Contains("xlsx", StringComparison.Ordinal));
        Assert.Equal("No.", auditApi[0][0]);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string tokenFrom, List<(string Name, string Value)> fields)
    {
        var token = AntiforgeryField().Match(await client.GetStringAsync(new Uri(tokenFrom, UriKind.Relative))).Groups[1].Value;
        fields.Add(("__RequestVerificationToken", token));
        using var form = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    private static async Task<List<(string Kind, string Title, string Body)>> NotificationsAsync(HttpClient client, string culture)
    {
        var list = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/notifications?culture={culture}", UriKind.Relative));
        return list.GetProperty("items").EnumerateArray()
            .Select(n => (n.GetProperty("kind").GetString()!, n.GetProperty("title").GetString()!, n.GetProperty("body").GetString()!)).ToList();
    }

    private static async Task<List<string?[]>> RowsAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString()).ToArray()).ToList();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AdminQueuesTestsOnSqlite(SqliteHostFixture fixture) : AdminQueuesTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class AdminQueuesTestsOnPostgres(PostgresHostFixture fixture) : AdminQueuesTests(fixture.Host);
