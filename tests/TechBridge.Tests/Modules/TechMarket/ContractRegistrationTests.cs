using System.Text.Json;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Modules.TechMarket.RegisterContracts;
using TechBridge.Platform.Errors;
using TechBridge.Tests.Modules.Listings;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;
using static TechBridge.Tests.Modules.TechMarket.TechMarketTestKit;

namespace TechBridge.Tests.Modules.TechMarket;

// 技术交易额 = total − itemised non-technical items, refused by field when negative, larger than the total or too large.
public sealed class ContractAmountsTests
{
    [Theory]
    [InlineData(1_000_000, new long[] { 200_000 }, 800_000)]
    [InlineData(1_000_000, new long[] { 200_000, 300_000 }, 500_000)]
    [InlineData(1_000_000, new long[] { 1_000_000 }, 0)]
    [InlineData(1_000_000, new long[0], 1_000_000)]
    [InlineData(0, new long[0], 0)]
    public void Compute_ValidAmounts_TechnologyAmountIsTotalMinusItems(long total, long[] items, long technology)
    {
        var validation = new Validation();

        var amounts = ContractAmounts.Compute(total, items.Select(i => new ItemRequest("equipment", "设备", i)).ToList(), validation);

        Assert.True(validation.IsValid);
        Assert.Equal(technology, amounts!.TechnologyAmountFen);
        Assert.Equal(total - technology, amounts.NonTechnicalFen);
    }

    [Theory]
    [InlineData("-1", "0", "totalFen", "negative")]
    [InlineData("100", "-5", "nonTechnicalItems[0].amountFen", "negative")]
    [InlineData("100", "101", "nonTechnicalItems", "exceedsTotal")]
    [InlineData("100000000000000000000", "0", "totalFen", "overflow")]
    [InlineData("100", "100000000000000000000", "nonTechnicalItems[0].amountFen", "overflow")]
    [InlineData("100.5", "0", "totalFen", "wholeFen")]
    public void Compute_BrokenAmount_IsRefusedNamingTheField(string total, string item, string field, string rule)
    {
        var validation = new Validation();

        var amounts = ContractAmounts.Compute(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture),
            [new ItemRequest("equipment", "设备", decimal.Parse(item, System.Globalization.CultureInfo.InvariantCulture))], validation);

        Assert.Null(amounts);
        var problem = Assert.Throws<InvalidRequestException>(validation.ThrowIfInvalid);
        Assert.Contains(problem.Violations, v => v.Field == field && v.Rule == rule);
    }

    [Theory]
    [InlineData(499_999_999L, false, false)]
    [InlineData(500_000_000L, false, true)]
    [InlineData(900_000_000L, false, true)]
    [InlineData(100L, true, true)]
    public void NeedsExperts_At500WanOrDisputed(long technologyAmountFen, bool disputed, bool expert)
    {
        var rules = TradingRules.Load(TradingRules.DefaultPath);

        Assert.Equal(expert, ContractViewer.NeedsExperts(rules, technologyAmountFen, disputed));
        Assert.Equal(500_000_000L, rules.Registration.ExpertThresholdFen);
    }
}

