using TechBridge.Modules.Directory.Data;
using TechBridge.Tests.Modules.Listings;
using TechBridge.Tests.Platform;
using static TechBridge.Tests.Modules.Vouchers.VoucherTestKit;

namespace TechBridge.Tests.Modules.Vouchers;

// The vouchers' operations, each on fresh state: a program opened by admin.hebei, a voucher reviewed by
// admin.shijiazhuang, a use on a delivered order with an admitted provider.
internal sealed class VouchersAuditCases : AuditCaseSet
{
    private static readonly string[] TianjinAndHebei = ["12", "13"];

    public override IReadOnlyDictionary<string, Func<AuditCaseContext, Task>> Cases { get; } = new Dictionary<string, Func<AuditCaseContext, Task>>(StringComparer.Ordinal)
    {
        ["CreateVoucherProgram"] = async c =>
        {
            using var admin = await c.As("admin.hebei");
            await c.MarkAsync();
            await Created(await Post(admin, $"{Api}/programs", ProgramBody("general")));
        },
        ["UpdateVoucherProgram"] = async c =>
        {
            using var admin = await c.As("admin.hebei");
            var id = (await Created(await Post(admin, $"{Api}/programs", ProgramBody("general")))).GetProperty("id").GetGuid();
            await c.MarkAsync();
            var response = await admin.PutAsJsonAsync(new Uri($"{Api}/programs/{id}", UriKind.Relative), ProgramBody("direct"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        },
        ["OpenVoucherProgram"] = async c =>
        {
            using var admin = await c.As("admin.hebei");
            var id = (await Created(await Post(admin, $"{Api}/programs", ProgramBody("general")))).GetProperty("id").GetGuid();
            await c.MarkAsync();
            Assert.Equal(HttpStatusCode.OK, (await Post(admin, $"{Api}/programs/{id}/opening")).StatusCode);
        },
        ["CloseVoucherProgram"] = async c =>
        {
            using var admin = await c.As("admin.hebei");
            var id = await ProgramAsync(admin, "general");
            await c.MarkAsync();
            Assert.Equal(HttpStatusCode.OK, (await Post(admin, $"{Api}/programs/{id}/closing")).StatusCode);
        },
        ["CreateRecognitionAgreement"] = async c =>
        {
            using var admin = await c.As("admin.hebei");
            var provider = await ProviderAsync(c.Host, "120116");
            await c.MarkAsync();
            await Created(await Post(admin, $"{Api}/agreements", new { name = "津冀互认协议", parties = TianjinAndHebei, effectiveFrom = "2020-01-01", providers = new[] { provider } }));
        },
        ["ApplyForVoucher"] = async c =>
        {
            using var admin = await c.As("admin.hebei");
            var program = await ProgramAsync(admin, "general");
            var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, OrganizationKind.Enterprise, "130102");
            await c.MarkAsync();
            await Created(await Post(enterprise, $"{Api}/programs/{program}/applications", new { requestedFen = 1_000_000, purpose = "检验检测" }));
        },
        ["DecideVoucherApplication"] = async c =>
        {
            using var admin = await c.As("admin.hebei");
            using var city = await c.As("admin.shijiazhuang");
            var program = await ProgramAsync(admin, "general");
            var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, OrganizationKind.Enterprise, "130102");
            var application = await Created(await Post(enterprise, $"{Api}/programs/{program}/applications", new { requestedFen = 1_000_000, purpose = "检验检测" }));
            await c.MarkAsync();
            Assert.Equal(HttpStatusCode.OK, (await Post(city, $"{Api}/applications/{application.GetProperty("id").GetGuid()}/decision", new { approve = true })).StatusCode);
        },
        ["ReserveVoucherUse"] = async c =>
        {
            var (enterprise, voucher, order) = await VoucherAndOrderAsync(c);
            await c.MarkAsync();
            await Created(await Post(enterprise, $"{Api}/issued/{voucher}/uses", new { itemKind = "service-order", itemId = order }));
        },
        ["CancelVoucherUse"] = async c =>
        {
            var (enterprise, use) = await UseAsync(c);
            await c.MarkAsync();
            Assert.Equal(HttpStatusCode.OK, (await Post(enterprise, $"{Api}/uses/{use}/cancellation")).StatusCode);
        },
        ["AddVoucherEvidence"] = async c =>
        {
            var (enterprise, use) = await UseAsync(c);
            var evidence = await EvidenceAsync(enterprise);
            await c.MarkAsync();
            Assert.Equal(HttpStatusCode.OK, (await Post(enterprise, $"{Api}/uses/{use}/evidence", evidence[0])).StatusCode);
        },
        ["RequestVoucherRedemption"] = async c =>
        {
            var (enterprise, use) = await UseAsync(c);
            var evidence = await EvidenceAsync(enterprise);
            await c.MarkAsync();
            await Created(await Post(enterprise, $"{Api}/uses/{use}/redemptions", new { evidence }));
        },
        ["ReviewVoucherRedemption"] = async c =>
        {
            var redemption = await RedemptionAsync(c);
            using var city = await c.As("admin.shijiazhuang");
            await c.MarkAsync();
            Assert.Equal(HttpStatusCode.OK, (await Post(city, $"{Api}/redemptions/{redemption}/review", new { approve = true })).StatusCode);
        },
        ["PostVoucherRedemption"] = async c =>
        {
            var redemption = await RedemptionAsync(c);
            using var city = await c.As("admin.shijiazhuang");
            using var province = await c.As("admin.hebei");
            Assert.Equal(HttpStatusCode.OK, (await Post(city, $"{Api}/redemptions/{redemption}/review", new { approve = true })).StatusCode);
            await c.MarkAsync();
            Assert.Equal(HttpStatusCode.OK, (await Post(province, $"{Api}/redemptions/{redemption}/posting")).StatusCode);
        },
        ["ReverseVoucherRedemption"] = async c =>
        {
            var redemption = await RedemptionAsync(c);
            using var city = await c.As("admin.shijiazhuang");
            using var province = await c.As("admin.hebei");
            Assert.Equal(HttpStatusCode.OK, (await Post(city, $"{Api}/redemptions/{redemption}/review", new { approve = true })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Post(province, $"{Api}/redemptions/{redemption}/posting")).StatusCode);
            await c.MarkAsync();
            Assert.Equal(HttpStatusCode.OK, (await Post(province, $"{Api}/redemptions/{redemption}/reversal", new { reason = "金额有误" })).StatusCode);
        },
    };

