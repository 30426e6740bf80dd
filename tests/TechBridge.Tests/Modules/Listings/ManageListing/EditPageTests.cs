using System.Text.RegularExpressions;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Tests.Modules.Listings.ManageListing;

// /Listings/Edit?kind=: one edit page for every listing kind. Each kind's form renders its own fields, saves through
// the same handler as the API, opens again with what was saved, and reports the kind's rules next to its fields.
public abstract partial class EditPageTests(AppHost host)
{
    public static TheoryData<string, string, string, string> Kinds => new()
    {
        { nameof(OrganizationKind.ServiceInstitution), "offering", "Description", "SectorCode=testing&PriceModel=fixed&PriceYuan=5000&RegionsServed=1301&LeadTimeDays=10" },
        { nameof(OrganizationKind.Enterprise), "demand", "Description", "TechnologyFieldCode=new-materials&BudgetMinYuan=100000&BudgetMaxYuan=200000" },
        { nameof(OrganizationKind.Enterprise), "achievement", "Abstract", "TechnologyFieldCode=new-materials&Trl=5&TransferModes=licence&TransferModes=assignment&AskingPriceYuan=80000" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task EditPage_EachKind_SavesAndOpensAgainWithItsFields(string poster, string kind, string bodyField, string fields)
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, Enum.Parse<OrganizationKind>(poster), "130102");
        using var client = owner;
        var title = $"编辑页{kind}{Guid.NewGuid():N}"[..20];
        var token = await FormTokenAsync(client, $"/Listings/Edit?kind={kind}");

        var posted = await PostAsync(client, $"/Listings/Edit?kind={kind}", token, $"Title={Uri.EscapeDataString(title)}&{bodyField}={Uri.EscapeDataString("用于编辑页测试的说明文字。")}&{fields}&action=save");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location?.ToString() ?? "";
        var id = location[(location.IndexOf("id=", StringComparison.Ordinal) + 3)..];
        var again = await client.GetStringAsync(new Uri($"/Listings/Edit?kind={kind}&id={id}&culture=en", UriKind.Relative));

        Assert.StartsWith($"/Listings/Detail?kind={kind}&id=", location, StringComparison.Ordinal);
        Assert.Contains($"value=\"{title}\"", again, StringComparison.Ordinal);
        Assert.Contains($"name=\"{bodyField}\"", again, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task EditPage_EachKind_BlankTitle_MarksTheTitleField(string poster, string kind, string bodyField, string fields)
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, Enum.Parse<OrganizationKind>(poster), "130102");
        using var client = owner;
        var token = await FormTokenAsync(client, $"/Listings/Edit?kind={kind}");

        var posted = await PostAsync(client, $"/Listings/Edit?kind={kind}&culture=en", token, $"Title=&{bodyField}=x&{fields}&action=submit");
        var page = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("name=\"Title\" required maxlength=\"200\" aria-invalid=\"true\" aria-describedby=\"title-error\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPage_UnknownKind_IsNotFound()
    {
        using var client = await host.CreateClientForAsync("enterprise.demo");

        var response = await client.GetAsync(new Uri("/Listings/Edit?kind=voucher", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string token, string form)
    {
        using var content = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&{form}", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return AntiforgeryField().Match(page).Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

[Collection(SqliteCollection.Name)]
public sealed class EditPageTestsOnSqlite(SqliteHostFixture fixture) : EditPageTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class EditPageTestsOnPostgres(PostgresHostFixture fixture) : EditPageTests(fixture.Host);
