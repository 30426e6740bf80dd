using System.Text.Json;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Engagements.Contracts;
using TechBridge.Tests.Modules.Directory;
using TechBridge.Tests.Modules.Listings;

namespace TechBridge.Tests.Modules.Engagements;

public abstract class EngagementsTests(AppHost host)
{
    private static readonly DateOnly Due = new(2099, 6, 30);

    [Fact]
    public async Task Engagement_AgreedThenOrderDeliveredAcceptedRated_StrangerSeesNothing()
    {
        var (providerId, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var (_, stranger) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var offeringId = await ListingsTestData.PublishAsync(host, provider, "offerings", ListingsTestData.Offering());

        var engagement = await CreatedAsync(await ListingsTestData.PostAsync(enterprise, "/api/v1/engagements", new { listingKind = "offering", listingId = offeringId, message = "想了解检测周期" }));
        var id = engagement.GetProperty("id").GetGuid();
        var twice = await ListingsTestData.PostAsync(enterprise, "/api/v1/engagements", new { listingKind = "offering", listingId = offeringId });
        var reply = await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/messages", new { body = "一般五个工作日" });
        var agreeTooEarly = await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/transitions", new { to = "agreed" });
        var discuss = await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/transitions", new { to = "in-discussion" });
        var agreeByInterested = await ListingsTestData.PostAsync(enterprise, $"/api/v1/engagements/{id}/transitions", new { to = "agreed" });
        var agreed = await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/transitions", new { to = "agreed" });
        var thread = await ListingsTestData.GetJsonAsync(enterprise, $"/api/v1/engagements/{id}");
        var strangerThread = await stranger.GetAsync(new Uri($"/api/v1/engagements/{id}", UriKind.Relative));
        var strangerMessage = await ListingsTestData.PostAsync(stranger, $"/api/v1/engagements/{id}/messages", new { body = "我也来" });

        var order = await CreatedAsync(await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", OrderBody(id, 100_000L, 60_000L, 40_000L)));
        var orderId = order.GetProperty("id").GetGuid();
        var secondOrder = await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", OrderBody(id, 100_000L, 100_000L));
        var strangerOrder = await stranger.GetAsync(new Uri($"/api/v1/orders/{orderId}", UriKind.Relative));
        var acceptEarly = await ListingsTestData.PostAsync(enterprise, $"/api/v1/orders/{orderId}/acceptance");
        var deliverByClient = await ListingsTestData.PostAsync(enterprise, $"/api/v1/orders/{orderId}/delivery", new { note = "x" });
        var delivered = await ListingsTestData.PostAsync(provider, $"/api/v1/orders/{orderId}/delivery", new { note = "检测报告已出具" });
        var rateEarly = await ListingsTestData.PostAsync(enterprise, $"/api/v1/orders/{orderId}/rating", new { stars = 5 });
        var accepted = await ListingsTestData.PostAsync(enterprise, $"/api/v1/orders/{orderId}/acceptance");
        var badStars = await ListingsTestData.PostAsync(enterprise, $"/api/v1/orders/{orderId}/rating", new { stars = 6 });
        var rated = await ListingsTestData.PostAsync(enterprise, $"/api/v1/orders/{orderId}/rating", new { stars = 4, comment = "报告规范，略有延迟" });
        var ratedTwice = await ListingsTestData.PostAsync(enterprise, $"/api/v1/orders/{orderId}/rating", new { stars = 1 });
        var final = await ListingsTestData.GetJsonAsync(provider, $"/api/v1/orders/{orderId}");
        var providerNotifications = await ListingsTestData.GetJsonAsync(provider, "/api/v1/notifications");

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, agreeTooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, discuss.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agreeByInterested.StatusCode);
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.Equal("agreed", thread.GetProperty("engagement").GetProperty("status").GetString());
        Assert.Equal(2, thread.GetProperty("messages").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, strangerThread.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerMessage.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondOrder.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerOrder.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, acceptEarly.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deliverByClient.StatusCode);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, rateEarly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStars.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, ratedTwice.StatusCode);
        Assert.Equal("accepted", final.GetProperty("status").GetString());
        Assert.Equal(4, final.GetProperty("rating").GetProperty("stars").GetInt32());
        Assert.Equal(providerId, final.GetProperty("providerOrganizationId").GetGuid());
        Assert.Equal(2, final.GetProperty("milestones").GetArrayLength());
        Assert.Contains(providerNotifications.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "engagement.interest");
    }

