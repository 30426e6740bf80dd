using TechBridge.Tests.Modules.Listings;
using TechBridge.Tests.Platform;
using static TechBridge.Tests.Modules.Instruments.InstrumentsTestKit;

namespace TechBridge.Tests.Modules.Instruments;

// The Instruments' operations: the catalog, bookings and their steps, maintenance blocks.
internal sealed class InstrumentsAuditCases : AuditCaseSet
{
    public override IReadOnlyDictionary<string, Func<AuditCaseContext, Task>> Cases { get; } = new Dictionary<string, Func<AuditCaseContext, Task>>(StringComparer.Ordinal)
    {
        ["AddInstrument"] = async c =>
        {
            var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, TechBridge.Modules.Directory.Data.OrganizationKind.UniversityOrInstitute, "130102");
            using var _owner = owner;
            await c.MarkAsync();
            await JsonAsync(await ListingsTestData.PostAsync(owner, Catalog, Body()), HttpStatusCode.Created);
        },
        ["UpdateInstrument"] = async c =>
        {
            using var setup = await InstrumentAsync(c.Host);
            await c.MarkAsync();
            await JsonAsync(await setup.Owner.PutAsJsonAsync(new Uri($"{Catalog}/{setup.InstrumentId}", UriKind.Relative), Body(notice: 30)), HttpStatusCode.OK);
        },
        ["BookInstrument"] = async c =>
        {
            using var setup = await InstrumentAsync(c.Host);
            await c.MarkAsync();
            await JsonAsync(await BookAsync(setup.Booker, setup.InstrumentId, Beijing(2, 9), Beijing(2, 10)), HttpStatusCode.Created);
        },
        ["BookInstrumentSeries"] = async c =>
        {
            using var setup = await InstrumentAsync(c.Host);
            await c.MarkAsync();
            await JsonAsync(await PostWithKeyAsync(setup.Booker, $"{Catalog}/{setup.InstrumentId}/series", new { start = Beijing(2, 9), end = Beijing(2, 10), purpose = "例行测试", frequency = "daily", occurrences = 3 }), HttpStatusCode.Created);
        },
        ["ApproveInstrumentBooking"] = async c =>
        {
            using var setup = await InstrumentAsync(c.Host, approval: true);
            var id = await BookedAsync(setup);
            await c.MarkAsync();
            await JsonAsync(await ListingsTestData.PostAsync(setup.Owner, $"{Bookings}/{id}/approve"), HttpStatusCode.OK);
        },
        ["RejectInstrumentBooking"] = async c =>
        {
            using var setup = await InstrumentAsync(c.Host, approval: true);
            var id = await BookedAsync(setup);
            await c.MarkAsync();
            await JsonAsync(await ListingsTestData.PostAsync(setup.Owner, $"{Bookings}/{id}/reject", new { reason = "该时段已安排校内课题组使用" }), HttpStatusCode.OK);
        },
        ["CancelInstrumentBooking"] = async c =>
        {
            using var setup = await InstrumentAsync(c.Host);
            var id = await BookedAsync(setup);
            await c.MarkAsync();
            await JsonAsync(await ListingsTestData.PostAsync(setup.Booker, $"{Bookings}/{id}/cancel"), HttpStatusCode.OK);
        },
        ["CheckInInstrumentBooking"] = async c =>
        {
            using var setup = await InstrumentAsync(c.Host);
            var id = await BookedSoonAsync(setup);
            await c.MarkAsync();
            await JsonAsync(await ListingsTestData.PostAsync(setup.Booker, $"{Bookings}/{id}/check-in"), HttpStatusCode.OK);
        },
        ["CompleteInstrumentBooking"] = async c =>
        {
            using var setup = await InstrumentAsync(c.Host);
            var id = await BookedSoonAsync(setup);
            await JsonAsync(await ListingsTestData.PostAsync(setup.Booker, $"{Bookings}/{id}/check-in"), HttpStatusCode.OK);
            await c.MarkAsync();
            await JsonAsync(await ListingsTestData.PostAsync(setup.Booker, $"{Bookings}/{id}/complete"), HttpStatusCode.OK);
        },
        ["BlockInstrumentForMaintenance"] = async c =>
        {
            using var setup = await InstrumentAsync(c.Host);
            await BookedAsync(setup);
            await c.MarkAsync();
            await JsonAsync(await ListingsTestData.PostAsync(setup.Owner, $"{Catalog}/{setup.InstrumentId}/maintenance", new { start = Beijing(2, 8), end = Beijing(2, 18), reason = "年度计量校准" }), HttpStatusCode.Created);
        },
    };

    private static async Task<Guid> BookedAsync(Setup setup) =>
        (await JsonAsync(await BookAsync(setup.Booker, setup.InstrumentId, Beijing(2, 9), Beijing(2, 10)), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<Guid> BookedSoonAsync(Setup setup)
    {
        var now = TimeProvider.System.GetUtcNow();
        return (await JsonAsync(await BookAsync(setup.Booker, setup.InstrumentId, now.AddMinutes(5), now.AddMinutes(65)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }
}
