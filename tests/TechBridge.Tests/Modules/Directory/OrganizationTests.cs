using System.Text.Json;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;

namespace TechBridge.Tests.Modules.Directory;

public abstract class OrganizationTests(AppHost host)
{
    [Fact]
    public async Task Register_ThenVerifyByProvinceAdmin_OwnerSeesVerified()
    {
        using var owner = await host.CreateClientAsAsync(TestUser.New("owner"));
        using var admin = await host.CreateClientForAsync("admin.hebei");

        var id = await RegisterOkAsync(owner, "130102");
        var mine = await owner.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me/organizations", UriKind.Relative));
        var queue = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/organizations/verification-queue", UriKind.Relative));
        await PostAsync(admin, $"/api/v1/organizations/{id}/verify", null, HttpStatusCode.OK);
        var again = await admin.PostAsync(new Uri($"/api/v1/organizations/{id}/verify", UriKind.Relative), null);
        var detail = await owner.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/organizations/{id}", UriKind.Relative));

        var entry = mine.EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == id);
        Assert.Equal("Owner", entry.GetProperty("role").GetString());
        Assert.Equal("Pending", entry.GetProperty("verification").GetString());
        Assert.Contains(queue.EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Verified", detail.GetProperty("verification").GetString());
    }

    [Fact]
    public async Task Register_OldRegionInCreditCode_ReturnsWarning()
    {
        using var owner = await host.CreateClientAsAsync(TestUser.New("owner"));

        var response = await RegisterAsync(owner, NewCreditCode("130182"), "130102");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(body.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Register_InvalidCheckCharacterOrCityRegion_Returns400NamingFields()
    {
        using var owner = await host.CreateClientAsAsync(TestUser.New("owner"));
        var code = NewCreditCode("130102");
        var mistyped = code[..17] + (code[17] == '0' ? '1' : '0');

        var response = await RegisterAsync(owner, mistyped, "1301");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("creditCode", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("regionCode", out _));
    }

    [Fact]
    public async Task Register_DuplicateCreditCode_Returns409_AndMembershipRequestCanBeApproved()
    {
        using var owner = await host.CreateClientAsAsync(TestUser.New("owner"));
        using var other = await host.CreateClientAsAsync(TestUser.New("joiner"));
        var code = NewCreditCode("130104");
        var first = await RegisterAsync(owner, code, "130104");
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var second = await RegisterAsync(other, code.ToLowerInvariant(), "130104");
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        var request = await PostAsync(other, problem.GetProperty("membershipRequest").GetString()!, new { message = "我是财务" }, HttpStatusCode.Created);
        var requestId = request.GetProperty("id").GetGuid();
        var strangerApprove = await other.PostAsync(new Uri($"/api/v1/organizations/{id}/membership-requests/{requestId}/approve", UriKind.Relative), null);
        await PostAsync(owner, $"/api/v1/organizations/{id}/membership-requests/{requestId}/approve", null, HttpStatusCode.OK);
        var mine = await other.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me/organizations", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("duplicate_credit_code", problem.GetProperty("code").GetString());
        Assert.Equal(id, problem.GetProperty("organizationId").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, strangerApprove.StatusCode);
        Assert.Contains(mine.EnumerateArray(), o => o.GetProperty("id").GetGuid() == id && o.GetProperty("role").GetString() == "Member");
    }

    [Fact]
    public async Task Verify_AdminOutsideJurisdiction_Returns403_CityAdminOnlyInItsCity()
    {
        using var owner = await host.CreateClientAsAsync(TestUser.New("owner"));
        using var tianjin = await host.CreateClientForAsync("admin.tianjin");
        using var shijiazhuang = await host.CreateClientForAsync("admin.shijiazhuang");
        var hengshui = await RegisterOkAsync(owner, "131102");
        var changan = await RegisterOkAsync(owner, "130102");

        await PostAsync(tianjin, $"/api/v1/organizations/{changan}/verify", null, HttpStatusCode.Forbidden);
        await PostAsync(shijiazhuang, $"/api/v1/organizations/{hengshui}/verify", null, HttpStatusCode.Forbidden);
        await PostAsync(shijiazhuang, $"/api/v1/organizations/{changan}/reject", new { reason = "" }, HttpStatusCode.BadRequest);
        await PostAsync(shijiazhuang, $"/api/v1/organizations/{changan}/reject", new { reason = "营业执照模糊" }, HttpStatusCode.OK);
        var queue = await shijiazhuang.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/organizations/verification-queue", UriKind.Relative));

        Assert.DoesNotContain(queue.EnumerateArray(), o => o.GetProperty("id").GetGuid() == hengshui);
    }

    [Fact]
    public async Task Branches_OtherUser_Gets404_OwnerAddsAndRemoves()
    {
        using var owner = await host.CreateClientAsAsync(TestUser.New("owner"));
        using var provider = await host.CreateClientForAsync("provider.demo");
        var id = await RegisterOkAsync(owner, "130102");

        await PostAsync(provider, $"/api/v1/organizations/{id}/branches", new { name = "天津窗口", regionCode = "120116" }, HttpStatusCode.NotFound);
        var detailForStranger = await provider.GetAsync(new Uri($"/api/v1/organizations/{id}", UriKind.Relative));
        await PostAsync(owner, $"/api/v1/organizations/{id}/branches", new { name = "窗口", regionCode = "1201" }, HttpStatusCode.BadRequest);
        var branch = await PostAsync(owner, $"/api/v1/organizations/{id}/branches", new { name = "天津窗口", regionCode = "120116" }, HttpStatusCode.Created);
        var removed = await owner.DeleteAsync(new Uri($"/api/v1/organizations/{id}/branches/{branch.GetProperty("id").GetGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, detailForStranger.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }

    [Fact]
    public async Task ActingFor_OrganizationUserDoesNotBelongTo_Returns403()
    {
        using var owner = await host.CreateClientAsAsync(TestUser.New("owner"));
        var id = await RegisterOkAsync(owner, "130102");
        using var stranger = await host.CreateClientForAsync("provider.demo", id);

        var response = await stranger.GetAsync(new Uri("/api/v1/me/organizations", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Files_NotPdfPngJpeg_Rejected_AndEvidenceHiddenFromStrangers()
    {
        using var owner = await host.CreateClientAsAsync(TestUser.New("owner"));
        using var stranger = await host.CreateClientForAsync("provider.demo");
        using var admin = await host.CreateClientForAsync("admin.hebei");
        using var text = new MultipartFormDataContent { { new ByteArrayContent("hello"u8.ToArray()), "file", "licence.pdf" } };
        var rejected = await owner.PostAsync(new Uri("/api/v1/files", UriKind.Relative), text);
        var sha = await UploadPdfAsync(owner);
        await RegisterAsync(owner, NewCreditCode("130102"), "130102", evidence: sha);

        var byOwner = await owner.GetAsync(new Uri($"/api/v1/files/{sha}", UriKind.Relative));
        var byAdmin = await admin.GetAsync(new Uri($"/api/v1/files/{sha}", UriKind.Relative));
        var byStranger = await stranger.GetAsync(new Uri($"/api/v1/files/{sha}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
        Assert.Equal("application/pdf", byOwner.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
    }

    [Fact]
    public async Task Register_Multipart_WithLicenceAttached_Succeeds()
    {
        using var owner = await host.CreateClientAsAsync(TestUser.New("owner"));
        var file = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Guid.NewGuid().ToByteArray()]);
        file.Headers.ContentType = new("image/png");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("ServiceInstitution"), "kind" },
            { new StringContent("多部分检测中心"), "legalName" },
            { new StringContent(NewCreditCode("130102")), "creditCode" },
            { new StringContent("130102"), "regionCode" },
            { new StringContent("testing,design"), "sectors" },
            { file, "evidence", "licence.png" },
        };

        var response = await owner.PostAsync(new Uri("/api/v1/organizations", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Directory_ListsVerifiedOnly_MasksContactsExceptForJurisdictionAdmin_AndAuditsExport()
    {
        using var owner = await host.CreateClientAsAsync(TestUser.New("owner"));
        using var admin = await host.CreateClientForAsync("admin.hebei");
        using var tianjin = await host.CreateClientForAsync("admin.tianjin");
        using var anonymous = host.CreateAnonymousClient();
        var code = NewCreditCode("131102");
        var verified = (await (await RegisterAsync(owner, code, "131102")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var pendingCode = NewCreditCode("131102");
        await RegisterAsync(owner, pendingCode, "131102");
        await PostAsync(admin, $"/api/v1/organizations/{verified}/verify", null, HttpStatusCode.OK);
        var filter = Uri.EscapeDataString("131102");

        var page = await anonymous.GetStringAsync(new Uri($"/Directory?region={filter}", UriKind.Relative));
        var csvForAdmin = await admin.GetStringAsync(new Uri($"/Directory?handler=Csv&region={filter}", UriKind.Relative));
        var csvForTianjin = await tianjin.GetStringAsync(new Uri($"/Directory?handler=Csv&region={filter}", UriKind.Relative));
        var audited = await host.WithDbAsync(db => Task.FromResult(db.Set<TechBridge.Platform.Auditing.AuditRecord>()
            .Count(r => r.EntityType == "DirectoryExport" && r.Action == "ExportDirectory")));

        Assert.Contains(code, page, StringComparison.Ordinal);
        Assert.DoesNotContain(pendingCode, page, StringComparison.Ordinal);
        Assert.DoesNotContain("0311-12345678", page, StringComparison.Ordinal);
        Assert.Contains("031****5678", page, StringComparison.Ordinal);
        Assert.Contains(code, csvForAdmin, StringComparison.Ordinal);
        Assert.Contains("0311-12345678", csvForAdmin, StringComparison.Ordinal);
        Assert.DoesNotContain("0311-12345678", csvForTianjin, StringComparison.Ordinal);
        Assert.True(audited >= 2);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OrganizationTestsOnSqlite(SqliteHostFixture fixture) : OrganizationTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class OrganizationTestsOnPostgres(PostgresHostFixture fixture) : OrganizationTests(fixture.Host);