    private static object ProgramBody(string mode) => new
    {
        name = "审计用创新券项目", jurisdictionCode = "13", year = 2026, budgetFen = 100_000_000, mode, rateBasisPoints = 5000, capPerApplicationFen = 2_000_000,
        annualCapPerEnterpriseFen = 20_000_000, annualCapPerControllerFen = 40_000_000, validityMonths = 12, paymentCycle = "monthly",
    };

    private static async Task<(HttpClient Enterprise, Guid Voucher, Guid Order)> VoucherAndOrderAsync(AuditCaseContext c)
    {
        using var admin = await c.As("admin.hebei");
        using var city = await c.As("admin.shijiazhuang");
        var program = await ProgramAsync(admin, "general");
        var (enterpriseId, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, OrganizationKind.Enterprise, "130102");
        var provider = await ProviderAsync(c.Host, "130104");
        var voucher = await IssueAsync(enterprise, city, program, 5_000_000);
        return (enterprise, voucher, await DeliveredOrderAsync(c.Host, enterpriseId, provider, 1_000_000));
    }

    private static async Task<(HttpClient Enterprise, Guid Use)> UseAsync(AuditCaseContext c)
    {
        var (enterprise, voucher, order) = await VoucherAndOrderAsync(c);
        var use = await Created(await Post(enterprise, $"{Api}/issued/{voucher}/uses", new { itemKind = "service-order", itemId = order }));
        return (enterprise, use.GetProperty("id").GetGuid());
    }

    private static async Task<Guid> RedemptionAsync(AuditCaseContext c)
    {
        var (enterprise, use) = await UseAsync(c);
        var evidence = await EvidenceAsync(enterprise);
        return (await Created(await Post(enterprise, $"{Api}/uses/{use}/redemptions", new { evidence }))).GetProperty("id").GetGuid();
    }
}
