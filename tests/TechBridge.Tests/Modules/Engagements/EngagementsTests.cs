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
        var proposed = await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/transitions", new { to = "agreed" });
        var proposedTwice = await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/transitions", new { to = "agreed" });
        var enterpriseSees = await ListingsTestData.GetJsonAsync(enterprise, $"/api/v1/engagements/{id}");
        var orderBeforeAgreement = await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", OrderBody(id, 100_000L, 60_000L, 40_000L));
        var agreed = await ListingsTestData.PostAsync(enterprise, $"/api/v1/engagements/{id}/transitions", new { to = "agreed" });
        var thread = await ListingsTestData.GetJsonAsync(enterprise, $"/api/v1/engagements/{id}");
        var strangerThread = await stranger.GetAsync(new Uri($"/api/v1/engagements/{id}", UriKind.Relative));
        var strangerMessage = await ListingsTestData.PostAsync(stranger, $"/api/v1/engagements/{id}/messages", new { body = "我也来" });

        var orderByProvider = await ListingsTestData.PostAsync(provider, "/api/v1/orders", OrderBody(id, 100_000L, 60_000L, 40_000L));
        var order = await CreatedAsync(await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", OrderBody(id, 100_000L, 60_000L, 40_000L)));
        var orderId = order.GetProperty("id").GetGuid();
        var secondOrder = await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", OrderBody(id, 100_000L, 100_000L));
        var strangerOrder = await stranger.GetAsync(new Uri($"/api/v1/orders/{orderId}", UriKind.Relative));
        var deliverBeforeConfirmation = await DeliverAsync(provider, orderId, "检测报告已出具", Pdf);
        var confirmByClient = await ListingsTestData.PostAsync(enterprise, $"/api/v1/orders/{orderId}/confirmation");
        var confirmed = await ListingsTestData.PostAsync(provider, $"/api/v1/orders/{orderId}/confirmation");
        var acceptEarly = await ListingsTestData.PostAsync(enterprise, $"/api/v1/orders/{orderId}/acceptance");
        var deliverByClient = await DeliverAsync(enterprise, orderId, "x", Pdf);
        var deliverWithoutFile = await DeliverAsync(provider, orderId, "检测报告已出具", null);
        var deliverWithText = await DeliverAsync(provider, orderId, "检测报告已出具", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"u8.ToArray());
        var delivered = await DeliverAsync(provider, orderId, "检测报告已出具", Pdf);
        var deliveredOrder = await delivered.Content.ReadFromJsonAsync<JsonElement>();
        var evidenceUrl = deliveredOrder.GetProperty("evidenceUrl").GetString()!;
        var clientEvidence = await enterprise.GetAsync(new Uri(evidenceUrl, UriKind.Relative));
        var strangerEvidence = await stranger.GetAsync(new Uri(evidenceUrl, UriKind.Relative));
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
        Assert.Equal("in-discussion", (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, proposedTwice.StatusCode);
        Assert.True(enterpriseSees.GetProperty("engagement").GetProperty("awaitingYourConfirmation").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, orderBeforeAgreement.StatusCode);
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.Equal("agreed", (await agreed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("agreed", thread.GetProperty("engagement").GetProperty("status").GetString());
        Assert.Equal(2, thread.GetProperty("messages").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, strangerThread.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerMessage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, orderByProvider.StatusCode);
        Assert.Equal("awaiting-provider", order.GetProperty("status").GetString());
        Assert.Equal(id, order.GetProperty("engagementId").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, secondOrder.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerOrder.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, deliverBeforeConfirmation.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, confirmByClient.StatusCode);
        Assert.Equal("in-progress", (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, acceptEarly.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deliverByClient.StatusCode);
        Assert.Contains("evidenceFile", await deliverWithoutFile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, deliverWithoutFile.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, deliverWithText.StatusCode);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), deliveredOrder.GetProperty("deliveryEvidenceSha256").GetString());
        Assert.Equal("报告.pdf", deliveredOrder.GetProperty("deliveryEvidenceFileName").GetString());
        Assert.Equal(HttpStatusCode.OK, clientEvidence.StatusCode);
        Assert.Equal(Pdf, await clientEvidence.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, strangerEvidence.StatusCode);
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
        Assert.Contains(providerNotifications.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "order.placed");
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
        await ListingsTestData.PostAsync(enterprise, $"/api/v1/engagements/{id}/transitions", new { to = "agreed" });

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
        var proposedByBroker = await ListingsTestData.PostAsync(broker, $"/api/v1/engagements/{id}/transitions", new { to = "agreed" });
        var agreed = await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/transitions", new { to = "agreed" });
        var hiddenRaw = await (await provider.GetAsync(new Uri($"/api/v1/engagements/{id}", UriKind.Relative))).Content.ReadAsStringAsync();
        var hidden = JsonDocument.Parse(hiddenRaw).RootElement;
        var providerNotes = await (await provider.GetAsync(new Uri("/api/v1/notifications", UriKind.Relative))).Content.ReadAsStringAsync();
        var enterpriseName = (await ListingsTestData.GetJsonAsync(enterprise, $"/api/v1/engagements/{id}")).GetProperty("engagement").GetProperty("listingOrganizationName").GetString()!;
        var orderWhileHidden = await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", OrderBody(id, 50_000L, 50_000L));
        var revealByProvider = await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/reveal");
        var revealed = await ListingsTestData.PostAsync(enterprise, $"/api/v1/engagements/{id}/reveal");
        var shown = await ListingsTestData.GetJsonAsync(provider, $"/api/v1/engagements/{id}");
        var order = await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", OrderBody(id, 50_000L, 50_000L));

        Assert.Contains(brokerQueue.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.OK, mediated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, mediatedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, discussed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, proposedByBroker.StatusCode);
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.Equal("agreed", (await agreed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
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
        Assert.Equal(HttpStatusCode.OK, (await ListingsTestData.PostAsync(institute, $"/api/v1/orders/{orderId}/confirmation")).StatusCode);
        await DeliverAsync(institute, orderId, "样机交付", Pdf);
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
        var redelivered = await DeliverAsync(institute, orderId, "补充测试后重新交付", Png);
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
        Assert.Equal(HttpStatusCode.OK, (await tianjin.GetAsync(new Uri($"/api/v1/files/{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Png))}", UriKind.Relative))).StatusCode);
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

    [Fact]
    public async Task DeclineOnThePage_WithoutConfirmation_IsRefusedAndNothingChanges()
    {
        var (_, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var offeringId = await ListingsTestData.PublishAsync(host, provider, "offerings", ListingsTestData.Offering());
        var id = (await CreatedAsync(await ListingsTestData.PostAsync(enterprise, "/api/v1/engagements", new { listingKind = "offering", listingId = offeringId }))).GetProperty("id").GetGuid();
        var fields = new Dictionary<string, string> { ["to"] = "declined", ["reasonCode"] = "capability" };

        var unconfirmed = await PageForms.PostAsync(provider, $"/Engagements?id={id}", $"/Engagements?id={id}&handler=Transition&culture=zh-CN", fields);
        var unconfirmedPage = await unconfirmed.Content.ReadAsStringAsync();
        var still = await ListingsTestData.GetJsonAsync(provider, $"/api/v1/engagements/{id}");
        fields["confirmed"] = "true";
        var confirmed = await PageForms.PostAsync(provider, $"/Engagements?id={id}", $"/Engagements?id={id}&handler=Transition", fields);
        var after = await ListingsTestData.GetJsonAsync(provider, $"/api/v1/engagements/{id}");

        Assert.Contains("请勾选确认后再提交", unconfirmedPage, StringComparison.Ordinal);
        Assert.Equal("open", still.GetProperty("engagement").GetProperty("status").GetString());
        Assert.True(confirmed.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, confirmed.StatusCode.ToString());
        Assert.Equal("declined", after.GetProperty("engagement").GetProperty("status").GetString());
        Assert.Equal("capability", after.GetProperty("engagement").GetProperty("declineReason").GetString());
    }

    [Fact]
    public async Task Withdraw_OnlyByTheInterestedSide_EndsTheThread()
    {
        var (_, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var offeringId = await ListingsTestData.PublishAsync(host, provider, "offerings", ListingsTestData.Offering());
        var id = (await CreatedAsync(await ListingsTestData.PostAsync(enterprise, "/api/v1/engagements", new { listingKind = "offering", listingId = offeringId }))).GetProperty("id").GetGuid();

        var byProvider = await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/transitions", new { to = "withdrawn" });
        var withdrawn = await ListingsTestData.PostAsync(enterprise, $"/api/v1/engagements/{id}/transitions", new { to = "withdrawn" });
        var messageAfter = await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/messages", new { body = "还在吗？" });
        var providerNotes = await ListingsTestData.GetJsonAsync(provider, "/api/v1/notifications?culture=zh-CN");

        Assert.Equal(HttpStatusCode.Forbidden, byProvider.StatusCode);
        Assert.Equal("withdrawn", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, messageAfter.StatusCode);
        Assert.Contains(providerNotes.GetProperty("items").EnumerateArray(), n => n.GetProperty("title").GetString()!.Contains("已撤回合作意向", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlaceOrder_MilestoneDueDatesOutOfOrderOrPast_AreRefusedOnTheirRow()
    {
        var (_, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var id = await AgreedEngagementAsync(provider, enterprise);

        var outOfOrder = await ListingsTestData.PostAsync(enterprise, "/api/v1/orders?culture=zh-CN", new
        {
            engagementId = id, scope = "检测", amountFen = 100_000L,
            milestones = new[] { new { title = "验收", dueDate = Due, amountFen = 50_000L }, new { title = "进场", dueDate = Due.AddDays(-10), amountFen = 50_000L } },
        });
        var past = await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", new
        {
            engagementId = id, scope = "检测", amountFen = 100_000L,
            milestones = new[] { new { title = "进场", dueDate = new DateOnly(2001, 1, 1), amountFen = 100_000L } },
        });
        var outOfOrderBody = await outOfOrder.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, outOfOrder.StatusCode);
        Assert.Contains("milestones[1].dueDate", outOfOrderBody, StringComparison.Ordinal);
        Assert.Contains("截止日期不能早于上一个里程碑", outOfOrderBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("milestones[0].dueDate", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousOpenCall_OrderIsPlacedByTheEnterprise_ProviderNeverLearnsItsName()
    {
        var (enterpriseId, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var (_, institute) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.UniversityOrInstitute, "130104");
        var demandId = await ListingsTestData.PublishAsync(host, enterprise, "demands", ListingsTestData.Demand(visibility: "anonymous", openCall: true));
        var proposalId = (await CreatedAsync(await ListingsTestData.PostAsync(institute, $"/api/v1/demands/{demandId}/proposals", new { approach = "在线测厚", priceFen = 200_000L, durationDays = 60, team = "教授 1 名" }))).GetProperty("id").GetGuid();
        await ListingsTestData.PostAsync(enterprise, $"/api/v1/demands/{demandId}/decision", new { selectedProposalId = proposalId, reasons = new[] { new { proposalId, reason = "方案成熟" } } });
        var enterpriseName = (await ListingsTestData.GetJsonAsync(enterprise, $"/api/v1/organizations/{enterpriseId}")).GetProperty("legalName").GetString()!;

        var byProvider = await ListingsTestData.PostAsync(institute, "/api/v1/orders", ProposalOrderBody(proposalId));
        var order = await CreatedAsync(await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", ProposalOrderBody(proposalId)));
        var orderId = order.GetProperty("id").GetGuid();
        var providerRaw = await (await institute.GetAsync(new Uri($"/api/v1/orders/{orderId}", UriKind.Relative))).Content.ReadAsStringAsync();
        var providerList = await (await institute.GetAsync(new Uri("/api/v1/orders", UriKind.Relative))).Content.ReadAsStringAsync();
        var providerPage = await (await institute.GetAsync(new Uri($"/Orders/Detail?id={orderId}", UriKind.Relative))).Content.ReadAsStringAsync();
        var providerNotes = await (await institute.GetAsync(new Uri("/api/v1/notifications", UriKind.Relative))).Content.ReadAsStringAsync();
        var refusedWithoutReason = await ListingsTestData.PostAsync(institute, $"/api/v1/orders/{orderId}/refusal", new { });
        var refused = await ListingsTestData.PostAsync(institute, $"/api/v1/orders/{orderId}/refusal", new { reason = "金额与方案报价不符" });
        var placedAgain = await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", ProposalOrderBody(proposalId));
        var enterpriseNotes = await ListingsTestData.GetJsonAsync(enterprise, "/api/v1/notifications?culture=en");

        Assert.Equal(HttpStatusCode.Forbidden, byProvider.StatusCode);
        Assert.Equal(enterpriseName, order.GetProperty("clientName").GetString());
        Assert.DoesNotContain(enterpriseName, providerRaw, StringComparison.Ordinal);
        Assert.DoesNotContain(enterpriseId.ToString(), providerRaw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(enterpriseName, providerList, StringComparison.Ordinal);
        Assert.DoesNotContain(enterpriseName, providerPage, StringComparison.Ordinal);
        Assert.DoesNotContain(enterpriseName, providerNotes, StringComparison.Ordinal);
        Assert.Contains("匿名", providerPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refusedWithoutReason.StatusCode);
        Assert.Equal("refused", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, placedAgain.StatusCode);
        Assert.Contains(enterpriseNotes.GetProperty("items").EnumerateArray(), n => n.GetProperty("body").GetString() == "The provider refused the order. Reason: 金额与方案报价不符");
    }

    [Fact]
    public async Task Notifications_AreRenderedInTheReadersLanguage_WithStatusesAsWords()
    {
        var (_, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var id = await AgreedEngagementAsync(provider, enterprise);
        var title = (await ListingsTestData.GetJsonAsync(enterprise, $"/api/v1/engagements/{id}")).GetProperty("engagement").GetProperty("listingTitle").GetString();

        // The provider confirmed the enterprise's proposal: the enterprise reads that, in its own language.
        var chinese = await ListingsTestData.GetJsonAsync(enterprise, "/api/v1/notifications?culture=zh-CN");
        var english = await ListingsTestData.GetJsonAsync(enterprise, "/api/v1/notifications?culture=en");
        var page = await (await provider.GetAsync(new Uri("/Notifications?culture=zh-CN", UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.Contains(chinese.GetProperty("items").EnumerateArray(), n => n.GetProperty("title").GetString() == $"「{title}」：已达成合作"
            && n.GetProperty("body").GetString() == "对接状态已变为：已达成合作。");
        Assert.Contains(english.GetProperty("items").EnumerateArray(), n => n.GetProperty("title").GetString() == $"「{title}」: Agreed");
        Assert.Contains($"「{title}」收到新的合作意向", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProviderConfirmations_Racing_OneWinsAndTheClientHearsOnce()
    {
        var (_, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var id = await AgreedEngagementAsync(provider, enterprise);
        var orderId = (await CreatedAsync(await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", OrderBody(id, 100_000L, 100_000L)))).GetProperty("id").GetGuid();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => i % 2 == 0
            ? ListingsTestData.PostAsync(provider, $"/api/v1/orders/{orderId}/confirmation")
            : ListingsTestData.PostAsync(provider, $"/api/v1/orders/{orderId}/refusal", new { reason = "排期已满" })));
        var final = await ListingsTestData.GetJsonAsync(enterprise, $"/api/v1/orders/{orderId}");
        var notes = await ListingsTestData.GetJsonAsync(enterprise, "/api/v1/notifications");

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.True(final.GetProperty("status").GetString() is "in-progress" or "refused");
        Assert.Equal(1, notes.GetProperty("items").EnumerateArray().Count(n => n.GetProperty("kind").GetString() is "order.confirmed" or "order.refused"));
    }

    private async Task<Guid> AgreedEngagementAsync(HttpClient provider, HttpClient enterprise)
    {
        var offeringId = await ListingsTestData.PublishAsync(host, provider, "offerings", ListingsTestData.Offering());
        var id = (await CreatedAsync(await ListingsTestData.PostAsync(enterprise, "/api/v1/engagements", new { listingKind = "offering", listingId = offeringId }))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/transitions", new { to = "in-discussion" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ListingsTestData.PostAsync(enterprise, $"/api/v1/engagements/{id}/transitions", new { to = "agreed" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{id}/transitions", new { to = "agreed" })).StatusCode);
        return id;
    }

    // The smallest files the store accepts by their magic bytes.
    private static readonly byte[] Pdf = "%PDF-1.4\n% 检测报告\n%%EOF\n"u8.ToArray();

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

    private static async Task<HttpResponseMessage> DeliverAsync(HttpClient client, Guid orderId, string note, byte[]? file)
    {
        using var form = new MultipartFormDataContent { { new StringContent(note), "note" } };
        if (file is not null)
        {
            form.Add(new ByteArrayContent(file), "evidenceFile", file[0] == 0x89 ? "照片.png" : "报告.pdf");
        }

        return await client.PostAsync(new Uri($"/api/v1/orders/{orderId}/delivery", UriKind.Relative), form);
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
