using Microsoft.Extensions.DependencyInjection;
using TechBridge.Modules.Instruments.ReleaseNoShows;
using TechBridge.Tests.Modules.Listings;
using static TechBridge.Tests.Modules.Instruments.InstrumentsTestKit;

namespace TechBridge.Tests.Modules.Instruments;

// The release job moves the clock's "now" past start + grace on a host of its own (the clock moves for the whole host).
public sealed class NoShowReleaseTests
{
    [Fact]
    public async Task ApprovedBookingNobodyCheckedInto_AfterTheGrace_IsReleasedAsNoShow_OwnerSeesIt_LaterOneStays()
    {
        await using var host = await AppHost.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string> { ["Instruments:NoShowGraceMinutes"] = "20", ["Instruments:NoShowPeriodMinutes"] = "100000" });
        using var setup = await InstrumentAsync(host);
        var now = TimeProvider.System.GetUtcNow();
        var absent = await JsonAsync(await BookAsync(setup.Booker, setup.InstrumentId, now.AddMinutes(10), now.AddMinutes(70)), HttpStatusCode.Created);
        var present = await JsonAsync(await BookAsync(setup.Owner, setup.InstrumentId, now.AddMinutes(80), now.AddMinutes(140)), HttpStatusCode.Created);

        // 25 minutes later: 15 past the start, inside the 20-minute grace.
        await host.AdvanceClockAsync(25.0 / 60);
        var early = await RunAsync(host);
        // 40 minutes later: 30 past the first start; the second booking starts 40 minutes from now.
        await host.AdvanceClockAsync(15.0 / 60);
        var released = await RunAsync(host);
        using var owner = await ListingsTestData.SignInOwnerAgainAsync(host, setup.OwnerId);
        using var booker = await ListingsTestData.SignInOwnerAgainAsync(host, setup.BookerId);
        var owned = await ListingsTestData.GetJsonAsync(owner, $"{Bookings}/owned");
        var noShows = await ListingsTestData.GetJsonAsync(owner, $"{Bookings}/owned?status=no-show");
        var notifications = await ListingsTestData.GetJsonAsync(booker, "/api/v1/notifications");
        var rebook = await BookAsync(booker, setup.InstrumentId, TimeProvider.System.GetUtcNow().AddMinutes(45), TimeProvider.System.GetUtcNow().AddMinutes(75));

        Assert.Equal(0, early);
        Assert.Equal(1, released);
        var noShow = Assert.Single(noShows.EnumerateArray());
        Assert.Equal(absent.GetProperty("id").GetGuid(), noShow.GetProperty("id").GetGuid());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, noShow.GetProperty("releasedAt").ValueKind);
        Assert.Equal("approved", owned.EnumerateArray().Single(b => b.GetProperty("id").GetGuid() == present.GetProperty("id").GetGuid()).GetProperty("status").GetString());
        Assert.Contains(notifications.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "instrument.no-show");
        // The released slot is free again (the clock is 40 minutes on; this is within the released hour).
        Assert.Equal(HttpStatusCode.Created, rebook.StatusCode);
    }

    private static async Task<int> RunAsync(AppHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NoShowRelease>().RunOnceAsync(CancellationToken.None);
    }
}
