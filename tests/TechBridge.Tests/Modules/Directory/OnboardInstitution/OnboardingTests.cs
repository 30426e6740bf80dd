using System.Text.Json;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;

namespace TechBridge.Tests.Modules.Directory.OnboardInstitution;

// These tests move the clock past the notice period, so each takes an isolated host.
public abstract class OnboardingTests(AppHost shared)
{
    private const string Apps = "/api/v1/onboarding/applications";

    private static async Task<(Guid Organization, Guid Application)> SubmitAsync(AppHost host, string region)
    {
        var ownerUser = TestUser.New("owner");
        using var owner = await host.CreateClientAsAsync(ownerUser);
        using var province = await host.CreateClientForAsync("admin.hebei");
        var organization = await RegisterOkAsync(owner, region, "ServiceInstitution");
        using var acting = await host.CreateClientForAsync(ownerUser.Name, organization);
        await PostAsync(acting, Apps, new { serviceDescription = "检验检测" }, HttpStatusCode.Conflict); // not verified yet
        await PostAsync(province, $"/api/v1/organizations/{organization}/verify", null, HttpStatusCode.OK);
        var application = await PostAsync(acting, Apps, new { serviceDescription = "检验检测" }, HttpStatusCode.Created);
        return (organization, application.GetProperty("id").GetGuid());
    }

