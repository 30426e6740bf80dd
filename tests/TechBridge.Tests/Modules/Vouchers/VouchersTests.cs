using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Vouchers.Data;
using TechBridge.Modules.Vouchers.ExpireVouchers;
using TechBridge.Tests.Modules.Listings;

namespace TechBridge.Tests.Modules.Vouchers;

// Innovation vouchers through HTTP on the shared host of each database: the whole flow in both modes, cross-region
// use under a recognition agreement, four eyes, reversal, concurrency, expiry, and the database refusing a negative
// balance. Each test ends with the ledger verified.
public abstract class VouchersTests(AppHost host)
{
    private const string Api = "/api/v1/vouchers";
    private static readonly string[] BeijingAndHebei = ["11", "13"];
    private static readonly string[] NonsenseSectors = ["nonsense"];
    private static readonly string[] ProgramFields = ["name", "jurisdictionCode", "year", "budgetFen", "mode", "rateBasisPoints", "capPerApplicationFen", "annualCapPerControllerFen", "validityMonths", "paymentCycle", "eligibleSectors[0]"];

    [Fact]
    public async Task GeneralMode_ApplyIssueReserveRedeemReviewPostReverse_LedgerStaysIntact()
    {
        using var hebei = await host.CreateClientForAsync("admin.hebei");
        using var city = await host.CreateClientForAsync("admin.shijiazhuang");
        var programId = await ProgramAsync(hebei, "general");
        var (enterpriseId, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var providerId = await ProviderAsync("130104");

        var eligibility = await Json(await enterprise.GetAsync(new Uri($"{Api}/programs/{programId}/eligibility", UriKind.Relative)));
        var voucherId = await IssueAsync(enterprise, city, programId, 10_000_000);
        var orderId = await DeliveredOrderAsync(enterpriseId, providerId, 3_000_000);
        var use = await Created(await Post(enterprise, $"{Api}/issued/{voucherId}/uses", new { itemKind = "service-order", itemId = orderId }));
        var useId = use.GetProperty("id").GetGuid();
        var secondUse = await Post(enterprise, $"{Api}/issued/{voucherId}/uses", new { itemKind = "service-order", itemId = orderId });

        var withoutEvidence = await Post(enterprise, $"{Api}/uses/{useId}/redemptions", new { });
        var evidence = await EvidenceAsync(enterprise);
        var notYet = await Json(await enterprise.GetAsync(new Uri($"{Api}/uses?state=redeemable", UriKind.Relative)));
        foreach (var item in evidence)
        {
            Assert.Equal(HttpStatusCode.OK, (await Post(enterprise, $"{Api}/uses/{useId}/evidence", item)).StatusCode);
        }

        var redeemable = await Json(await enterprise.GetAsync(new Uri($"{Api}/uses?state=redeemable", UriKind.Relative)));
        var redemption = await Created(await Post(enterprise, $"{Api}/uses/{useId}/redemptions"));
        var redemptionId = redemption.GetProperty("id").GetGuid();
        var again = await Post(enterprise, $"{Api}/uses/{useId}/redemptions", new { evidence });
        var postTooEarly = await Post(hebei, $"{Api}/redemptions/{redemptionId}/posting");
        var reviewed = await Post(city, $"{Api}/redemptions/{redemptionId}/review", new { approve = true, note = "材料齐全" });
        var sameAdminPosts = await Post(city, $"{Api}/redemptions/{redemptionId}/posting");
        var queue = await Json(await hebei.GetAsync(new Uri($"{Api}/redemptions?status=reviewed", UriKind.Relative)));
        var posted = await Post(hebei, $"{Api}/redemptions/{redemptionId}/posting");
        var vouchersAfterPosting = await Json(await enterprise.GetAsync(new Uri($"{Api}/issued", UriKind.Relative)));
        var reversalWithoutReason = await Post(hebei, $"{Api}/redemptions/{redemptionId}/reversal", new { reason = "" });
        var reversed = await Post(hebei, $"{Api}/redemptions/{redemptionId}/reversal", new { reason = "发票金额有误" });
        var reversedTwice = await Post(hebei, $"{Api}/redemptions/{redemptionId}/reversal", new { reason = "再次冲正" });
        var vouchersAfterReversal = await Json(await enterprise.GetAsync(new Uri($"{Api}/issued", UriKind.Relative)));

        Assert.True(eligibility.GetProperty("eligible").GetBoolean(), eligibility.ToString());
        // 50 % of ¥30,000 is ¥15,000, under the ¥20,000 cap per use.
        Assert.Equal(1_500_000, use.GetProperty("reservedFen").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, secondUse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutEvidence.StatusCode);
        Assert.Contains("evidenceComplete", await withoutEvidence.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(notYet.EnumerateArray(), u => u.GetProperty("id").GetGuid() == useId);
        Assert.Contains(redeemable.EnumerateArray(), u => u.GetProperty("id").GetGuid() == useId);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, postTooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sameAdminPosts.StatusCode);
        Assert.Contains(queue.EnumerateArray(), r => r.GetProperty("id").GetGuid() == redemptionId && r.GetProperty("reviewNote").GetString() == "材料齐全");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(enterpriseId, (await Json(posted)).GetProperty("payeeOrganizationId").GetGuid());
        Assert.Equal(1_500_000, vouchersAfterPosting[0].GetProperty("usedFen").GetInt64());
        Assert.Equal(8_500_000, vouchersAfterPosting[0].GetProperty("availableFen").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, reversalWithoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reversed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reversedTwice.StatusCode);
        Assert.Equal(10_000_000, vouchersAfterReversal[0].GetProperty("availableFen").GetInt64());
        await AssertLedgerIntactAsync();
    }

    [Fact]
    public async Task DirectMode_CrossRegionProvider_AcceptedOnlyUnderAnAgreement_ProviderRedeems()
    {
        using var hebei = await host.CreateClientForAsync("admin.hebei");
        using var city = await host.CreateClientForAsync("admin.shijiazhuang");
        var programId = await ProgramAsync(hebei, "direct");
        var (enterpriseId, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var beijingLabId = await ProviderAsync("110108");
        var beijingLab = await OwnerOfAsync(beijingLabId);
        var voucherId = await IssueAsync(enterprise, city, programId, 5_000_000);
        var orderId = await DeliveredOrderAsync(enterpriseId, beijingLabId, 1_000_001);

        var notRecognised = await Post(enterprise, $"{Api}/issued/{voucherId}/uses", new { itemKind = "service-order", itemId = orderId });
        var agreement = await Post(hebei, $"{Api}/agreements", new { name = "京津冀互认测试协议", parties = BeijingAndHebei, effectiveFrom = "2018-05-01", providers = new[] { beijingLabId } });
        var use = await Created(await Post(enterprise, $"{Api}/issued/{voucherId}/uses", new { itemKind = "service-order", itemId = orderId }));
        var useId = use.GetProperty("id").GetGuid();
        var evidence = await EvidenceAsync(enterprise);
        var byEnterprise = await Post(enterprise, $"{Api}/uses/{useId}/redemptions", new { evidence });
        foreach (var item in evidence)
        {
            Assert.Equal(HttpStatusCode.OK, (await Post(enterprise, $"{Api}/uses/{useId}/evidence", item)).StatusCode);
        }

        var providerList = await Json(await beijingLab.GetAsync(new Uri($"{Api}/uses?state=redeemable", UriKind.Relative)));
        var byProvider = await Created(await Post(beijingLab, $"{Api}/uses/{useId}/redemptions"));
        var redemptionId = byProvider.GetProperty("id").GetGuid();
        await Post(hebei, $"{Api}/redemptions/{redemptionId}/review", new { approve = true });
        var posted = await Json(await Post(city, $"{Api}/redemptions/{redemptionId}/posting"));

        Assert.Equal(HttpStatusCode.BadRequest, notRecognised.StatusCode);
        Assert.Contains("acceptedProvider", await notRecognised.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, agreement.StatusCode);
        // 50 % of ¥10,000.01 rounds down to ¥5,000.00.
        Assert.Equal(500_000, use.GetProperty("reservedFen").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, byEnterprise.StatusCode);
        Assert.Contains("providerRedeems", await byEnterprise.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(providerList.EnumerateArray(), u => u.GetProperty("id").GetGuid() == useId);
        Assert.Equal("posted", posted.GetProperty("status").GetString());
        Assert.Equal(beijingLabId, posted.GetProperty("payeeOrganizationId").GetGuid());
        // The Hebei program pays: the payable sits in the Hebei program's accounts, no Beijing budget moved.
        var payable = await host.WithDbAsync(db => db.Set<LedgerAccount>().SingleAsync(a => a.Kind == AccountKind.Payable && a.OwnerOrganizationId == beijingLabId));
        Assert.Equal(programId, payable.ProgramId);
        Assert.Equal(500_000, payable.BalanceFen);
        await AssertLedgerIntactAsync();
    }

    [Fact]
    public async Task Apply_IneligibleEnterprise_IsRefusedNamingEachRule()
    {
        using var hebei = await host.CreateClientForAsync("admin.hebei");
        var programId = await ProgramAsync(hebei, "general");
        var (_, beijingEnterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "110105");

        var eligibility = await Json(await beijingEnterprise.GetAsync(new Uri($"{Api}/programs/{programId}/eligibility", UriKind.Relative)));
        var refused = await Post(beijingEnterprise, $"{Api}/programs/{programId}/applications", new { requestedFen = 1_000_000, purpose = "检测" });
        var body = await refused.Content.ReadAsStringAsync();

        Assert.False(eligibility.GetProperty("eligible").GetBoolean());
        Assert.Contains(eligibility.GetProperty("rules").EnumerateArray(), r => r.GetProperty("rule").GetString() == "region" && !r.GetProperty("passed").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"region\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Program_InvalidConfiguration_RefusesEveryBrokenRuleAtOnce()
    {
        using var hebei = await host.CreateClientForAsync("admin.hebei");
        var response = await Post(hebei, $"{Api}/programs", new
        {
            name = "", jurisdictionCode = "99", year = 1900, budgetFen = 0, mode = "cash", rateBasisPoints = 20000, capPerApplicationFen = 5_000_000,
            annualCapPerEnterpriseFen = 1_000_000, annualCapPerControllerFen = 500_000, validityMonths = 0, paymentCycle = "daily", eligibleSectors = NonsenseSectors,
        });
        var fields = (await Json(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        foreach (var field in ProgramFields)
        {
            Assert.Contains(field, fields);
        }
    }

    [Fact]
    public async Task Redemption_32ConcurrentRequestsForOneDemoUse_ExactlyOneCreatedTheRestConflict()
    {
        // enterprise.demo's demo enterprise holds the seeded uses; other tests of the shared host may have added the user
        // to further organizations, so the client acts for the one whose uses are redeemable.
        HttpClient? enterprise = null;
        JsonElement redeemable = default;
        using (var signedIn = await host.CreateClientForAsync("enterprise.demo"))
        {
            var organizations = await Json(await signedIn.GetAsync(new Uri("/api/v1/me/organizations", UriKind.Relative)));
            foreach (var organization in organizations.EnumerateArray().Where(o => o.GetProperty("verification").GetString() == "Verified"))
            {
                var client = await host.CreateClientForAsync("enterprise.demo", organization.GetProperty("id").GetGuid());
                var uses = await Json(await client.GetAsync(new Uri($"{Api}/uses?state=redeemable", UriKind.Relative)));
                if (uses.GetArrayLength() > redeemable.ValueKind switch { JsonValueKind.Array => redeemable.GetArrayLength(), _ => -1 })
                {
                    enterprise?.Dispose();
                    (enterprise, redeemable) = (client, uses);
                }
                else
                {
                    client.Dispose();
                }
            }
        }

        using var acting = enterprise ?? throw new InvalidOperationException("enterprise.demo acts for no verified organization");
        var count = redeemable.GetArrayLength();
        var useId = redeemable[Random.Shared.Next(count)].GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{Api}/uses/{useId}/redemptions", UriKind.Relative)) { Content = JsonContent.Create(new { }) };
            request.Headers.Add("Idempotency-Key", $"concurrent-{useId:N}-{i}");
            return await acting.SendAsync(request);
        }));
        var statuses = responses.Select(r => r.StatusCode).ToList();

        Assert.True(count >= 50, $"the demo has {count} redeemable uses for enterprise.demo");
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(31, statuses.Count(s => s == HttpStatusCode.Conflict));
        await AssertLedgerIntactAsync();
    }

    [Fact]
    public async Task Uses_ConcurrentlyExceedingTheVoucher_NeverOverdrawIt()
    {
        using var hebei = await host.CreateClientForAsync("admin.hebei");
        using var city = await host.CreateClientForAsync("admin.shijiazhuang");
        var programId = await ProgramAsync(hebei, "general");
        var (enterpriseId, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var providerId = await ProviderAsync("130104");
        var voucherId = await IssueAsync(enterprise, city, programId, 5_000_000);
        var orders = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            orders.Add(await DeliveredOrderAsync(enterpriseId, providerId, 4_000_000));
        }

        var responses = await Task.WhenAll(orders.Select(o => Post(enterprise, $"{Api}/issued/{voucherId}/uses", new { itemKind = "service-order", itemId = o })));
        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var vouchers = await Json(await enterprise.GetAsync(new Uri($"{Api}/issued", UriKind.Relative)));

        // Each use reserves the ¥20,000 cap; the ¥50,000 voucher pays two in full and ¥10,000 of a third.
        Assert.Equal(3, created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable, r.StatusCode.ToString()));
        Assert.Equal(0, vouchers[0].GetProperty("availableFen").GetInt64());
        Assert.Equal(5_000_000, vouchers[0].GetProperty("reservedFen").GetInt64());
        await AssertLedgerIntactAsync();
    }

    [Fact]
    public async Task Database_DirectUpdateToANegativeBalance_IsRejected()
    {
        var exception = await Record.ExceptionAsync(() => host.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"Vouchers_Accounts\" SET \"BalanceFen\" = \"BalanceFen\" - 9000000000000000 WHERE \"Kind\" = 1")));
        var secondResolution = await Record.ExceptionAsync(() => host.WithDbAsync(async db =>
        {
            var resolved = await db.Set<LedgerTransfer>().FirstAsync(t => t.ResolvesPendingId != null);
            return await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE \"Vouchers_Transfers\" SET \"ResolvesPendingId\" = {resolved.ResolvesPendingId} WHERE \"Id\" = (SELECT \"Id\" FROM \"Vouchers_Transfers\" WHERE \"ResolvesPendingId\" IS NULL AND \"Kind\" = 1 LIMIT 1)");
        }));

        Assert.NotNull(exception);
        Assert.NotNull(secondResolution);
        await AssertLedgerIntactAsync();
    }

