using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;

namespace TechBridge.Tests.Modules.Directory.Reference;

// Forms and filters offer regions, industries and sectors by name (Pages/Shared/Pickers); the codes stay the posted
// values.
public abstract partial class PickerPagesTests(AppHost host)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [Fact]
    public async Task RegisterPage_OffersRegionIndustryAndSectorsByName()
    {
        using var owner = await host.CreateClientForAsync("enterprise.demo");

        var chinese = await owner.GetStringAsync(new Uri("/Organizations/Register", UriKind.Relative));
        var english = await owner.GetStringAsync(new Uri("/Organizations/Register?culture=en", UriKind.Relative));

        Assert.Contains("<option value=\"130102\" lang=\"zh-CN\">石家庄市 长安区</option>", chinese, StringComparison.Ordinal);
        Assert.Contains("<option value=\"110108\" lang=\"zh-CN\">北京市 海淀区</option>", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain(">130102 ", chinese, StringComparison.Ordinal);
        Assert.Contains("<option value=\"M73\" lang=\"zh-CN\">73 研究和试验发展</option>", chinese, StringComparison.Ordinal);
        Assert.Contains("value=\"rd\" />", chinese, StringComparison.Ordinal);
        Assert.Contains("高端研发", chinese, StringComparison.Ordinal);
        Assert.Contains("<option value=\"M73\">73 Research and experimental development</option>", english, StringComparison.Ordinal);
        Assert.Contains("R&amp;D services", english, StringComparison.Ordinal);
        Assert.DoesNotContain("comma separated", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterPage_PickedValues_AreStoredAndShownByName()
    {
        using var owner = await host.CreateClientForAsync("enterprise.demo");
        var code = NewCreditCode("130102");
        var page = await owner.GetStringAsync(new Uri("/Organizations/Register", UriKind.Relative));
        var file = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, .. Guid.NewGuid().ToByteArray()]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(AntiforgeryField().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("Enterprise"), "Kind" },
            { new StringContent("选择器测试科技有限公司"), "LegalName" },
            { new StringContent(code), "CreditCode" },
            { new StringContent("130102"), "RegionCode" },
            { new StringContent("M73"), "IndustryCode" },
            { new StringContent("rd"), "Sectors" },
            { new StringContent("incubation"), "Sectors" },
            { file, "Evidence", "licence.jpg" },
        };

        var posted = await owner.PostAsync(new Uri("/Organizations/Register", UriKind.Relative), form);
        var location = posted.Headers.Location?.ToString() ?? "";
        var detail = await owner.GetStringAsync(new Uri(location, UriKind.Relative));
        var english = await owner.GetStringAsync(new Uri(location + "?culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("石家庄市 长安区", detail, StringComparison.Ordinal);
        Assert.Contains("研究和试验发展", detail, StringComparison.Ordinal);
        Assert.Contains("创业孵化、高端研发", detail, StringComparison.Ordinal);
        Assert.Contains("Incubation, R&amp;D services", english, StringComparison.Ordinal);
        Assert.DoesNotContain("<dd>130102</dd>", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_OfferRegionsByName_AndKeepThePickedCode()
    {
        using var client = host.CreateAnonymousClient();

        var directory = await client.GetStringAsync(new Uri("/Directory?region=1301", UriKind.Relative));
        var search = await client.GetStringAsync(new Uri("/Search?region=jjj&culture=en", UriKind.Relative));

        Assert.Contains("<option value=\"1301\" selected lang=\"zh-CN\">石家庄市（全部）</option>", directory, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"region\" value=", directory, StringComparison.Ordinal);
        Assert.Contains("<option value=\"jjj\" selected>Beijing-Tianjin-Hebei (all)</option>", search, StringComparison.Ordinal);
        Assert.Contains("data-picker-tree", search, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PickerPagesTestsOnSqlite(SqliteHostFixture fixture) : PickerPagesTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class PickerPagesTestsOnPostgres(PostgresHostFixture fixture) : PickerPagesTests(fixture.Host);
