using System.Text.Json;
using System.Text.RegularExpressions;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;

namespace TechBridge.Tests.Modules.Directory.OnboardInstitution;

// The notices board's objection form and the admin queue's review steps, posted as a browser without JavaScript
// would (antiforgery token read from the page). No clock moves, so the shared host serves.
public abstract partial class OnboardingPagesTests(AppHost host)
{
    private const string Apps = "/api/v1/onboarding/applications";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static async Task<string> FormTokenAsync(HttpClient client, string path) =>
        AntiforgeryField().Match(await client.GetStringAsync(new Uri(path, UriKind.Relative))).Groups[1].Value;

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string tokenFrom, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await FormTokenAsync(client, tokenFrom);
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    private async Task<(Guid Id, string Name)> SubmittedAsync()
    {
        var ownerUser = TestUser.New("owner");
        using var owner = await host.CreateClientAsAsync(ownerUser);
        using var province = await host.CreateClientForAsync("admin.hebei");
        var organization = await RegisterOkAsync(owner, "130102", "ServiceInstitution");
        await PostAsync(province, $"/api/v1/organizations/{organization}/verify", null, HttpStatusCode.OK);
        using var acting = await host.CreateClientForAsync(ownerUser.Name, organization);
        var view = await PostAsync(acting, Apps, new { serviceDescription = "检验检测" }, HttpStatusCode.Created);
        return (view.GetProperty("id").GetGuid(), view.GetProperty("legalName").GetString()!);
    }

    [Fact]
    public async Task NoticesPage_SignedInUserObjects_EmptyReasonShowsMessage_ThenConfirmation()
    {
        var (id, name) = await SubmittedAsync();
        using var city = await host.CreateClientForAsync("admin.shijiazhuang");
        using var province = await host.CreateClientForAsync("admin.hebei");
        await PostAsync(city, $"{Apps}/{id}/start-review", null, HttpStatusCode.OK);
        await PostAsync(city, $"{Apps}/{id}/first-review", null, HttpStatusCode.OK);
        await PostAsync(province, $"{Apps}/{id}/start-notice", null, HttpStatusCode.OK);
        using var anonymous = host.CreateAnonymousClient();
        using var citizen = await host.CreateClientForAsync("enterprise.demo");

        var forAnonymous = await anonymous.GetStringAsync(new Uri("/Notices", UriKind.Relative));
        var empty = await PostFormAsync(citizen, "/Notices?handler=Object", "/Notices", new() { ["applicationId"] = id.ToString(), ["reason"] = "  " });
        var emptyPage = await empty.Content.ReadAsStringAsync();
        var posted = await PostFormAsync(citizen, "/Notices?handler=Object", "/Notices", new() { ["applicationId"] = id.ToString(), ["reason"] = "收费标准与实际不符" });
        var confirmation = await citizen.GetStringAsync(new Uri(posted.Headers.Location!.ToString(), UriKind.Relative));
        var application = await province.GetFromJsonAsync<JsonElement>(new Uri($"{Apps}/{id}", UriKind.Relative));

        Assert.Contains(name, forAnonymous, StringComparison.Ordinal);
        Assert.Contains("/Account/SignIn?returnUrl=%2FNotices", forAnonymous, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{id}\"", forAnonymous, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请填写异议理由", emptyPage, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", emptyPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("您的异议已提交", confirmation, StringComparison.Ordinal);
        Assert.Contains(application.GetProperty("objections").EnumerateArray(), o => o.GetProperty("reason").GetString() == "收费标准与实际不符");
    }

    [Fact]
    public async Task AdminQueuePage_ReviewSteps_FollowTheLevels()
    {
        var (id, _) = await SubmittedAsync();
        using var city = await host.CreateClientForAsync("admin.shijiazhuang");
        using var province = await host.CreateClientForAsync("admin.hebei");
        string Act(string step) => $"/Admin/Onboarding?handler=Act&id={id}&step={step}";

        var started = await PostFormAsync(city, Act("start-review"), "/Admin/Onboarding", []);
        var tooEarly = await PostFormAsync(province, Act("start-notice"), "/Admin/Onboarding", []);
        var firstReview = await PostFormAsync(city, Act("first-review"), "/Admin/Onboarding", []);
        var noReason = await PostFormAsync(province, Act("reject"), "/Admin/Onboarding", []);
        var notice = await PostFormAsync(province, Act("start-notice"), "/Admin/Onboarding", []);
        var application = await province.GetFromJsonAsync<JsonElement>(new Uri($"{Apps}/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tooEarly.StatusCode);
        Assert.Contains("role=\"alert\"", await tooEarly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, firstReview.StatusCode);
        Assert.Contains("role=\"alert\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, notice.StatusCode);
        Assert.Equal("PublicNotice", application.GetProperty("state").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OnboardingPagesTestsOnSqlite(SqliteHostFixture fixture) : OnboardingPagesTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class OnboardingPagesTestsOnPostgres(PostgresHostFixture fixture) : OnboardingPagesTests(fixture.Host);
