using System.Text.Json;
using TechBridge.Tests.Platform;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;
using static TechBridge.Tests.Modules.TechMarket.TechMarketTestKit;

namespace TechBridge.Tests.Modules.TechMarket;

// The TechMarket's operations: the calendar, deals, registration applications and their review. Sellers are in
// Shijiazhuang (130104), so admin.shijiazhuang is their registration authority and expert reviewer.
internal sealed class TechMarketAuditCases : AuditCaseSet
{
    public override IReadOnlyDictionary<string, Func<AuditCaseContext, Task>> Cases { get; } = new Dictionary<string, Func<AuditCaseContext, Task>>(StringComparer.Ordinal)
    {
        ["PutCalendarYear"] = async c =>
        {
            using var admin = await c.As("admin.beijing");
            await c.MarkAsync();
            var response = await admin.PutAsJsonAsync(new Uri("/api/v1/techmarket/calendar/years/2098", UriKind.Relative),
                new { source = "审计用例", holidays = new[] { new { date = "2098-01-01", name = "元旦" } }, workdays = Array.Empty<object>() });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        },
        ["ExchangeImportRegisteredContracts"] = async c =>
        {
            using var beijing = await c.As("admin.beijing");
            await c.MarkAsync();
            var (status, report) = await ExchangeStandardTests.ImportAsync(beijing, "audit.jsonl", ExchangeStandardTests.Record(ExchangeStandardTests.NewNumber()).ToJsonString());
            Assert.True(status == HttpStatusCode.OK && report.GetProperty("imported").GetInt32() == 1, report.ToString());
        },
        ["SubmitContractRegistration"] = async c =>
        {
            using var parties = await PartiesAsync(c.Host);
            await EnsureCalendarAsync(c.Host);
            await c.MarkAsync();
            await PostAsync(parties.Seller, Contracts, Body(parties), HttpStatusCode.Created);
        },
        ["ChangeContractRegistration"] = async c =>
        {
            var (parties, id) = await SubmittedAsync(c);
            using var _ = parties;
            await c.MarkAsync();
            await PostAsync(parties.Seller, $"{Contracts}/{id}/changes", new { reason = "延长履行期", termTo = "2028-06-30" }, HttpStatusCode.OK);
        },
        ["CancelContractRegistration"] = async c =>
        {
            var (parties, id) = await SubmittedAsync(c);
            using var _ = parties;
            await c.MarkAsync();
            await PostAsync(parties.Seller, $"{Contracts}/{id}/cancellation", new { reason = "合同解除" }, HttpStatusCode.OK);
        },
        ["FileContractObjection"] = async c =>
        {
            var (parties, id) = await SubmittedAsync(c);
            using var _ = parties;
            await c.MarkAsync();
            await PostAsync(parties.Buyer, $"{Contracts}/{id}/objections", new { reason = "合同金额有误" }, HttpStatusCode.OK);
        },
        ["SendContractToExperts"] = async c =>
        {
            var (parties, id) = await SubmittedAsync(c);
            using var _ = parties;
            using var authority = await c.As("admin.shijiazhuang");
            await c.MarkAsync();
            await PostAsync(authority, $"{Contracts}/{id}/expert-review", new { reason = "技术含量需论证" }, HttpStatusCode.OK);
        },
        ["GiveExpertOpinion"] = async c =>
        {
            var (parties, id) = await SubmittedAsync(c);
            using var _ = parties;
            using var authority = await c.As("admin.shijiazhuang");
            await PostAsync(authority, $"{Contracts}/{id}/expert-review", new { reason = "技术含量需论证" }, HttpStatusCode.OK);
            await c.MarkAsync();
            await PostAsync(authority, $"{Contracts}/{id}/expert-opinion", new { recommendation = "register", opinion = "符合技术开发合同特征" }, HttpStatusCode.OK);
        },
        ["DecideContractRegistration"] = async c =>
        {
            var (parties, id) = await SubmittedAsync(c);
            using var _ = parties;
            using var authority = await c.As("admin.shijiazhuang");
            await c.MarkAsync();
            await PostAsync(authority, $"{Contracts}/{id}/decision", new { outcome = "registered" }, HttpStatusCode.OK);
        },
        ["CreateDeal"] = async c =>
        {
            using var parties = await PartiesAsync(c.Host);
            await c.MarkAsync();
            await PostAsync(parties.Seller, "/api/v1/techmarket/deals", new { sourceKind = "direct", title = "视觉定位技术转让", counterpartOrganizationId = parties.BuyerId, ourSide = "seller" }, HttpStatusCode.Created);
        },
        ["AgreeDealTerms"] = async c =>
        {
            using var parties = await PartiesAsync(c.Host);
            var deal = await PostAsync(parties.Seller, "/api/v1/techmarket/deals", new { sourceKind = "direct", title = "视觉定位技术转让", counterpartOrganizationId = parties.BuyerId, ourSide = "seller" }, HttpStatusCode.Created);
            await c.MarkAsync();
            await PostAsync(parties.Buyer, $"/api/v1/techmarket/deals/{Id(deal)}/terms", new { terms = "一次性支付", totalFen = 1_000_000 }, HttpStatusCode.OK);
        },
        ["SignDeal"] = async c =>
        {
            using var parties = await PartiesAsync(c.Host);
            var deal = await PostAsync(parties.Seller, "/api/v1/techmarket/deals", new { sourceKind = "direct", title = "视觉定位技术转让", counterpartOrganizationId = parties.BuyerId, ourSide = "seller" }, HttpStatusCode.Created);
            await PostAsync(parties.Buyer, $"/api/v1/techmarket/deals/{Id(deal)}/terms", new { terms = "一次性支付", totalFen = 1_000_000 }, HttpStatusCode.OK);
            await c.MarkAsync();
            await PostAsync(parties.Seller, $"/api/v1/techmarket/deals/{Id(deal)}/contract", new { contractFileSha256 = parties.ContractSha }, HttpStatusCode.OK);
        },
    };

    private static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    private static async Task<(Parties Parties, Guid Id)> SubmittedAsync(AuditCaseContext c)
    {
        var parties = await PartiesAsync(c.Host);
        var contract = await SubmitAsync(c.Host, parties);
        return (parties, Id(contract));
    }
}
