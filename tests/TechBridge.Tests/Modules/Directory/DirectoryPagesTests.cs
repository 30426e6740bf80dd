using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;

namespace TechBridge.Tests.Modules.Directory;

// The pages are reached here with bearer tokens (the cookie sign-in page is another slice); forms post with the
// antiforgery token read from the page, as a browser would.
public abstract partial class DirectoryPagesTests(AppHost host)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return AntiforgeryField().Match(page).Groups[1].Value;
    }

    [Fact]
    public async Task RegisterPage_PostWithLicence_RedirectsToDetail_AndSwitcherSetsCookie()
    {
        using var owner = await host.CreateClientAsAsync(TestUser.New("owner"));
        var code = NewCreditCode("130102");
        var token = await FormTokenAsync(owner, "/Organizations/Register");
        var file = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, .. Guid.NewGuid().ToByteArray()]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Enterprise"), "Kind" },
            { new StringContent("页面注册科技有限公司"), "LegalName" },
            { new StringContent(code), "CreditCode" },
            { new StringContent("130102"), "RegionCode" },
            { file, "Evidence", "licence.jpg" },
        };

        var posted = await owner.PostAsync(new Uri("/Organizations/Register", UriKind.Relative), form);
        var location = posted.Headers.Location?.ToString() ?? "";
        var detail = await owner.GetStringAsync(new Uri(location, UriKind.Relative));
        var id = Guid.Parse(location["/Organizations/".Length..]);
        var switchToken = await FormTokenAsync(owner, "/Organizations/Mine");
        var switched = await owner.PostAsync(new Uri("/Organizations/Mine?handler=Switch", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = switchToken,
            ["organizationId"] = id.ToString(),
        }));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains(code, detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"tb-org={id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RegisterPage_InvalidCreditCode_ShowsErrorAndKeepsInput()
    {
        using var owner = await host.CreateClientAsAsync(TestUser.New("owner"));
        var token = await FormTokenAsync(owner, "/Organizations/Register");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Enterprise"), "Kind" },
            { new StringContent("输入保留测试"), "LegalName" },
            { new StringContent("91130102MA0000000X"), "CreditCode" },
            { new StringContent("130102"), "RegionCode" },
        };

        var posted = await owner.PostAsync(new Uri("/Organizations/Register", UriKind.Relative), form);
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("输入保留测试", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetailPage_OwnerAddsBranch_InvalidRegionShowsError()
    {
        using var owner = await host.CreateClientAsAsync(TestUser.New("owner"));
        var id = await RegisterOkAsync(owner, "130102");
        var token = await FormTokenAsync(owner, $"/Organizations/{id}");

        var invalid = await owner.PostAsync(new Uri($"/Organizations/{id}?handler=AddBranch", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["name"] = "雄安服务窗口",
            ["regionCode"] = "1306",
        }));
        var added = await owner.PostAsync(new Uri($"/Organizations/{id}?handler=AddBranch", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["name"] = "雄安服务窗口",
            ["regionCode"] = "130629",
        }));
        var detail = await owner.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/organizations/{id}", UriKind.Relative));

        Assert.Contains("role=\"alert\"", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains(detail.GetProperty("branches").EnumerateArray(), b => b.GetProperty("regionCode").GetString() == "130629");
    }

    [Fact]
    public async Task AdminQueuePage_ShowsOnlyApplicationsInJurisdiction()
    {
        var ownerUser = TestUser.New("owner");
        using var owner = await host.CreateClientAsAsync(ownerUser);
        using var province = await host.CreateClientForAsync("admin.hebei");
        var id = await RegisterOkAsync(owner, "130104", "ServiceInstitution");
        await PostAsync(province, $"/api/v1/organizations/{id}/verify", null, HttpStatusCode.OK);
        using var acting = await host.CreateClientForAsync(ownerUser.Name, id);
        await PostAsync(acting, "/api/v1/onboarding/applications", new { serviceDescription = "设计" }, HttpStatusCode.Created);
        var detail = await owner.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/organizations/{id}", UriKind.Relative));
        var name = detail.GetProperty("legalName").GetString()!;
        using var city = await host.CreateClientForAsync("admin.shijiazhuang");
        using var tianjin = await host.CreateClientForAsync("admin.tianjin");

        var forCity = await city.GetStringAsync(new Uri("/Admin/Onboarding", UriKind.Relative));
        var forTianjin = await tianjin.GetStringAsync(new Uri("/Admin/Onboarding", UriKind.Relative));
        var forOwner = await owner.GetAsync(new Uri("/Admin/Onboarding", UriKind.Relative));

        Assert.Contains(name, forCity, StringComparison.Ordinal);
        Assert.DoesNotContain(name, forTianjin, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, forOwner.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DirectoryPagesTestsOnSqlite(SqliteHostFixture fixture) : DirectoryPagesTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class DirectoryPagesTestsOnPostgres(PostgresHostFixture fixture) : DirectoryPagesTests(fixture.Host);