    [Fact]
    public async Task ExpiryJob_ExpiresReservationsAndReturnsTheQuotaToTheBudget()
    {
        using var hebei = await host.CreateClientForAsync("admin.hebei");
        using var city = await host.CreateClientForAsync("admin.shijiazhuang");
        var programId = await ProgramAsync(hebei, "general");
        var (enterpriseId, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var providerId = await ProviderAsync("130104");
        var voucherId = await IssueAsync(enterprise, city, programId, 3_000_000);
        var orderId = await DeliveredOrderAsync(enterpriseId, providerId, 1_000_000);
        var use = await Created(await Post(enterprise, $"{Api}/issued/{voucherId}/uses", new { itemKind = "service-order", itemId = orderId }));
        var budgetBefore = await BudgetAsync(programId);

        await host.WithDbAsync(db => db.Set<Voucher>().Where(v => v.Id == voucherId).ExecuteUpdateAsync(s => s.SetProperty(v => v.ExpiresAt, new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero))));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<VoucherExpiryJob>().RunOnceAsync(CancellationToken.None);
        }

        var after = await Json(await enterprise.GetAsync(new Uri($"{Api}/uses/{use.GetProperty("id").GetGuid()}", UriKind.Relative)));
        var late = await Post(enterprise, $"{Api}/uses/{use.GetProperty("id").GetGuid()}/redemptions", new { });

