using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Engagements.Contracts;
using TechBridge.Tests.Modules.Directory;
using TechBridge.Tests.Modules.Listings;
using TechBridge.Tests.Platform;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;

namespace TechBridge.Tests.Modules.Engagements;

// The Engagements' operations: engagements, match verdicts, service orders, ratings and complaints.
internal sealed class EngagementsAuditCases : AuditCaseSet
{
    public override IReadOnlyDictionary<string, Func<AuditCaseContext, Task>> Cases { get; } = new Dictionary<string, Func<AuditCaseContext, Task>>(StringComparer.Ordinal)
    {
        // Engagements and service orders: a fresh service institution (130104) and a fresh enterprise (130102) dealing
        // over a published offering (or, for mediation and reveal, an anonymous demand).
        ["ExpressInterest"] = async c =>
        {
            using var deal = await OfferingAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Enterprise, Engagements, new { listingKind = "offering", listingId = deal.Id, message = "想了解检测周期" }, HttpStatusCode.Created);
        },
        ["PostEngagementMessage"] = async c =>
        {
            using var deal = await InterestedAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Provider, $"{Engagements}/{deal.Id}/messages", new { body = "一般五个工作日" }, HttpStatusCode.Created);
        },
        ["ChangeEngagementStatus"] = async c =>
        {
            using var deal = await InterestedAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Provider, $"{Engagements}/{deal.Id}/transitions", new { to = "in-discussion" }, HttpStatusCode.OK);
        },
        ["MediateEngagement"] = async c =>
        {
            using var deal = await AnonymousInterestAsync(c);
            using var broker = await c.As("broker.demo");
            await c.MarkAsync();
            await PostAsync(broker, $"{Engagements}/{deal.Id}/mediation", null, HttpStatusCode.OK);
        },
        ["RevealEngagementIdentity"] = async c =>
        {
            using var deal = await AnonymousInterestAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Enterprise, $"{Engagements}/{deal.Id}/reveal", null, HttpStatusCode.OK);
        },
        ["JudgeMatch"] = async c =>
        {
            using var broker = await c.As("broker.demo");
            await c.MarkAsync();
            await PostAsync(broker, "/api/v1/match-judgements", new { queryListingId = Guid.CreateVersion7(), candidateListingId = Guid.CreateVersion7(), decision = "recommend", reasonCode = "capability-fit" }, HttpStatusCode.Created);
        },
        ["PlaceOrder"] = async c =>
        {
            using var deal = await AgreedAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Enterprise, Orders, OrderBody(deal.Id), HttpStatusCode.Created);
        },
        ["ConfirmOrder"] = async c =>
        {
            using var deal = await PlacedAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Provider, $"{Orders}/{deal.Id}/confirmation", null, HttpStatusCode.OK);
        },
        ["RefuseOrder"] = async c =>
        {
            using var deal = await PlacedAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Provider, $"{Orders}/{deal.Id}/refusal", new { reason = "排期已满" }, HttpStatusCode.OK);
        },
        ["DeliverOrder"] = async c =>
        {
            using var deal = await OrderedAsync(c);
            await c.MarkAsync();
            await DeliverAsync(deal);
        },
        ["AcceptOrder"] = async c =>
        {
            using var deal = await DeliveredAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Enterprise, $"{Orders}/{deal.Id}/acceptance", null, HttpStatusCode.OK);
        },
        ["DisputeOrder"] = async c =>
        {
            using var deal = await DeliveredAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Enterprise, $"{Orders}/{deal.Id}/dispute", new { reason = "精度未达到约定指标" }, HttpStatusCode.OK);
        },
        ["RateProvider"] = async c =>
        {
            using var deal = await DeliveredAsync(c);
            await PostAsync(deal.Enterprise, $"{Orders}/{deal.Id}/acceptance", null, HttpStatusCode.OK);
            await c.MarkAsync();
            await PostAsync(deal.Enterprise, $"{Orders}/{deal.Id}/rating", new { stars = 4, comment = "报告规范" }, HttpStatusCode.OK);
        },
        ["FileComplaint"] = async c =>
        {
            using var deal = await OrderedAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Enterprise, $"{Orders}/{deal.Id}/complaints", new { text = "交付延迟，沟通无果" }, HttpStatusCode.Created);
        },
        ["ResolveComplaint"] = async c =>
        {
            using var deal = await OrderedAsync(c);
            var complaint = await PostAsync(deal.Enterprise, $"{Orders}/{deal.Id}/complaints", new { text = "交付延迟，沟通无果" }, HttpStatusCode.Created);
            // The complaint goes to the provider's jurisdiction (130104, Hebei).
            var (_, token) = await DirectoryTestData.CreateAdminAsync(c.Host, "13", EngagementsPermissions.ResolveComplaints);
            using var admin = c.Host.CreateBearerClient(token);
            await c.MarkAsync();
            await PostAsync(admin, $"/api/v1/complaints/{complaint.GetProperty("id").GetGuid()}/resolution", new { outcomeCode = "upheld", outcome = "责令限期交付" }, HttpStatusCode.OK);
        },
    };

    // Engagements and service orders. A Deal holds both parties' clients and the id of the thing the next step acts on.
    private const string Engagements = "/api/v1/engagements";
    private const string Orders = "/api/v1/orders";

    private sealed record Deal(HttpClient Provider, HttpClient Enterprise, Guid Id) : IDisposable
    {
        public void Dispose()
        {
            Provider.Dispose();
            Enterprise.Dispose();
        }
    }

    private static object OrderBody(Guid engagementId) => new
    {
        engagementId,
        scope = "材料力学性能检测 20 组，出具 CMA 报告",
        amountFen = 100_000L,
        milestones = new[] { new { title = "检测", dueDate = new DateOnly(2099, 6, 30), amountFen = 100_000L } },
    };

    // A published offering of a fresh service institution, and a fresh enterprise; Id is the offering.
    private static async Task<Deal> OfferingAsync(AuditCaseContext c)
    {
        var (_, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, OrganizationKind.ServiceInstitution, "130104");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, OrganizationKind.Enterprise, "130102");
        var offering = await ListingsTestData.PublishAsync(c.Host, provider, "offerings", ListingsTestData.Offering());
        return new Deal(provider, enterprise, offering);
    }

    // The enterprise has expressed interest in the offering; Id is the engagement.
    private static async Task<Deal> InterestedAsync(AuditCaseContext c)
    {
        var deal = await OfferingAsync(c);
        var engagement = await PostAsync(deal.Enterprise, Engagements, new { listingKind = "offering", listingId = deal.Id }, HttpStatusCode.Created);
        return deal with { Id = engagement.GetProperty("id").GetGuid() };
    }

    // An anonymous demand of the enterprise that the provider is interested in; Id is the engagement.
    private static async Task<Deal> AnonymousInterestAsync(AuditCaseContext c)
    {
        var (_, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, OrganizationKind.ServiceInstitution, "130104");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, OrganizationKind.Enterprise, "130102");
        var demand = await ListingsTestData.PublishAsync(c.Host, enterprise, "demands", ListingsTestData.Demand(visibility: "anonymous"));
        var engagement = await PostAsync(provider, Engagements, new { listingKind = "demand", listingId = demand }, HttpStatusCode.Created);
        return new Deal(provider, enterprise, engagement.GetProperty("id").GetGuid());
    }

    // The provider has taken the interest into discussion and proposed agreement, the enterprise confirmed it; Id is
    // the engagement.
    private static async Task<Deal> AgreedAsync(AuditCaseContext c)
    {
        var deal = await InterestedAsync(c);
        await PostAsync(deal.Provider, $"{Engagements}/{deal.Id}/transitions", new { to = "in-discussion" }, HttpStatusCode.OK);
        await PostAsync(deal.Provider, $"{Engagements}/{deal.Id}/transitions", new { to = "agreed" }, HttpStatusCode.OK);
        await PostAsync(deal.Enterprise, $"{Engagements}/{deal.Id}/transitions", new { to = "agreed" }, HttpStatusCode.OK);
        return deal;
    }

    // The enterprise has placed an order on the agreed engagement, not yet confirmed; Id is the order.
    private static async Task<Deal> PlacedAsync(AuditCaseContext c)
    {
        var deal = await AgreedAsync(c);
        var order = await PostAsync(deal.Enterprise, Orders, OrderBody(deal.Id), HttpStatusCode.Created);
        return deal with { Id = order.GetProperty("id").GetGuid() };
    }

    // The provider has confirmed the order the enterprise placed; Id is the order.
    private static async Task<Deal> OrderedAsync(AuditCaseContext c)
    {
        var deal = await PlacedAsync(c);
        await PostAsync(deal.Provider, $"{Orders}/{deal.Id}/confirmation", null, HttpStatusCode.OK);
        return deal;
    }

    // The provider has delivered the order; Id is the order.
    private static async Task<Deal> DeliveredAsync(AuditCaseContext c)
    {
        var deal = await OrderedAsync(c);
        await DeliverAsync(deal);
        return deal;
    }

    // Delivery is a multipart form: the note and the evidence file (a minimal PDF).
    private static async Task DeliverAsync(Deal deal)
    {
        using var form = new MultipartFormDataContent { { new StringContent("检测报告已出具"), "note" }, { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "evidenceFile", "报告.pdf" } };
        var response = await deal.Provider.PostAsync(new Uri($"{Orders}/{deal.Id}/delivery", UriKind.Relative), form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"delivery: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task DeleteAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        var response = await client.DeleteAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"DELETE {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
    }
}
