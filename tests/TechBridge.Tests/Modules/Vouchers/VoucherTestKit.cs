using System.Text.Json;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Engagements.Data;
using TechBridge.Tests.Modules.Directory;
using TechBridge.Tests.Modules.Listings;

namespace TechBridge.Tests.Modules.Vouchers;

// Building blocks of the voucher tests and audit cases: a program opened by an admin, an issued voucher, an admitted
// provider, a delivered order, evidence files, and POSTs that carry an Idempotency-Key as money routes require.
internal static class VoucherTestKit
{
    public const string Api = "/api/v1/vouchers";

    public static async Task<Guid> ProgramAsync(HttpClient admin, string mode)
    {
        var program = await Created(await Post(admin, $"{Api}/programs", new
        {
            name = $"测试创新券项目 {Guid.NewGuid():N}"[..20], jurisdictionCode = "13", year = 2026, budgetFen = 100_000_000, mode, rateBasisPoints = 5000,
            capPerApplicationFen = 2_000_000, annualCapPerEnterpriseFen = 20_000_000, annualCapPerControllerFen = 40_000_000, fullCoverageAtOrBelowFen = 0,
            validityMonths = 12, paymentCycle = "monthly", coversTesting = true,
        }));
        var id = program.GetProperty("id").GetGuid();
        var opened = await Post(admin, $"{Api}/programs/{id}/opening");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        return id;
    }

    public static async Task<Guid> IssueAsync(HttpClient enterprise, HttpClient reviewer, Guid programId, long quotaFen)
    {
        var application = await Created(await Post(enterprise, $"{Api}/programs/{programId}/applications", new { requestedFen = quotaFen, purpose = "委托检验检测" }));
        var decided = await Json(await Post(reviewer, $"{Api}/applications/{application.GetProperty("id").GetGuid()}/decision", new { approve = true }));
        return decided.GetProperty("voucherId").GetGuid();
    }

    // A verified service institution admitted in its region (the programs accept admitted institutions).
    public static async Task<Guid> ProviderAsync(AppHost host, string region)
    {
        var (id, _) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, region);
        await host.WithDbAsync(async db =>
        {
            db.Add(new InstitutionApplication { OrganizationId = id, RegionCode = region, State = InstitutionState.Approved, ServiceDescription = "检验检测" });
            db.Add(new OrganizationSector { OrganizationId = id, SectorCode = "testing" });
            return await db.SaveChangesAsync();
        });
        return id;
    }


    // A delivered service order (as Engagements stores one) between the two organizations.
    public static async Task<Guid> DeliveredOrderAsync(AppHost host, Guid client, Guid provider, long amountFen)
    {
        var order = new ServiceOrder
        {
            EngagementId = Guid.CreateVersion7(), ClientOrganizationId = client, ProviderOrganizationId = provider, ProviderRegionCode = "130104", Title = "材料力学性能检测",
            Scope = "拉伸、冲击试验", AmountFen = amountFen, Status = OrderStatus.Delivered, DeliveryNote = "报告已出具",
            Milestones = [new OrderMilestone { Sequence = 1, Title = "报告", DueDate = new DateOnly(2099, 1, 1), AmountFen = amountFen }],
        };
        await host.WithDbAsync(async db =>
        {
            db.Add(order);
            return await db.SaveChangesAsync();
        });
        return order.Id;
    }

    public static async Task<object[]> EvidenceAsync(HttpClient client) =>
    [
        new { kind = "contract", sha256 = await DirectoryTestKit.UploadPdfAsync(client) },
        new { kind = "invoice", sha256 = await DirectoryTestKit.UploadPdfAsync(client) },
        new { kind = "payment-proof", sha256 = await DirectoryTestKit.UploadPdfAsync(client) },
    ];

    public static async Task<HttpResponseMessage> Post(HttpClient client, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<JsonElement> Created(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