        Assert.Equal("expired", after.GetProperty("status").GetString());
        Assert.Equal(budgetBefore + 3_000_000, await BudgetAsync(programId));
        Assert.NotEqual(HttpStatusCode.Created, late.StatusCode);
        await AssertLedgerIntactAsync();
    }

    private Task<long> BudgetAsync(Guid programId) =>
        host.WithDbAsync(db => db.Set<LedgerAccount>().Where(a => a.ProgramId == programId && a.Kind == AccountKind.Budget).Select(a => a.BalanceFen).SingleAsync());

    private async Task AssertLedgerIntactAsync()
    {
        using var auditor = await host.CreateClientForAsync("auditor.demo");
        var verify = await Json(await auditor.GetAsync(new Uri($"{Api}/ledger/verify", UriKind.Relative)));
        Assert.True(verify.GetProperty("ok").GetBoolean(), verify.ToString());
        Assert.Equal(0, verify.GetProperty("sumOfEntries").GetInt64());
        Assert.True(verify.GetProperty("chainIntact").GetBoolean());
        Assert.Equal(0, verify.GetProperty("negativeBalances").GetArrayLength());
        Assert.Equal(0, verify.GetProperty("pendingResolvedTwice").GetArrayLength());
    }

    private static Task<Guid> ProgramAsync(HttpClient admin, string mode) => VoucherTestKit.ProgramAsync(admin, mode);

    private static Task<Guid> IssueAsync(HttpClient enterprise, HttpClient reviewer, Guid programId, long quotaFen) => VoucherTestKit.IssueAsync(enterprise, reviewer, programId, quotaFen);

    private Task<Guid> ProviderAsync(string region) => VoucherTestKit.ProviderAsync(host, region);

    private Task<HttpClient> OwnerOfAsync(Guid organizationId) => ListingsTestData.SignInOwnerAgainAsync(host, organizationId);

    private Task<Guid> DeliveredOrderAsync(Guid client, Guid provider, long amountFen) => VoucherTestKit.DeliveredOrderAsync(host, client, provider, amountFen);

    private static Task<object[]> EvidenceAsync(HttpClient client) => VoucherTestKit.EvidenceAsync(client);

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, object? body = null) => VoucherTestKit.Post(client, path, body);

    private static Task<JsonElement> Json(HttpResponseMessage response) => VoucherTestKit.Json(response);

    private static Task<JsonElement> Created(HttpResponseMessage response) => VoucherTestKit.Created(response);
}

[Collection(SqliteCollection.Name)]
public sealed class VouchersTestsOnSqlite(SqliteHostFixture fixture) : VouchersTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class VouchersTestsOnPostgres(PostgresHostFixture fixture) : VouchersTests(fixture.Host);