    [Fact]
    public async Task PlaceOrder_MilestoneSharesNotAddingUp_IsRefused()
    {
        var (_, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var offeringId = await ListingsTestData.PublishAsync(host, provider, "offerings", ListingsTestData.Offering());
        var id = (await CreatedAsync(await ListingsTestData.PostAsync(enterprise, "/api/v1/engagements", new { listingKind = "offering", listingId = offeringId }))).GetProperty("id").GetGuid();
        await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/transitions", new { to = "in-discussion" });
        await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/transitions", new { to = "agreed" });

        var uneven = await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", OrderBody(id, 100_000L, 60_000L, 30_000L));
        var problem = await uneven.Content.ReadAsStringAsync();
        var none = await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", OrderBody(id, 100_000L));

        Assert.Equal(HttpStatusCode.BadRequest, uneven.StatusCode);
        Assert.Contains("sumEqualsAmount", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
    }

    [Fact]
    public async Task AnonymousDemand_MediatedByBroker_KeepsEnterpriseHiddenUntilRevealed()
    {
        var (enterpriseId, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var (_, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        using var broker = await host.CreateClientForAsync("broker.demo");
        var demandId = await ListingsTestData.PublishAsync(host, enterprise, "demands", ListingsTestData.Demand(visibility: "anonymous"));

        var created = await CreatedAsync(await ListingsTestData.PostAsync(provider, "/api/v1/engagements", new { listingKind = "demand", listingId = demandId, message = "我们有在线检测方案" }));
        var id = created.GetProperty("id").GetGuid();
        var brokerQueue = await ListingsTestData.GetJsonAsync(broker, "/api/v1/engagements");
        var mediated = await ListingsTestData.PostAsync(broker, $"/api/v1/engagements/{id}/mediation");
        var mediatedAgain = await ListingsTestData.PostAsync(broker, $"/api/v1/engagements/{id}/mediation");
        await ListingsTestData.PostAsync(enterprise, $"/api/v1/engagements/{id}/messages", new { body = "请提供案例" });
        await ListingsTestData.PostAsync(broker, $"/api/v1/engagements/{id}/messages", new { body = "我来协调双方时间" });
        var discussed = await ListingsTestData.PostAsync(broker, $"/api/v1/engagements/{id}/transitions", new { to = "in-discussion" });
        var agreed = await ListingsTestData.PostAsync(broker, $"/api/v1/engagements/{id}/transitions", new { to = "agreed" });
        var hiddenRaw = await (await provider.GetAsync(new Uri($"/api/v1/engagements/{id}", UriKind.Relative))).Content.ReadAsStringAsync();
        var hidden = JsonDocument.Parse(hiddenRaw).RootElement;
        var providerNotes = await (await provider.GetAsync(new Uri("/api/v1/notifications", UriKind.Relative))).Content.ReadAsStringAsync();
        var enterpriseName = (await ListingsTestData.GetJsonAsync(enterprise, $"/api/v1/engagements/{id}")).GetProperty("engagement").GetProperty("listingOrganizationName").GetString()!;
        var orderWhileHidden = await ListingsTestData.PostAsync(provider, "/api/v1/orders", OrderBody(id, 50_000L, 50_000L));
        var revealByProvider = await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/reveal");
        var revealed = await ListingsTestData.PostAsync(enterprise, $"/api/v1/engagements/{id}/reveal");
        var shown = await ListingsTestData.GetJsonAsync(provider, $"/api/v1/engagements/{id}");
        var order = await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", OrderBody(id, 50_000L, 50_000L));

        Assert.Contains(brokerQueue.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.OK, mediated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, mediatedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, discussed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("engagement").GetProperty("listingOrganizationId").ValueKind);
        Assert.DoesNotContain(enterpriseId.ToString(), hiddenRaw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(enterpriseName, hiddenRaw, StringComparison.Ordinal);
        Assert.DoesNotContain(enterpriseName, providerNotes, StringComparison.Ordinal);
        Assert.Equal(3, hidden.GetProperty("messages").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, orderWhileHidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revealByProvider.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Equal(enterpriseId, shown.GetProperty("engagement").GetProperty("listingOrganizationId").GetGuid());
        Assert.Equal(HttpStatusCode.Created, order.StatusCode);
    }

    [Fact]
    public async Task OpenCallSelection_BecomesOrder_DisputeComplaintResolvedByProviderJurisdiction()
    {
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var (_, institute) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.UniversityOrInstitute, "120101");
        var demandId = await ListingsTestData.PublishAsync(host, enterprise, "demands", ListingsTestData.Demand(openCall: true));
        var proposal = await CreatedAsync(await ListingsTestData.PostAsync(institute, $"/api/v1/demands/{demandId}/proposals", new { approach = "在线测厚 + 闭环", priceFen = 200_000L, durationDays = 60, team = "教授 1 名" }));
        var proposalId = proposal.GetProperty("id").GetGuid();
        var beforeDecision = await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", ProposalOrderBody(proposalId));
        await ListingsTestData.PostAsync(enterprise, $"/api/v1/demands/{demandId}/decision", new { selectedProposalId = proposalId, reasons = new[] { new { proposalId, reason = "方案成熟" } } });

        var order = await CreatedAsync(await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", ProposalOrderBody(proposalId)));
        var orderId = order.GetProperty("id").GetGuid();
        await ListingsTestData.PostAsync(institute, $"/api/v1/orders/{orderId}/delivery", new { note = "样机交付" });
        var disputed = await ListingsTestData.PostAsync(enterprise, $"/api/v1/orders/{orderId}/dispute", new { reason = "精度未达到约定指标" });
        var complaint = await CreatedAsync(await ListingsTestData.PostAsync(enterprise, $"/api/v1/orders/{orderId}/complaints", new { text = "交付精度不足，沟通无果" }));
        var complaintId = complaint.GetProperty("id").GetGuid();
        var (_, hebeiToken) = await DirectoryTestData.CreateAdminAsync(host, "13", EngagementsPermissions.ResolveComplaints);
        var (_, tianjinToken) = await DirectoryTestData.CreateAdminAsync(host, "12", EngagementsPermissions.ResolveComplaints);
        using var hebei = host.CreateBearerClient(hebeiToken);
        using var tianjin = host.CreateBearerClient(tianjinToken);
        var wrongJurisdiction = await ListingsTestData.PostAsync(hebei, $"/api/v1/complaints/{complaintId}/resolution", new { outcomeCode = "upheld", outcome = "x" });
        var queue = await ListingsTestData.GetJsonAsync(tianjin, "/api/v1/complaints");
        var badOutcome = await ListingsTestData.PostAsync(tianjin, $"/api/v1/complaints/{complaintId}/resolution", new { outcomeCode = "maybe", outcome = "x" });
        var resolved = await ListingsTestData.PostAsync(tianjin, $"/api/v1/complaints/{complaintId}/resolution", new { outcomeCode = "partly-upheld", outcome = "双方同意补充测试后重新交付" });
        var resolvedAgain = await ListingsTestData.PostAsync(tianjin, $"/api/v1/complaints/{complaintId}/resolution", new { outcomeCode = "rejected", outcome = "x" });
        var redelivered = await ListingsTestData.PostAsync(institute, $"/api/v1/orders/{orderId}/delivery", new { note = "补充测试后重新交付" });
        var adminReadsOrder = await tianjin.GetAsync(new Uri($"/api/v1/orders/{orderId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, beforeDecision.StatusCode);
        Assert.Equal(proposalId, order.GetProperty("proposalId").GetGuid());
        Assert.Equal(200_000L, order.GetProperty("amountFen").GetInt64());
        Assert.Equal(HttpStatusCode.OK, disputed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongJurisdiction.StatusCode);
        Assert.Contains(queue.EnumerateArray(), c => c.GetProperty("id").GetGuid() == complaintId);
        Assert.Equal(HttpStatusCode.BadRequest, badOutcome.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal("partly-upheld", (await resolved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcomeCode").GetString());
        Assert.Equal(HttpStatusCode.Conflict, resolvedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminReadsOrder.StatusCode);
    }

    [Fact]
    public async Task Decline_NeedsReasonFromList_ThenCloses()
    {
        var (_, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var offeringId = await ListingsTestData.PublishAsync(host, provider, "offerings", ListingsTestData.Offering());
        var id = (await CreatedAsync(await ListingsTestData.PostAsync(enterprise, "/api/v1/engagements", new { listingKind = "offering", listingId = offeringId }))).GetProperty("id").GetGuid();

        var noReason = await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/transitions", new { to = "declined" });
        var unknownReason = await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/transitions", new { to = "declined", reasonCode = "mood" });
        var declined = await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/transitions", new { to = "declined", reasonCode = "capability", note = "超出能力范围" });
        var declinedAgain = await ListingsTestData.PostAsync(enterprise, $"/api/v1/engagements/{id}/transitions", new { to = "declined", reasonCode = "other" });
        var closed = await ListingsTestData.PostAsync(enterprise, $"/api/v1/engagements/{id}/transitions", new { to = "closed" });
        var messageAfter = await ListingsTestData.PostAsync(enterprise, $"/api/v1/engagements/{id}/messages", new { body = "再考虑一下？" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("capability", (await declined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("declineReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, declinedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, messageAfter.StatusCode);
    }

    [Fact]
    public async Task BrokerJudgements_AreStoredAndExportedAsGradedCsv()
    {
        using var broker = await host.CreateClientForAsync("broker.demo");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var (query, candidate, other) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

        var recommended = await ListingsTestData.PostAsync(broker, "/api/v1/match-judgements", new { queryListingId = query, candidateListingId = candidate, decision = "recommend", reasonCode = "capability-fit" });
        var dismissed = await ListingsTestData.PostAsync(broker, "/api/v1/match-judgements", new { queryListingId = query, candidateListingId = other, decision = "dismiss", reasonCode = "region-mismatch" });
        var twice = await ListingsTestData.PostAsync(broker, "/api/v1/match-judgements", new { queryListingId = query, candidateListingId = candidate, decision = "dismiss", reasonCode = "other" });
        var wrongReason = await ListingsTestData.PostAsync(broker, "/api/v1/match-judgements", new { queryListingId = other, candidateListingId = candidate, decision = "recommend", reasonCode = "region-mismatch" });
        var notBroker = await ListingsTestData.PostAsync(enterprise, "/api/v1/match-judgements", new { queryListingId = other, candidateListingId = candidate, decision = "recommend", reasonCode = "field-fit" });
        var csv = await broker.GetStringAsync(new Uri("/api/v1/match-judgements/export.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, recommended.StatusCode);
        Assert.Equal(HttpStatusCode.Created, dismissed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongReason.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notBroker.StatusCode);
        Assert.StartsWith("query_listing_id,candidate_listing_id,grade,reason,broker,at", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains($"{query},{candidate},2,capability-fit,", csv, StringComparison.Ordinal);
        Assert.Contains($"{query},{other},0,region-mismatch,", csv, StringComparison.Ordinal);
    }

    private static object OrderBody(Guid engagementId, long amountFen, params long[] shares) => new
    {
        engagementId,
        scope = "材料力学性能检测 20 组，出具 CMA 报告",
        amountFen,
        milestones = shares.Select((s, i) => new { title = $"阶段{i + 1}", dueDate = Due.AddDays(i), amountFen = s }).ToArray(),
    };

    private static object ProposalOrderBody(Guid proposalId) => new
    {
        proposalId,
        scope = "在线测厚系统样机与闭环控制",
        amountFen = 200_000L,
        milestones = new[] { new { title = "样机", dueDate = Due, amountFen = 120_000L }, new { title = "验收", dueDate = Due.AddDays(30), amountFen = 80_000L } },
    };

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EngagementsTestsOnSqlite(SqliteHostFixture fixture) : EngagementsTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class EngagementsTestsOnPostgres(PostgresHostFixture fixture) : EngagementsTests(fixture.Host);