public abstract class ContractRegistrationTests(AppHost host)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Registration_SellersAuthorityRegisters_OtherAuthorityAndStrangersSeeNothing()
    {
        using var parties = await PartiesAsync(host);
        var (_, stranger) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        using var strangerClient = stranger;
        using var shijiazhuang = await host.CreateClientForAsync("admin.shijiazhuang");
        using var beijing = await host.CreateClientForAsync("admin.beijing");

        var submitted = await SubmitAsync(host, parties);
        var id = submitted.GetProperty("id").GetGuid();
        var submittedOn = submitted.GetProperty("submittedOn").GetString()!;
        var buyerView = await parties.Buyer.GetAsync(new Uri($"{Contracts}/{id}", UriKind.Relative));
        var strangerView = await strangerClient.GetAsync(new Uri($"{Contracts}/{id}", UriKind.Relative));
        var beijingDecides = await beijing.PostAsJsonAsync(new Uri($"{Contracts}/{id}/decision", UriKind.Relative), new { outcome = "registered" });
        var buyerDecides = await parties.Buyer.PostAsJsonAsync(new Uri($"{Contracts}/{id}/decision", UriKind.Relative), new { outcome = "registered" });
        var beijingQueue = await beijing.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/techmarket/review-queue", UriKind.Relative));
        var queue = await shijiazhuang.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/techmarket/review-queue", UriKind.Relative));
        var sellerQueue = await parties.Seller.GetAsync(new Uri("/api/v1/techmarket/review-queue", UriKind.Relative));
        var refusedWithoutReasons = await shijiazhuang.PostAsJsonAsync(new Uri($"{Contracts}/{id}/decision", UriKind.Relative), new { outcome = "not-registered" });
        var registered = await PostAsync(shijiazhuang, $"{Contracts}/{id}/decision", new { outcome = "registered" }, HttpStatusCode.OK);
        var again = await shijiazhuang.PostAsJsonAsync(new Uri($"{Contracts}/{id}/decision", UriKind.Relative), new { outcome = "registered" });
        var certificate = await parties.Buyer.GetFromJsonAsync<JsonElement>(new Uri($"{Contracts}/{id}/certificate", UriKind.Relative));
        var strangerCertificate = await strangerClient.GetAsync(new Uri($"{Contracts}/{id}/certificate", UriKind.Relative));
        var mine = await parties.Buyer.GetFromJsonAsync<JsonElement>(new Uri(Contracts, UriKind.Relative));
        var strangersList = await strangerClient.GetFromJsonAsync<JsonElement>(new Uri(Contracts, UriKind.Relative));

        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(800_000, submitted.GetProperty("technologyAmountFen").GetInt64());
        Assert.Equal(200_000, submitted.GetProperty("nonTechnicalFen").GetInt64());
        Assert.False(submitted.GetProperty("expertReviewRequired").GetBoolean());
        Assert.Equal(await DueAsync(host, submittedOn, 15), submitted.GetProperty("dueOn").GetString());
        Assert.Equal("1301", submitted.GetProperty("authorityJurisdiction").GetString());
        Assert.Equal(HttpStatusCode.OK, buyerView.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerView.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, beijingDecides.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, buyerDecides.StatusCode);
        Assert.DoesNotContain(beijingQueue.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        Assert.Contains(queue.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.Forbidden, sellerQueue.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refusedWithoutReasons.StatusCode);
        Assert.Equal("registered", registered.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.StartsWith("2", certificate.GetProperty("certificateNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal(1_000_000, certificate.GetProperty("totalFen").GetInt64());
        Assert.Equal(800_000, certificate.GetProperty("technologyAmountFen").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, strangerCertificate.StatusCode);
        Assert.Contains(mine.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(strangersList.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Registration_AtThe500WanThreshold_NeedsExpertsAnd30WorkingDays()
    {
        using var parties = await PartiesAsync(host);
        using var authority = await host.CreateClientForAsync("admin.shijiazhuang");

        var below = await SubmitAsync(host, parties, totalFen: 500_000_000, equipmentFen: 1);
        var at = await SubmitAsync(host, parties, totalFen: 500_000_001, equipmentFen: 1);
        var id = at.GetProperty("id").GetGuid();
        var decideEarly = await authority.PostAsJsonAsync(new Uri($"{Contracts}/{id}/decision", UriKind.Relative), new { outcome = "registered" });
        var early = await decideEarly.Content.ReadFromJsonAsync<JsonElement>();
        var opinionBeforeReview = await authority.PostAsJsonAsync(new Uri($"{Contracts}/{id}/expert-opinion", UriKind.Relative), new { recommendation = "register", opinion = "x" });
        await PostAsync(authority, $"{Contracts}/{id}/expert-review", new { }, HttpStatusCode.OK);
        var sellerOpinion = await parties.Seller.PostAsJsonAsync(new Uri($"{Contracts}/{id}/expert-opinion", UriKind.Relative), new { recommendation = "register", opinion = "自评" });
        await PostAsync(authority, $"{Contracts}/{id}/expert-opinion", new { recommendation = "register", opinion = "技术开发特征明确" }, HttpStatusCode.OK);
        var registered = await PostAsync(authority, $"{Contracts}/{id}/decision", new { outcome = "registered" }, HttpStatusCode.OK);

        Assert.False(below.GetProperty("expertReviewRequired").GetBoolean());
        Assert.Equal(await DueAsync(host, below.GetProperty("submittedOn").GetString()!, 15), below.GetProperty("dueOn").GetString());
        Assert.True(at.GetProperty("expertReviewRequired").GetBoolean());
        Assert.Equal(await DueAsync(host, at.GetProperty("submittedOn").GetString()!, 30), at.GetProperty("dueOn").GetString());
        Assert.Equal(HttpStatusCode.Conflict, decideEarly.StatusCode);
        Assert.Equal("expert_opinion_missing", early.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, opinionBeforeReview.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sellerOpinion.StatusCode);
        Assert.Equal("registered", registered.GetProperty("status").GetString());
        Assert.Contains(registered.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "expert-opinion");
    }

    [Fact]
    public async Task Submit_AmountsBroken_400NamesEachField()
    {
        using var parties = await PartiesAsync(host);
        await EnsureCalendarAsync(host);
        var body = JsonSerializer.SerializeToNode(Body(parties), Web)!;

        body["totalFen"] = -5;
        body["nonTechnicalItems"]![0]!["amountFen"] = -1;
        var negative = await parties.Seller.PostAsJsonAsync(new Uri(Contracts, UriKind.Relative), body);
        var negativeText = await negative.Content.ReadAsStringAsync();
        body["totalFen"] = 100;
        body["nonTechnicalItems"]![0]!["amountFen"] = 101;
        var exceeds = await parties.Seller.PostAsJsonAsync(new Uri(Contracts, UriKind.Relative), body);
        var exceedsText = await exceeds.Content.ReadAsStringAsync();
        var overflow = await parties.Seller.PostAsync(new Uri(Contracts, UriKind.Relative),
            new StringContent(body.ToJsonString().Replace("\"totalFen\":100", "\"totalFen\":99999999999999999999999", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));
        var overflowText = await overflow.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("\"field\":\"totalFen\",\"rule\":\"negative\"", negativeText, StringComparison.Ordinal);
        Assert.Contains("\"field\":\"nonTechnicalItems[0].amountFen\",\"rule\":\"negative\"", negativeText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, exceeds.StatusCode);
        Assert.Contains("\"rule\":\"exceedsTotal\"", exceedsText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, overflow.StatusCode);
        Assert.Contains("\"field\":\"totalFen\",\"rule\":\"overflow\"", overflowText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ByTheBuyer_IsRefused_ButATechnologyImportIsRegisteredByTheDomesticBuyer()
    {
        using var parties = await PartiesAsync(host);
        await EnsureCalendarAsync(host);
        var buyerSha = await UploadPdfAsync(parties.Buyer);
        var body = JsonSerializer.SerializeToNode(Body(parties), Web)!;
        body["contractFileSha256"] = buyerSha;

        var byBuyer = await parties.Buyer.PostAsJsonAsync(new Uri(Contracts, UriKind.Relative), body);
        body["seller"] = JsonSerializer.SerializeToNode(new { name = "Fraunhofer Test GmbH", regionCode = "foreign", entityKind = "research-institute" });
        body["buyer"] = JsonSerializer.SerializeToNode(new { organizationId = parties.BuyerId, entityKind = "enterprise" });
        var import = await parties.Buyer.PostAsJsonAsync(new Uri(Contracts, UriKind.Relative), body);
        var imported = await import.Content.ReadFromJsonAsync<JsonElement>();
        using var beijing = await host.CreateClientForAsync("admin.beijing");
        var beijingQueue = await beijing.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/techmarket/review-queue", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, byBuyer.StatusCode);
        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
        Assert.True(imported.GetProperty("technologyImport").GetBoolean());
        Assert.Equal("11", imported.GetProperty("authorityJurisdiction").GetString());
        Assert.Contains(beijingQueue.EnumerateArray(), e => e.GetProperty("id").GetGuid() == imported.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Objection_OnAPendingApplication_MakesItDisputedWithExpertReview_AndIsRecorded()
    {
        using var parties = await PartiesAsync(host);
        var submitted = await SubmitAsync(host, parties);
        var id = submitted.GetProperty("id").GetGuid();

        var objected = await PostAsync(parties.Buyer, $"{Contracts}/{id}/objections", new { reason = "技术交易额计算有误" }, HttpStatusCode.OK);
        var changed = await PostAsync(parties.Seller, $"{Contracts}/{id}/changes", new { reason = "延期", termTo = "2028-06-30" }, HttpStatusCode.OK);
        var changeByBuyer = await parties.Buyer.PostAsJsonAsync(new Uri($"{Contracts}/{id}/changes", UriKind.Relative), new { reason = "x", termTo = "2028-06-30" });
        var cancelled = await PostAsync(parties.Seller, $"{Contracts}/{id}/cancellation", new { reason = "双方协商解除" }, HttpStatusCode.OK);

        Assert.True(objected.GetProperty("disputed").GetBoolean());
        Assert.True(objected.GetProperty("expertReviewRequired").GetBoolean());
        Assert.Equal(await DueAsync(host, submitted.GetProperty("submittedOn").GetString()!, 30), objected.GetProperty("dueOn").GetString());
        Assert.Equal("2028-06-30", changed.GetProperty("termTo").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, changeByBuyer.StatusCode);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(["submitted", "objection", "changed", "cancelled"], cancelled.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).ToArray());
    }

    [Fact]
    public async Task Deal_AgreedSignedApplied_ThenAppliedOnlyOnce()
    {
        using var parties = await PartiesAsync(host);
        await EnsureCalendarAsync(host);
        var deal = await PostAsync(parties.Buyer, "/api/v1/techmarket/deals", new { sourceKind = "achievement", sourceId = Guid.CreateVersion7(), title = "视觉定位技术", counterpartOrganizationId = parties.SellerId, ourSide = "buyer" }, HttpStatusCode.Created);
        var dealId = deal.GetProperty("id").GetGuid();
        var signEarly = await parties.Seller.PostAsJsonAsync(new Uri($"/api/v1/techmarket/deals/{dealId}/contract", UriKind.Relative), new { contractFileSha256 = parties.ContractSha });
        await PostAsync(parties.Seller, $"/api/v1/techmarket/deals/{dealId}/terms", new { terms = "委托开发，分两期付款", totalFen = 1_000_000 }, HttpStatusCode.OK);
        await PostAsync(parties.Seller, $"/api/v1/techmarket/deals/{dealId}/contract", new { contractFileSha256 = parties.ContractSha }, HttpStatusCode.OK);
        var applied = await PostAsync(parties.Seller, Contracts, Body(parties, dealId: dealId), HttpStatusCode.Created);
        var twice = await parties.Seller.PostAsJsonAsync(new Uri(Contracts, UriKind.Relative), Body(parties, dealId: dealId));
        var deals = await parties.Buyer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/techmarket/deals", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, signEarly.StatusCode);
        Assert.Equal(dealId, applied.GetProperty("dealId").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var listed = deals.EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == dealId);
        Assert.Equal("applied", listed.GetProperty("status").GetString());
        Assert.Equal(applied.GetProperty("id").GetGuid(), listed.GetProperty("contractId").GetGuid());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ContractRegistrationTestsOnSqlite(SqliteHostFixture fixture) : ContractRegistrationTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class ContractRegistrationTestsOnPostgres(PostgresHostFixture fixture) : ContractRegistrationTests(fixture.Host);
