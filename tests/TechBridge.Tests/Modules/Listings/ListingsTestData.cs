using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Seed;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Tests.Modules.Directory;

namespace TechBridge.Tests.Modules.Listings;

// Organizations of a given kind with an owner, and the listing payloads the tests post.
internal static class ListingsTestData
{
    public static async Task<(Guid OrganizationId, HttpClient Owner)> CreateOrganizationWithOwnerAsync(AppHost host, OrganizationKind kind, string regionCode)
    {
        var (userId, token) = await DirectoryTestData.CreateUserAsync(host);
        var organization = new Organization
        {
            Kind = kind,
            LegalName = $"测试机构{Guid.NewGuid():N}"[..20],
            CreditCode = DemoCreditCodes.Build("91", regionCode, Random.Shared.Next(100_000_000)),
            RegionCode = regionCode,
            Verification = VerificationStatus.Verified,
        };
        await host.WithDbAsync(async db =>
        {
            db.Add(organization);
            db.Add(new Membership { UserId = userId, OrganizationId = organization.Id, Role = MembershipRole.Owner });
            return await db.SaveChangesAsync();
        });
        return (organization.Id, host.CreateBearerClient(token, organization.Id));
    }

    // Signs the organization's owner in again (after the clock moved past the token's lifetime).
    public static async Task<HttpClient> SignInOwnerAgainAsync(AppHost host, Guid organizationId)
    {
        var userName = await host.WithDbAsync(async db => await (from m in db.Set<Membership>()
                                                                   join u in db.Users on m.UserId equals u.Id
                                                                   where m.OrganizationId == organizationId
                                                                   select u.UserName).FirstAsync());
        using var client = host.CreateAnonymousClient();
        var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { userName, password = TechBridge.Tests.Modules.Directory.AccountTestKit.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        return host.CreateBearerClient(token, organizationId);
    }

    public static object Offering(string title = "CMA 认证的材料力学性能检测") => new
    {
        title,
        description = "拉伸、冲击、硬度等力学性能检测，出具 CMA 报告。",
        sectorCode = "testing",
        industryCode = "M74",
        serviceItems = new[] { "拉伸试验", "冲击试验" },
        priceModel = "from",
        priceFen = 80_000L,
        regionsServed = new[] { "1301", "1306" },
        leadTimeDays = 5,
        acceptsInnovationVouchers = true,
        contactName = "王工",
        contactPhone = "13800138000",
    };

    public static object Demand(string visibility = "public", bool openCall = false) => new
    {
        title = $"锂电池极片涂布均匀性提升{Guid.NewGuid():N}"[..24],
        description = "需要在线检测与闭环控制方案，提升涂布面密度一致性。",
        technologyFieldCode = "new-energy",
        sectorCode = "rd",
        industryCode = "C38",
        budgetMinFen = 10_000_000L,
        budgetMaxFen = 50_000_000L,
        deadline = new DateOnly(2099, 12, 31),
        regionCode = "130102",
        visibility,
        isOpenCall = openCall,
    };

    public static object Achievement(string title = "一种高强度铝合金焊接工艺") => new
    {
        title,
        @abstract = "通过优化焊接参数与填充材料，提高接头强度。",
        keywords = new[] { "铝合金", "焊接" },
        technologyFieldCode = "advanced-manufacturing",
        industryCode = "C33",
        trl = 6,
        linkedIp = "ZL202010000000.1",
        transferModes = new[] { "licence", "转让" },
        askingPriceFen = (long?)null,
    };

    public static async Task<Guid> CreateAsync(HttpClient owner, string plural, object body)
    {
        var response = await owner.PostAsJsonAsync(new Uri($"/api/v1/{plural}", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body = null) =>
        body is null ? client.PostAsync(new Uri(path, UriKind.Relative), null) : client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // Creates, submits and approves (by a fresh admin of the province) a listing.
    public static async Task<Guid> PublishAsync(AppHost host, HttpClient owner, string plural, object body)
    {
        var id = await CreateAsync(owner, plural, body);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(owner, $"/api/v1/{plural}/{id}/submit")).StatusCode);
        var (_, adminToken) = await DirectoryTestData.CreateAdminAsync(host, "13", ListingsPermissions.ReviewListings);
        using var admin = host.CreateBearerClient(adminToken);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, $"/api/v1/{plural}/{id}/approve")).StatusCode);
        return id;
    }
}
