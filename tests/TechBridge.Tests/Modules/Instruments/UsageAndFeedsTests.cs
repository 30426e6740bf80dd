using System.Text;
using TechBridge.Tests.Modules.Listings;
using static TechBridge.Tests.Modules.Instruments.InstrumentsTestKit;

namespace TechBridge.Tests.Modules.Instruments;

// What a booking leaves behind: the completed use on the user organization's monthly statement (and its export), and
// the calendar feeds a calendar program subscribes to, read back by a real iCalendar parser (Ical.Net).
public abstract class UsageAndFeedsTests(AppHost host)
{
    [Fact]
    public async Task CompletedUse_IsOnTheUsersMonthlyStatement_WithItsFee_AndInTheExport()
    {
        using var setup = await InstrumentAsync(host);
        var now = TimeProvider.System.GetUtcNow();
        var booked = await JsonAsync(await BookAsync(setup.Booker, setup.InstrumentId, now.AddMinutes(5), now.AddMinutes(65)), HttpStatusCode.Created);
        var id = booked.GetProperty("id").GetGuid();
        await JsonAsync(await ListingsTestData.PostAsync(setup.Booker, $"{Bookings}/{id}/check-in"), HttpStatusCode.OK);
        await JsonAsync(await ListingsTestData.PostAsync(setup.Booker, $"{Bookings}/{id}/complete"), HttpStatusCode.OK);

        var statement = await ListingsTestData.GetJsonAsync(setup.Booker, $"{Bookings}/statement");
        var owners = await ListingsTestData.GetJsonAsync(setup.Owner, $"{Bookings}/statement");
        var csv = await setup.Booker.GetAsync(new Uri($"{Bookings}/statement/export?format=csv", UriKind.Relative));
        var xlsx = await setup.Booker.GetAsync(new Uri($"{Bookings}/statement/export", UriKind.Relative));
        var badMonth = await setup.Booker.GetAsync(new Uri($"{Bookings}/statement?month=2026-13", UriKind.Relative));

        var line = Assert.Single(statement.GetProperty("lines").EnumerateArray());
        Assert.Equal(id, line.GetProperty("bookingId").GetGuid());
        Assert.Equal("use", line.GetProperty("kind").GetString());
        Assert.Equal("enterprise", line.GetProperty("priceGroup").GetString());
        // Per reservation at ¥200.00 an hour for the enterprise group: one hour reserved.
        Assert.Equal(20_000, line.GetProperty("feeFen").GetInt64());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, line.GetProperty("usedFrom").ValueKind);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, line.GetProperty("usedUntil").ValueKind);
        Assert.False(string.IsNullOrEmpty(line.GetProperty("ownerName").GetString()));
        Assert.Equal(20_000, statement.GetProperty("totalFen").GetInt64());
        // The owner's own statement lists what the owner's people used, not what others used of its instruments.
        Assert.Empty(owners.GetProperty("lines").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("费用（元）", text, StringComparison.Ordinal);
        Assert.Contains("场发射扫描电子显微镜", text, StringComparison.Ordinal);
        Assert.Contains("合计", text, StringComparison.Ordinal);
        Assert.Contains("200.00", text, StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        Assert.Contains("\"month\"", await badMonth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarFeeds_ParseWithIcalNet_BeijingTimes_ChineseSummaries_EscapedAndFoldedText()
    {
        using var setup = await InstrumentAsync(host);
        var purpose = "样品表面形貌观察; 成分分析, 含能谱面扫描与线扫描，需要技术人员协助操作并出具原始数据和分析报告（共十二个样品）";
        var first = await JsonAsync(await PostWithKeyAsync(setup.Booker, $"{Catalog}/{setup.InstrumentId}/bookings", Slot(Beijing(4, 10), Beijing(4, 12), purpose)), HttpStatusCode.Created);
        var second = await JsonAsync(await BookAsync(setup.Booker, setup.InstrumentId, Beijing(5, 14), Beijing(5, 15, 30)), HttpStatusCode.Created);
        await JsonAsync(await ListingsTestData.PostAsync(setup.Booker, $"{Bookings}/{second.GetProperty("id").GetGuid()}/cancel"), HttpStatusCode.OK);

        using var anonymous = host.CreateAnonymousClient();
        var instrumentFeed = await anonymous.GetAsync(new Uri($"{Catalog}/{setup.InstrumentId}/calendar.ics", UriKind.Relative));
        var mineFeed = await setup.Booker.GetAsync(new Uri($"{Bookings}/mine.ics", UriKind.Relative));
        var mineAnonymous = await anonymous.GetAsync(new Uri($"{Bookings}/mine.ics", UriKind.Relative));

        Assert.Equal("text/calendar", instrumentFeed.Content.Headers.ContentType?.MediaType);
        var instrumentText = await instrumentFeed.Content.ReadAsStringAsync();
        Assert.All(instrumentText.Split("\r\n"), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        var instrument = Ical.Net.Calendar.Load(instrumentText)!;
        // The cancelled booking no longer holds the slot; the feed carries no purpose or name of the booker.
        var busy = Assert.Single(instrument.Events);
        Assert.Equal("场发射扫描电子显微镜：已预约", busy.Summary);
        Assert.Null(busy.Description);
        Assert.Equal("Asia/Shanghai", busy.DtStart!.TzId);
        Assert.Equal(Beijing(4, 10).DateTime, busy.DtStart.Value);
        Assert.Equal(Beijing(4, 12).UtcDateTime, busy.DtEnd!.AsUtc);

        var mine = Ical.Net.Calendar.Load(await mineFeed.Content.ReadAsStringAsync())!;
        var events = mine.Events.OrderBy(e => e.DtStart!.Value).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal($"{first.GetProperty("id").GetGuid()}@instruments.techbridge", events[0].Uid);
        Assert.Equal("仪器预约：场发射扫描电子显微镜（已批准）", events[0].Summary);
        Assert.Equal(purpose, events[0].Description);
        Assert.Equal(Beijing(4, 10).UtcDateTime, events[0].DtStart!.AsUtc);
        Assert.Equal("CANCELLED", events[1].Status);
        Assert.Equal(Beijing(5, 15, 30).UtcDateTime, events[1].DtEnd!.AsUtc);
        Assert.Equal(HttpStatusCode.Unauthorized, mineAnonymous.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UsageAndFeedsTestsOnSqlite(SqliteHostFixture fixture) : UsageAndFeedsTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class UsageAndFeedsTestsOnPostgres(PostgresHostFixture fixture) : UsageAndFeedsTests(fixture.Host);
