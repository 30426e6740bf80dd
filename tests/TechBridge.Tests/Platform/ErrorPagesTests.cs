using System.Net.Http.Headers;
using TechBridge.Modules.Directory.Data;
using TechBridge.Tests.Modules.Listings;

namespace TechBridge.Tests.Platform;

// A page request that goes wrong gets a page in the site's layout, in the reader's language, with a way back; the API
// keeps ProblemDetails.
public abstract class ErrorPagesTests(AppHost host)
{
    [Fact]
    public async Task UnknownAddress_PageGetsNotFoundPageInLayout_ApiGetsProblemJson()
    {
        using var visitor = host.CreateAnonymousClient();

        var page = await visitor.GetAsync(new Uri("/No/Such/Page?culture=zh-CN", UriKind.Relative));
        var english = await visitor.GetAsync(new Uri("/No/Such/Page?culture=en", UriKind.Relative));
        var api = await visitor.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("找不到页面", html, StringComparison.Ordinal);
        Assert.Contains("<nav aria-label=\"主导航\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\" role=\"button\"", html, StringComparison.Ordinal);
        Assert.Contains("Page not found", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OrderPage_OrderNobodyShowedYou_IsNotFoundPageNotJson()
    {
        using var user = await host.CreateClientForAsync("enterprise.demo");

        var response = await user.GetAsync(new Uri($"/Orders/Detail?id={Guid.CreateVersion7()}&culture=zh-CN", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("找不到页面", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpressInterest_SecondTimeFromThePage_LeadsToTheSameEngagement()
    {
        var (_, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var offeringId = await ListingsTestData.PublishAsync(host, provider, "offerings", ListingsTestData.Offering());
        var detail = $"/Listings/Detail?kind=offering&id={offeringId}";
        var fields = new Dictionary<string, string> { ["kind"] = "offering", ["listingId"] = offeringId.ToString(), ["message"] = "想了解检测周期" };

        var first = await PageForms.PostAsync(enterprise, detail, "/Engagements?handler=Interest", fields);
        var page = await enterprise.GetStringAsync(new Uri(detail + "&culture=zh-CN", UriKind.Relative));
        var second = await PageForms.PostAsync(enterprise, detail, "/Engagements?handler=Interest", fields);

        Assert.Contains($"href=\"/Engagements?id={first.Headers.Location!.ToString().Split('=')[1]}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Interest", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
    }

    [Fact]
    public async Task PlaceOrderPage_BlankScope_ShowsTheErrorNextToTheFieldInChinese()
    {
        using var user = await host.CreateClientForAsync("enterprise.demo");
        user.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        var response = await PageForms.PostAsync(user, "/Orders/Place?culture=zh-CN", "/Orders/Place?culture=zh-CN",
            new Dictionary<string, string> { ["EngagementId"] = Guid.CreateVersion7().ToString(), ["Scope"] = "", ["AmountYuan"] = "1000" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("aria-describedby=\"scope-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"scope-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is required", html, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ErrorPagesTestsOnSqlite(SqliteHostFixture fixture) : ErrorPagesTests(fixture.Host);
