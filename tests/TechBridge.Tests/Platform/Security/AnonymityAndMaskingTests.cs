using System.Text.Json;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Tests.Modules.Directory;
using TechBridge.Tests.Modules.Listings;

namespace TechBridge.Tests.Platform.Security;

// Issue 8: an anonymous demand cannot be found by its owner by those who may not know whose it is (list and CSV), and
// the audit trail shows personal data masked (browse and export) as the directory does.
public abstract class AnonymityAndMaskingTests(AppHost host)
{
    [Fact]
    public async Task DemandsByOwner_AnonymousDemand_IsNotFoundByAnAdminOfAnotherRegionOrAStranger_ButByItsOwner()
    {
        var (ownerId, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var hidden = await ListingsTestData.PublishAsync(host, owner, "demands", ListingsTestData.Demand("anonymous"));
        var open = await ListingsTestData.PublishAsync(host, owner, "demands", ListingsTestData.Demand());
        var (_, tianjinToken) = await DirectoryTestData.CreateAdminAsync(host, "12", ListingsPermissions.ReviewListings);
        using var tianjin = host.CreateBearerClient(tianjinToken);
        var (_, stranger) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");

        var byAdmin = await IdsAsync(tianjin, $"/api/v1/demands?owner={ownerId}");
        var byStranger = await IdsAsync(stranger, $"/api/v1/demands?owner={ownerId}");
        var byOwner = await IdsAsync(owner, $"/api/v1/demands?owner={ownerId}");
        var csv = await tianjin.GetStringAsync(new Uri($"/api/v1/demands/export.csv?owner={ownerId}", UriKind.Relative));
        var ownCsv = await owner.GetStringAsync(new Uri($"/api/v1/demands/export.csv?owner={ownerId}", UriKind.Relative));

        Assert.Contains(open, byAdmin);
        Assert.DoesNotContain(hidden, byAdmin);
        Assert.DoesNotContain(hidden, byStranger);
        Assert.Contains(hidden, byOwner);
        Assert.Contains(open.ToString(), csv, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.ToString(), csv, StringComparison.Ordinal);
        Assert.Contains(hidden.ToString(), ownCsv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditTrail_AnAdminOfAnotherRegion_ReadsContactDataMasked_InBrowseAndExport()
    {
        var (_, token) = await DirectoryTestData.CreateUserAsync(host);
        using var registrant = host.CreateBearerClient(token);
        var organizationId = await DirectoryTestKit.RegisterOkAsync(registrant, "130102");
        var (_, beijingToken) = await DirectoryTestData.CreateAdminAsync(host, "11", DirectoryPermissions.VerifyOrganizations);
        using var beijing = host.CreateBearerClient(beijingToken);

        var page = await beijing.GetStringAsync(new Uri($"/api/v1/audit?entityId={organizationId}", UriKind.Relative));
        var export = await beijing.GetStringAsync(new Uri($"/api/v1/audit/export?entityId={organizationId}", UriKind.Relative));

        Assert.Contains("contact", page, StringComparison.OrdinalIgnoreCase);
        foreach (var text in new[] { page, export })
        {
            Assert.DoesNotContain("12345678", text, StringComparison.Ordinal);
            Assert.DoesNotContain("contact@example.com", text, StringComparison.Ordinal);
        }

        Assert.Contains("****5678", export, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("联系电话 13812345678，", "联系电话 138****5678，")]
    [InlineData("Phone: 0311-12345678", "Phone: 0311-****5678")]
    [InlineData("id 130102199001011234 x", "id 130102********1234 x")]
    [InlineData("mail alice@example.cn", "mail a***@example.cn")]
    [InlineData("credit code 91130102MA0XXXXXX1, amount 12345678901234", "credit code 91130102MA0XXXXXX1, amount 12345678901234")]
    public void PersonalDataMask_InText_MasksPhonesIdsAndMail_NotOtherNumbers(string text, string masked) =>
        Assert.Equal(masked, TechBridge.Platform.Security.PersonalDataMask.InText(text));

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string url)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(new Uri(url, UriKind.Relative));
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AnonymityAndMaskingTestsOnSqlite(SqliteHostFixture fixture) : AnonymityAndMaskingTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class AnonymityAndMaskingTestsOnPostgres(PostgresHostFixture fixture) : AnonymityAndMaskingTests(fixture.Host);
