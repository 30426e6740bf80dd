using System.Text.Json;
using static TechBridge.Tests.Modules.Directory.AccountTestKit;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;

namespace TechBridge.Tests.Modules.Directory.Notify;

// "Every step notified in-app": each user reads GET /api/v1/notifications and finds exactly the steps meant for them.
// Moves the clock past the notice period, so it takes an isolated host.
public abstract class DirectoryNotificationsTests(AppHost shared)
{
    private const string Apps = "/api/v1/onboarding/applications";

    [Fact]
    public async Task Onboarding_EveryTransition_NotifiesOwnersMembersObjectorAndTheAdminsWhoActNext()
    {
        await using var host = await AppHost.StartAsync(shared.Database);
        var (owner, ownerName) = await NewUserClientAsync(host, "owner");
        var (member, memberName) = await NewUserClientAsync(host, "member");
        var (declined, declinedName) = await NewUserClientAsync(host, "declined");
        var (objector, objectorName) = await NewUserClientAsync(host, "objector");
        using var city = await host.CreateClientForAsync("admin.shijiazhuang");
        using var province = await host.CreateClientForAsync("admin.hebei");
        using var tianjin = await host.CreateClientForAsync("admin.tianjin");

        var organization = await RegisterOkAsync(owner, "130102", "ServiceInstitution");
        var orgPath = $"/api/v1/organizations/{organization}";
        var joining = await PostAsync(member, $"{orgPath}/membership-requests", new { message = "同事" }, HttpStatusCode.Created);
        var other = await PostAsync(declined, $"{orgPath}/membership-requests", new { message = "路人" }, HttpStatusCode.Created);
        Assert.Equal(2, (await KindsAsync(owner)).Count(k => k == "membership-requested"));
        await PostAsync(owner, $"{orgPath}/membership-requests/{joining.GetProperty("id").GetGuid()}/approve", null, HttpStatusCode.OK);
        await PostAsync(owner, $"{orgPath}/membership-requests/{other.GetProperty("id").GetGuid()}/decline", null, HttpStatusCode.OK);
        Assert.Contains("membership-approved", await KindsAsync(member));
        Assert.Equal(["membership-declined"], await KindsAsync(declined));

        await PostAsync(province, $"{orgPath}/verify", null, HttpStatusCode.OK);
        Assert.Contains("organization-verified", await KindsAsync(owner));
        Assert.DoesNotContain("organization-verified", await KindsAsync(member)); // owners only

        using var acting = host.CreateBearerClient(await TokenAsync(host, ownerName, AccountTestKit.Password), organization);
        var id = (await PostAsync(acting, Apps, new { serviceDescription = "检验检测" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var name = (await GetAsync(owner, $"{Apps}/{id}")).GetProperty("legalName").GetString()!;
        // Hebei's city level reviews first: the city's admin hears of the submission, not yet the province's.
        Assert.Contains("institution-submitted", await KindsAsync(city, name));
        Assert.DoesNotContain("institution-submitted", await KindsAsync(province, name));
        Assert.Empty(await KindsAsync(tianjin, name));

        await PostAsync(city, $"{Apps}/{id}/start-review", null, HttpStatusCode.OK);
        await PostAsync(city, $"{Apps}/{id}/first-review", null, HttpStatusCode.OK);
        Assert.Contains("institution-final-review-due", await KindsAsync(province, name));
        await PostAsync(province, $"{Apps}/{id}/start-notice", null, HttpStatusCode.OK);
        var objection = await PostAsync(objector, $"{Apps}/{id}/objections", new { reason = "资质证书过期" }, HttpStatusCode.Created);
        Assert.Contains("institution-objection-to-decide", await KindsAsync(province, name));
        await PostAsync(province, $"{Apps}/{id}/objections/{objection.GetProperty("id").GetGuid()}/dismiss", new { reason = "证书已续期" }, HttpStatusCode.OK);
        await host.AdvanceClockAsync(170);
        // Every token expired with the week: sign everyone in again.
        using var provinceLater = await host.CreateClientForAsync("admin.hebei");
        owner = await SignInAsync(host, ownerName);
        member = await SignInAsync(host, memberName);
        declined = await SignInAsync(host, declinedName);
        objector = await SignInAsync(host, objectorName);
        await PostAsync(provinceLater, $"{Apps}/{id}/approve", null, HttpStatusCode.OK);
        await PostAsync(provinceLater, $"{Apps}/{id}/suspend", new { reason = "违规收费" }, HttpStatusCode.OK);
        await PostAsync(provinceLater, $"{Apps}/{id}/reinstate", new { reason = "整改完成" }, HttpStatusCode.OK);

        string[] steps =
        [
            "institution-under-review", "institution-first-review-passed", "institution-notice-started", "institution-objection-filed",
            "institution-objection-dismissed", "institution-approved", "institution-suspended", "institution-reinstated",
        ];
        foreach (var client in new[] { owner, member })
        {
            var kinds = await KindsAsync(client, name);
            Assert.All(steps, step => Assert.Contains(step, kinds));
        }

        var objectorKinds = await KindsAsync(objector, name);
        Assert.Equal(["institution-objection-dismissed", "institution-objection-submitted"], objectorKinds.Order(StringComparer.Ordinal));
        Assert.Contains(await ListAsync(owner), n => n.GetProperty("kind").GetString() == "institution-suspended"
            && n.GetProperty("body").GetString()!.Contains("违规收费", StringComparison.Ordinal));
        using var tianjinLater = await host.CreateClientForAsync("admin.tianjin");
        Assert.Empty(await KindsAsync(tianjinLater, name));
        Assert.Equal(["membership-declined"], await KindsAsync(declined, name)); // nothing about the onboarding
        Assert.NotEqual(memberName, ownerName);
    }

    [Fact]
    public async Task Rejections_NotifyTheOwnersWithTheReason()
    {
        // Rejections need no clock, so the shared host serves; recipients are fresh users.
        var host = shared;
        var (owner, ownerName) = await NewUserClientAsync(host, "owner");
        using var province = await host.CreateClientForAsync("admin.hebei");
        var refused = await RegisterOkAsync(owner, "130104", "ServiceInstitution");
        await PostAsync(province, $"/api/v1/organizations/{refused}/reject", new { reason = "营业执照不清晰" }, HttpStatusCode.OK);
        var organization = await RegisterOkAsync(owner, "130104", "ServiceInstitution");
        await PostAsync(province, $"/api/v1/organizations/{organization}/verify", null, HttpStatusCode.OK);
        using var acting = host.CreateBearerClient(await TokenAsync(host, ownerName, AccountTestKit.Password), organization);
        var id = (await PostAsync(acting, Apps, new { serviceDescription = "检验检测" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await PostAsync(province, $"{Apps}/{id}/reject", new { reason = "服务收费标准未公开" }, HttpStatusCode.OK);

        var notifications = await ListAsync(owner);
        Assert.Contains(notifications, n => n.GetProperty("kind").GetString() == "organization-rejected"
            && n.GetProperty("body").GetString()!.Contains("营业执照不清晰", StringComparison.Ordinal));
        Assert.Contains(notifications, n => n.GetProperty("kind").GetString() == "institution-rejected"
            && n.GetProperty("body").GetString()!.Contains("服务收费标准未公开", StringComparison.Ordinal)
            && n.GetProperty("link").GetString() == $"/Organizations/{organization}");
    }

    private static async Task<(HttpClient Client, string UserName)> NewUserClientAsync(AppHost host, string prefix)
    {
        var user = await CreateUserAsync(host, prefix);
        return (await SignInAsync(host, user.UserName!), user.UserName!);
    }

    private static async Task<HttpClient> SignInAsync(AppHost host, string userName) =>
        host.CreateBearerClient(await TokenAsync(host, userName, AccountTestKit.Password));

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client) =>
        (await GetAsync(client, "/api/v1/notifications")).GetProperty("items").EnumerateArray().ToList();

    // The kinds of the user's notifications, optionally only those naming one organization.
    private static async Task<List<string>> KindsAsync(HttpClient client, string? about = null) =>
        (await ListAsync(client))
            .Where(n => about is null || n.GetProperty("body").GetString()!.Contains(about, StringComparison.Ordinal))
            .Select(n => n.GetProperty("kind").GetString()!).ToList();
}

[Collection(SqliteCollection.Name)]
public sealed class DirectoryNotificationsTestsOnSqlite(SqliteHostFixture fixture) : DirectoryNotificationsTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class DirectoryNotificationsTestsOnPostgres(PostgresHostFixture fixture) : DirectoryNotificationsTests(fixture.Host);