    private static async Task ToNoticeAsync(AppHost host, Guid application)
    {
        using var city = await host.CreateClientForAsync("admin.shijiazhuang");
        using var province = await host.CreateClientForAsync("admin.hebei");
        await PostAsync(city, $"{Apps}/{application}/start-review", null, HttpStatusCode.OK);
        await PostAsync(city, $"{Apps}/{application}/first-review", null, HttpStatusCode.OK);
        await PostAsync(province, $"{Apps}/{application}/start-notice", null, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Onboarding_ThroughEveryState_WithObjectionDismissed_ThenSuspendAndReinstate()
    {
        await using var host = await AppHost.StartAsync(shared.Database);
        var (_, id) = await SubmitAsync(host, "130102");
        using var tianjin = await host.CreateClientForAsync("admin.tianjin");
        using var city = await host.CreateClientForAsync("admin.shijiazhuang");
        using var province = await host.CreateClientForAsync("admin.hebei");
        using var citizen = await host.CreateClientForAsync("enterprise.demo");

        await PostAsync(tianjin, $"{Apps}/{id}/start-review", null, HttpStatusCode.Forbidden);
        await PostAsync(city, $"{Apps}/{id}/start-review", null, HttpStatusCode.OK);
        var early = await PostAsync(province, $"{Apps}/{id}/start-notice", null, HttpStatusCode.Conflict);
        await PostAsync(city, $"{Apps}/{id}/first-review", null, HttpStatusCode.OK);
        await PostAsync(city, $"{Apps}/{id}/start-notice", null, HttpStatusCode.Forbidden);
        await PostAsync(province, $"{Apps}/{id}/start-notice", null, HttpStatusCode.OK);
        var notices = await host.CreateAnonymousClient().GetStringAsync(new Uri("/Notices", UriKind.Relative));
        var objection = await PostAsync(citizen, $"{Apps}/{id}/objections", new { reason = "资质证书过期" }, HttpStatusCode.Created);
        var running = await PostAsync(province, $"{Apps}/{id}/approve", null, HttpStatusCode.Conflict);
        await host.AdvanceClockAsync(170);
        using var provinceLater = await host.CreateClientForAsync("admin.hebei"); // the earlier token has expired
        var blocked = await PostAsync(provinceLater, $"{Apps}/{id}/approve", null, HttpStatusCode.Conflict);
        await PostAsync(provinceLater, $"{Apps}/{id}/objections/{objection.GetProperty("id").GetGuid()}/dismiss", new { reason = "证书已续期" }, HttpStatusCode.OK);
        var approved = await PostAsync(provinceLater, $"{Apps}/{id}/approve", null, HttpStatusCode.OK);
        await PostAsync(provinceLater, $"{Apps}/{id}/suspend", new { }, HttpStatusCode.BadRequest);
        var suspended = await PostAsync(provinceLater, $"{Apps}/{id}/suspend", new { reason = "违规收费" }, HttpStatusCode.OK);
        var reinstated = await PostAsync(provinceLater, $"{Apps}/{id}/reinstate", new { reason = "整改完成" }, HttpStatusCode.OK);

        Assert.Equal("first_review_pending", early.GetProperty("code").GetString());
        Assert.Contains("测试科技有限公司", notices, StringComparison.Ordinal);
        Assert.Equal("notice_period_running", running.GetProperty("code").GetString());
        Assert.Equal("objection_open", blocked.GetProperty("code").GetString());
        Assert.Equal("Approved", approved.GetProperty("state").GetString());
        Assert.Equal("Suspended", suspended.GetProperty("state").GetString());
        Assert.Equal("Approved", reinstated.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Onboarding_UpheldObjectionRejects_BulkApproveReportsPerItem()
    {
        await using var host = await AppHost.StartAsync(shared.Database);
        var (_, objected) = await SubmitAsync(host, "130102");
        var (_, first) = await SubmitAsync(host, "130104");
        var (_, second) = await SubmitAsync(host, "130102");
        var (_, notYet) = await SubmitAsync(host, "130104");
        foreach (var id in new[] { objected, first, second })
        {
            await ToNoticeAsync(host, id);
        }

        using var province = await host.CreateClientForAsync("admin.hebei");
        using var city = await host.CreateClientForAsync("admin.shijiazhuang");
        using var citizen = await host.CreateClientForAsync("enterprise.demo");
        var objection = await PostAsync(citizen, $"{Apps}/{objected}/objections", new { reason = "虚假材料" }, HttpStatusCode.Created);
        var rejected = await PostAsync(province, $"{Apps}/{objected}/objections/{objection.GetProperty("id").GetGuid()}/uphold", new { reason = "核实属实" }, HttpStatusCode.OK);
        var queue = await city.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/onboarding/queue?state=PublicNotice&sector=testing", UriKind.Relative));
        await host.AdvanceClockAsync(170);
        using var provinceLater = await host.CreateClientForAsync("admin.hebei"); // the earlier token has expired
        var results = await PostAsync(provinceLater, "/api/v1/onboarding/bulk-approve", new { ids = new[] { first, second, notYet, objected } }, HttpStatusCode.OK);

        Assert.Equal("Rejected", rejected.GetProperty("state").GetString());
        Assert.Equal("虚假材料", rejected.GetProperty("reason").GetString());
        var queued = queue.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(first, queued);
        Assert.DoesNotContain(notYet, queued);
        var byId = results.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetGuid());
        Assert.True(byId[first].GetProperty("succeeded").GetBoolean());
        Assert.True(byId[second].GetProperty("succeeded").GetBoolean());
        Assert.Equal(409, byId[notYet].GetProperty("status").GetInt32());
        Assert.Equal("transition_not_allowed", byId[objected].GetProperty("code").GetString());
    }

    [Fact]
    public async Task StartReview_TwoAdminsAtOnce_OnlyOneSucceeds()
    {
        var (_, id) = await SubmitAsync(shared, "130104");
        using var province = await shared.CreateClientForAsync("admin.hebei");
        using var city = await shared.CreateClientForAsync("admin.shijiazhuang");

        var responses = await Task.WhenAll(
            province.PostAsync(new Uri($"{Apps}/{id}/start-review", UriKind.Relative), null),
            city.PostAsync(new Uri($"{Apps}/{id}/start-review", UriKind.Relative), null));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task VerificationPage_AdminRejectsWithReason_OrganizationLeavesQueue()
    {
        using var owner = await shared.CreateClientAsAsync(TestUser.New("owner"));
        using var admin = await shared.CreateClientForAsync("admin.shijiazhuang");
        var id = await RegisterOkAsync(owner, "130104");
        var page = await admin.GetStringAsync(new Uri("/Admin/Verification", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var posted = await admin.PostAsync(new Uri("/Admin/Verification?culture=zh-CN", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ids"] = id.ToString(),
            ["decision"] = "reject",
            ["reason"] = "执照与名称不符",
        }));
        var detail = await owner.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/organizations/{id}", UriKind.Relative));

        Assert.Contains(id.ToString(), page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("已驳回 1 家（附驳回理由）", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Rejected", detail.GetProperty("verification").GetString());
        Assert.Equal("执照与名称不符", detail.GetProperty("verificationReason").GetString());
    }

    [Fact]
    public async Task Onboarding_TianjinAdmin_CannotApproveHebeiInstitution()
    {
        using var tianjin = await shared.CreateClientForAsync("admin.tianjin");
        var (_, id) = await SubmitAsync(shared, "130102");

        var response = await PostAsync(tianjin, $"{Apps}/{id}/reject", new { reason = "不属于本辖区" }, HttpStatusCode.Forbidden);

        Assert.Equal(403, response.GetProperty("status").GetInt32());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OnboardingTestsOnSqlite(SqliteHostFixture fixture) : OnboardingTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class OnboardingTestsOnPostgres(PostgresHostFixture fixture) : OnboardingTests(fixture.Host);
