using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Platform.Errors;

namespace TechBridge.Tests.Platform;

// What a user reads when a request is refused: the API's problem carries the text in the language asked for, naming
// the field by its label; a page shows the same sentence next to the field.
public abstract partial class ErrorTextsHttpTests(AppHost host)
{
    [Theory]
    [InlineData("en", "Legal name is required.", "Please choose Type from the list.")]
    [InlineData("zh-CN", "请填写机构名称。", "请从列表中选择类型。")]
    public async Task InvalidApiRequest_GetsTheTextInTheAskedLanguage_NamingTheFieldByItsLabel(string language, string legalName, string kind)
    {
        using var client = await host.CreateClientAsAsync(TestUser.Member());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/organizations", UriKind.Relative)) { Content = JsonContent.Create(new { }) };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));

        using var response = await client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var violations = problem.GetProperty("violations").EnumerateArray().ToList();
        string TextOf(string field) => violations.First(v => v.GetProperty("field").GetString() == field).GetProperty("text").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("required", violations.First(v => v.GetProperty("field").GetString() == "legalName").GetProperty("rule").GetString()); // machine-readable part stays
        Assert.Equal(legalName, TextOf("legalName"));
        Assert.Equal(kind, TextOf("kind"));
        Assert.Contains(legalName, problem.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.All(violations, v => Assert.DoesNotContain("legalName", v.GetProperty("text").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Conflict_GetsItsCodeInWords()
    {
        var admin = TestUser.New("sysadmin", "SystemAdmin");
        using var client = await host.CreateClientAsAsync(admin);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/admin/users/{admin.Id}/lock", UriKind.Relative));
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));

        using var response = await client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("cannot_lock_self", problem.GetProperty("code").GetString());
        Assert.Equal("不能锁定您本人的账户。", problem.GetProperty("text").GetString());
    }

    [Fact]
    public async Task BlankRequiredField_OnAPageForm_ShowsTheChineseSentence()
    {
        using var client = await host.CreateClientAsAsync(TestUser.Member());

        var form = await client.GetStringAsync(new Uri("/Orders/Place", UriKind.Relative));
        using var posted = await client.PostAsync(new Uri("/Orders/Place", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Scope"] = "",
            ["AmountYuan"] = "很多",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
        }));
        var page = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", page, StringComparison.Ordinal);
        Assert.Contains("请填写以元为单位的金额", page, StringComparison.Ordinal); // typed amount that is not one
        Assert.DoesNotContain("Enter an amount in yuan", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlankRequiredField_OnAPageForm_IsReportedWithTheOtherBrokenRules_InChinese()
    {
        using var client = await host.CreateClientAsAsync(TestUser.Member());

        var form = await client.GetStringAsync(new Uri("/Orders/Place", UriKind.Relative));
        using var posted = await client.PostAsync(new Uri("/Orders/Place", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Scope"] = "",
            ["AmountYuan"] = "",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
        }));
        var page = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("请填写服务范围。", page, StringComparison.Ordinal);
        Assert.Contains("订单金额须大于零", page, StringComparison.Ordinal);
        Assert.DoesNotContain("scope is required", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" fen", page, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryModulesTexts_AreRegistered()
    {
        var registered = host.Services.GetRequiredService<ErrorTexts>();

        Assert.Equal(ErrorTextsTests.Catalog().Keys.Order(StringComparer.Ordinal), registered.Keys.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

[Collection(SqliteCollection.Name)]
public sealed class ErrorTextsHttpTestsOnSqlite(SqliteHostFixture fixture) : ErrorTextsHttpTests(fixture.Host);
