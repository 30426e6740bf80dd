using System.Globalization;
using System.Text.Json;
using TechBridge.Modules.Directory.Data;
using TechBridge.Tests.Modules.Directory;
using TechBridge.Tests.Modules.Listings;

namespace TechBridge.Tests.Modules.TechMarket;

// A seller and a buyer with owners, a written contract uploaded by the seller, and the application body.
internal static class TechMarketTestKit
{
    public const string Contracts = "/api/v1/techmarket/contracts";

    internal sealed record Parties(Guid SellerId, HttpClient Seller, Guid BuyerId, HttpClient Buyer, string ContractSha) : IDisposable
    {
        public void Dispose()
        {
            Seller.Dispose();
            Buyer.Dispose();
        }
    }

    public static async Task<Parties> PartiesAsync(AppHost host, string sellerRegion = "130104", string buyerRegion = "110108")
    {
        var (sellerId, seller) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, sellerRegion);
        var (buyerId, buyer) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, buyerRegion);
        var sha = await DirectoryTestKit.UploadPdfAsync(seller);
        return new Parties(sellerId, seller, buyerId, buyer, sha);
    }

    // The wall clock decides which years a deadline runs into: a year the shipped calendar lacks (the one after the
    // last published notice) is entered here as a test fixture with New Year's Day only, through the admin route.
    public static async Task EnsureCalendarAsync(AppHost host)
    {
        using var anonymous = host.CreateAnonymousClient();
        var years = (await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/techmarket/calendar/years", UriKind.Relative)))
            .EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ToHashSet();
        var now = TimeProvider.System.GetUtcNow().Year;
        using var admin = await host.CreateClientForAsync("admin.hebei");
        foreach (var year in new[] { now, now + 1, now + 2 }.Where(y => !years.Contains(y)))
        {
            var response = await admin.PutAsJsonAsync(new Uri($"/api/v1/techmarket/calendar/years/{year}", UriKind.Relative),
                new { source = "测试夹具", holidays = new[] { new { date = $"{year}-01-01", name = "元旦" } }, workdays = Array.Empty<object>() });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    public static object Body(Parties parties, long totalFen = 1_000_000, long equipmentFen = 200_000, bool disputed = false, Guid? dealId = null) => new
    {
        dealId,
        title = "工业机器人视觉定位技术开发合同",
        type = "development",
        subtype = "commissioned",
        seller = new { organizationId = parties.SellerId, entityKind = "enterprise" },
        buyer = new { organizationId = parties.BuyerId, entityKind = "enterprise" },
        totalFen,
        nonTechnicalItems = equipmentFen > 0 ? new[] { new { kind = "equipment", description = "工业相机", amountFen = equipmentFen } } : [],
        technologyField = "advanced-manufacturing",
        industry = "C34",
        ipKind = "invention-patent",
        fundingSource = "own",
        signedOn = "2026-11-20",
        termFrom = "2026-12-01",
        termTo = "2027-11-30",
        paymentSchedule = "签约后支付 30%，验收后支付 70%",
        contractFileSha256 = parties.ContractSha,
        disputed,
        publishPartyNames = true,
    };

    public static async Task<JsonElement> SubmitAsync(AppHost host, Parties parties, long totalFen = 1_000_000, long equipmentFen = 200_000, bool disputed = false)
    {
        await EnsureCalendarAsync(host);
        return await DirectoryTestKit.PostAsync(parties.Seller, Contracts, Body(parties, totalFen, equipmentFen, disputed), HttpStatusCode.Created);
    }

    public static async Task<string> DueAsync(AppHost host, string from, int add)
    {
        using var anonymous = host.CreateAnonymousClient();
        var body = await anonymous.GetFromJsonAsync<JsonElement>(new Uri(string.Create(CultureInfo.InvariantCulture, $"/api/v1/techmarket/calendar/working-days?from={from}&add={add}"), UriKind.Relative));
        return body.GetProperty("due").GetString()!;
    }
}
