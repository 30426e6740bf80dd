using System.Text.Json;
using TechBridge.Tests.Modules.Listings;
using static TechBridge.Tests.Modules.Instruments.InstrumentsTestKit;

namespace TechBridge.Tests.Modules.Instruments;

// Bookings on both databases: races, the database's own refusal of an overlap, series, rules, approval, maintenance.
public abstract class BookingTests(AppHost host)
{
    private static readonly string[] Provinces = ["11", "12", "13"];

    [Fact]
    public async Task SixteenClients_BookingOverlappingSlots_OneWinnerPerConflict_NoOverlapInTheDatabase()
    {
        using var setup = await InstrumentAsync(host);
        var clients = Enumerable.Range(0, 16).Select(_ => host.CreateBearerClient(setup.Booker.DefaultRequestHeaders.Authorization!.Parameter!, setup.BookerId)).ToList();
        try
        {
            // Round 1: all sixteen want the same hour.
            var start = Beijing(3, 10);
            var same = await Task.WhenAll(clients.Select(c => BookAsync(c, setup.InstrumentId, start, start.AddHours(1))));
            // Round 2: a chain, each hour overlapping its neighbours by half.
            var chainStart = Beijing(4, 8);
            var chain = await Task.WhenAll(clients.Select((c, i) => BookAsync(c, setup.InstrumentId, chainStart.AddMinutes(30 * i), chainStart.AddMinutes((30 * i) + 60))));

            Assert.Equal(1, same.Count(r => r.StatusCode == HttpStatusCode.Created));
            Assert.Equal(15, same.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            var loser = await JsonAsync(same.First(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
            Assert.Equal("slot_taken", loser.GetProperty("code").GetString());
            Assert.StartsWith(start.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), loser.GetProperty("conflictingStart").GetString(), StringComparison.Ordinal);
            Assert.All(chain, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)r.StatusCode}"));
            var won = chain.Select((r, i) => (r, i)).Where(x => x.r.StatusCode == HttpStatusCode.Created).Select(x => x.i).ToList();
            Assert.NotEmpty(won);
            // Every loser of the chain overlaps a winner (it lost to a real booking), and winners never neighbour.
            Assert.All(Enumerable.Range(0, 16).Except(won), i => Assert.Contains(won, w => Math.Abs(w - i) == 1));
            Assert.All(won, w => Assert.DoesNotContain(w + 1, won));
            Assert.Equal(0, await ScalarAsync(host, OverlapSelfJoin));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task DirectSqlInsert_OfAnOverlappingBooking_IsRefusedByTheDatabase_AnAdjacentOneIsNot()
    {
        using var setup = await InstrumentAsync(host);
        var booked = await JsonAsync(await BookAsync(setup.Booker, setup.InstrumentId, Beijing(5, 9), Beijing(5, 11)), HttpStatusCode.Created);
        var id = booked.GetProperty("id").GetGuid();
        string Copy(string startExpression, string endExpression) => $"""
            INSERT INTO "Instruments_Bookings" ("Id", "InstrumentId", "Kind", "OrganizationId", "UserId", "StartsAt", "EndsAt", "Purpose", "Status", "PriceGroup", "EstimatedFeeFen", "IsDemo", "CreatedAt")
            SELECT '{NewId()}', "InstrumentId", "Kind", "OrganizationId", "UserId", {startExpression}, {endExpression}, 'direct', 2, "PriceGroup", 0, FALSE, "CreatedAt"
            FROM "Instruments_Bookings" WHERE "Id" = '{Stored(id)}'
            """;

        var overlap = await Record.ExceptionAsync(() => ExecuteAsync(host, Copy("\"StartsAt\" + ((\"EndsAt\" - \"StartsAt\") / 2)", "\"EndsAt\" + (\"EndsAt\" - \"StartsAt\")")));
        var adjacent = await ExecuteAsync(host, Copy("\"EndsAt\"", "\"EndsAt\" + (\"EndsAt\" - \"StartsAt\")"));
        var reactivate = await Record.ExceptionAsync(async () =>
        {
            await ExecuteAsync(host, Copy("\"StartsAt\"", "\"EndsAt\"").Replace(", 2, \"PriceGroup\"", ", 5, \"PriceGroup\"", StringComparison.Ordinal));
            await ExecuteAsync(host, $"""UPDATE "Instruments_Bookings" SET "Status" = 2 WHERE "Purpose" = 'direct' AND "Status" = 5 AND "InstrumentId" = '{Stored(setup.InstrumentId)}'""");
        });

        Assert.NotNull(overlap);
        Assert.Equal(1, adjacent);
        Assert.NotNull(reactivate);
        Assert.Equal(0, await ScalarAsync(host, OverlapSelfJoin));
    }

    [Fact]
    public async Task Series_WithOneConflictingOccurrence_BooksNothingAndListsIt_ThenWholeSeriesBooks()
    {
        using var setup = await InstrumentAsync(host);
        await JsonAsync(await BookAsync(setup.Owner, setup.InstrumentId, Beijing(4, 10), Beijing(4, 11)), HttpStatusCode.Created);
        var path = $"{Catalog}/{setup.InstrumentId}/series";
        object Series(int firstDay, string frequency, int occurrences) => new
        {
            start = Beijing(firstDay, 10, 30), end = Beijing(firstDay, 11, 30), purpose = "每日例行样品测试", frequency, occurrences,
        };

        var refused = await JsonAsync(await PostWithKeyAsync(setup.Booker, path, Series(2, "daily", 5)), HttpStatusCode.Conflict);
        var mineAfterRefusal = await ListingsTestData.GetJsonAsync(setup.Booker, $"{Bookings}/mine");
        var tooLong = await PostWithKeyAsync(setup.Booker, path, Series(2, "weekly", 60));
        var booked = await JsonAsync(await PostWithKeyAsync(setup.Booker, path, Series(5, "weekly", 4)), HttpStatusCode.Created);

        Assert.Equal("series_conflicts", refused.GetProperty("code").GetString());
        var conflict = Assert.Single(refused.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(2, conflict.GetProperty("occurrence").GetInt32());
        Assert.Equal(0, mineAfterRefusal.GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(4, booked.GetProperty("bookings").GetArrayLength());
        Assert.Single(booked.GetProperty("bookings").EnumerateArray().Select(b => b.GetProperty("seriesId").GetGuid()).Distinct());
    }

    [Fact]
    public async Task Booking_BreakingTheInstrumentsRules_Is400NamingEachRule_BufferAndTakenSlotToo()
    {
        using var setup = await InstrumentAsync(host, notice: 120, minMinutes: 60, maxMinutes: 240, advanceDays: 10, buffer: 30);
        using var closed = await InstrumentAsync(host, external: false);
        var soon = TimeProvider.System.GetUtcNow().AddMinutes(30);

        var early = await JsonAsync(await BookAsync(setup.Booker, setup.InstrumentId, soon, soon.AddHours(1)), HttpStatusCode.BadRequest);
        var shortAndFar = await JsonAsync(await BookAsync(setup.Booker, setup.InstrumentId, Beijing(20, 10), Beijing(20, 10, 30)), HttpStatusCode.BadRequest);
        var tooLong = await JsonAsync(await BookAsync(setup.Booker, setup.InstrumentId, Beijing(3, 8), Beijing(3, 13)), HttpStatusCode.BadRequest);
        var backwards = await JsonAsync(await BookAsync(setup.Booker, setup.InstrumentId, Beijing(3, 12), Beijing(3, 11)), HttpStatusCode.BadRequest);
        var first = await JsonAsync(await BookAsync(setup.Booker, setup.InstrumentId, Beijing(3, 10), Beijing(3, 11)), HttpStatusCode.Created);
        var inBuffer = await JsonAsync(await BookAsync(setup.Booker, setup.InstrumentId, Beijing(3, 11, 15), Beijing(3, 12, 15)), HttpStatusCode.BadRequest);
        var taken = await JsonAsync(await BookAsync(setup.Booker, setup.InstrumentId, Beijing(3, 10, 30), Beijing(3, 11, 30)), HttpStatusCode.Conflict);
        var afterBuffer = await BookAsync(setup.Booker, setup.InstrumentId, Beijing(3, 11, 30), Beijing(3, 12, 30));
        var external = await JsonAsync(await BookAsync(closed.Booker, closed.InstrumentId, Beijing(3, 10), Beijing(3, 11)), HttpStatusCode.BadRequest);
        var internalToo = await BookAsync(closed.Owner, closed.InstrumentId, Beijing(3, 10), Beijing(3, 11));

        Assert.Equal(["start:minNotice"], Rules(early));
        Assert.Equal(["end:minDuration", "start:maxAdvance"], Rules(shortAndFar));
        Assert.Equal(["end:maxDuration"], Rules(tooLong));
        Assert.Equal(["end:endAfterStart"], Rules(backwards));
        Assert.Equal("approved", first.GetProperty("status").GetString());
        Assert.Equal("enterprise", first.GetProperty("priceGroup").GetString());
        Assert.Equal(20_000, first.GetProperty("estimatedFeeFen").GetInt64());
        Assert.Equal(["start:buffer"], Rules(inBuffer));
        Assert.Equal("slot_taken", taken.GetProperty("code").GetString());
        Assert.Contains("T10:00:00+08:00", taken.GetProperty("conflictingStart").GetString(), StringComparison.Ordinal);
        Assert.Contains("T11:00:00+08:00", taken.GetProperty("conflictingEnd").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, afterBuffer.StatusCode);
        Assert.Equal(["instrument:externalBookingNotAllowed"], Rules(external));
        Assert.Equal(HttpStatusCode.Created, internalToo.StatusCode);
    }

    [Fact]
    public async Task ApprovalQueue_CheckInAndComplete_AndMaintenanceCancelsAndNotifies()
    {
        using var setup = await InstrumentAsync(host, approval: true);
        var now = TimeProvider.System.GetUtcNow();
        var requested = await JsonAsync(await BookAsync(setup.Booker, setup.InstrumentId, now.AddMinutes(5), now.AddMinutes(65)), HttpStatusCode.Created);
        var id = requested.GetProperty("id").GetGuid();
        var queue = await ListingsTestData.GetJsonAsync(setup.Owner, $"{Bookings}/owned?status=requested");
        var approveByBooker = await ListingsTestData.PostAsync(setup.Booker, $"{Bookings}/{id}/approve");
        var approved = await JsonAsync(await ListingsTestData.PostAsync(setup.Owner, $"{Bookings}/{id}/approve"), HttpStatusCode.OK);
        var twice = await ListingsTestData.PostAsync(setup.Owner, $"{Bookings}/{id}/approve");
        var checkedIn = await JsonAsync(await ListingsTestData.PostAsync(setup.Booker, $"{Bookings}/{id}/check-in"), HttpStatusCode.OK);
        var completed = await JsonAsync(await ListingsTestData.PostAsync(setup.Booker, $"{Bookings}/{id}/complete"), HttpStatusCode.OK);

        var later = await JsonAsync(await BookAsync(setup.Booker, setup.InstrumentId, Beijing(6, 14), Beijing(6, 16)), HttpStatusCode.Created);
        var rejectWithout = await ListingsTestData.PostAsync(setup.Owner, $"{Bookings}/{later.GetProperty("id").GetGuid()}/reject", new { reason = "" });
        var block = await JsonAsync(await ListingsTestData.PostAsync(setup.Owner, $"{Catalog}/{setup.InstrumentId}/maintenance", new { start = Beijing(6, 8), end = Beijing(6, 18), reason = "电子枪更换" }), HttpStatusCode.Created);
        var intoBlock = await BookAsync(setup.Booker, setup.InstrumentId, Beijing(6, 9), Beijing(6, 10));
        var mine = await ListingsTestData.GetJsonAsync(setup.Booker, $"{Bookings}/mine");
        var notifications = await ListingsTestData.GetJsonAsync(setup.Booker, "/api/v1/notifications");
        var week = await ListingsTestData.GetJsonAsync(setup.Booker, $"{Catalog}/{setup.InstrumentId}/week?from={Beijing(6, 0):yyyy-MM-dd}");

        Assert.Equal("requested", requested.GetProperty("status").GetString());
        Assert.Contains(queue.EnumerateArray(), b => b.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.Forbidden, approveByBooker.StatusCode);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("in-use", checkedIn.GetProperty("status").GetString());
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(20_000, completed.GetProperty("chargedFeeFen").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, rejectWithout.StatusCode);
        Assert.Single(block.GetProperty("cancelledBookings").EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, intoBlock.StatusCode);
        Assert.Equal("cancelled", mine.EnumerateArray().Single(b => b.GetProperty("id").GetGuid() == later.GetProperty("id").GetGuid()).GetProperty("status").GetString());
        var kinds = notifications.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ToList();
        Assert.Contains("instrument.booking-approved", kinds);
        Assert.Contains("instrument.maintenance", kinds);
        Assert.Contains(week.GetProperty("busy").EnumerateArray(), b => b.GetProperty("kind").GetString() == "maintenance");
    }

    [Fact]
    public async Task Catalog_InvalidInstrument_Is400WithEveryField_ValidOneIsListedWithItsIdAndSuggestedFee()
    {
        using var setup = await InstrumentAsync(host);
        var invalid = await JsonAsync(await ListingsTestData.PostAsync(setup.Owner, Catalog, new
        {
            name = "", model = "X", manufacturer = "Y", categoryCode = "telescope", originalValueFen = 0L, purchaseDate = "2099-01-01", fundingSourceCode = "central-finance",
            regionCode = "13", address = "A", rules = new { minDurationMinutes = 120, maxDurationMinutes = 60 },
            fees = new { mode = "per-reservation", rates = new[] { new { priceGroup = "vip", fromMinutes = 0, hourlyFen = 1L } } },
        }), HttpStatusCode.BadRequest);
        var updated = await JsonAsync(await setup.Owner.PutAsJsonAsync(new Uri($"{Catalog}/{setup.InstrumentId}", UriKind.Relative), Body(notice: 30)), HttpStatusCode.OK);
        var updateByBooker = await setup.Booker.PutAsJsonAsync(new Uri($"{Catalog}/{setup.InstrumentId}", UriKind.Relative), Body());
        var listed = await ListingsTestData.GetJsonAsync(setup.Owner, $"{Catalog}?owner={setup.OwnerId}");
        var detail = await ListingsTestData.GetJsonAsync(setup.Booker, $"{Catalog}/{setup.InstrumentId}");

        Assert.Equal(
            ["categoryCode:unknown", "fees.rates[0].priceGroup:unknown", "name:required", "originalValueFen:range", "purchaseDate:notInFuture", "regionCode:countyLevel", "rules.maxDurationMinutes:notBelowMinimum"],
            Rules(invalid));
        Assert.Equal(30, updated.GetProperty("rules").GetProperty("minNoticeMinutes").GetInt32());
        Assert.Equal(3, updated.GetProperty("fees").GetProperty("rates").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, updateByBooker.StatusCode);
        Assert.Equal(setup.InstrumentId, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        // 3,280,000 元 ÷ (5 years × 1,400 h) = 468.57 元/h.
        Assert.Equal(46_857, detail.GetProperty("fees").GetProperty("suggestedHourlyFen").GetInt64());
        Assert.True(detail.GetProperty("nationalNetworkScope").GetBoolean());
    }

    [Fact]
    public async Task DemoCatalog_HasThirtyInstrumentsInTheThreeProvinces_EnterpriseDemoBooksWithoutApproval()
    {
        using var anonymous = host.CreateAnonymousClient();
        var catalog = await ListingsTestData.GetJsonAsync(anonymous, $"{Catalog}?pageSize=100");
        var items = catalog.GetProperty("items").EnumerateArray().Where(i => !i.GetProperty("ownerName").GetString()!.StartsWith("测试机构", StringComparison.Ordinal)).ToList();
        var selfService = items.Where(i => !i.GetProperty("approvalRequired").GetBoolean() && i.GetProperty("externalBookingAllowed").GetBoolean() && i.GetProperty("openForExternalUse").GetBoolean()).ToList();
        Guid enterpriseId;
        using (var signedIn = await host.CreateClientForAsync("enterprise.demo"))
        {
            var organizations = await ListingsTestData.GetJsonAsync(signedIn, "/api/v1/me/organizations");
            // Other tests of the shared host may add enterprise.demo to organizations still awaiting verification.
            enterpriseId = (organizations.ValueKind == JsonValueKind.Array ? organizations : organizations.GetProperty("items")).EnumerateArray()
                .First(o => o.GetProperty("verification").GetString() == "Verified").GetProperty("id").GetGuid();
        }

        using var enterprise = await host.CreateClientForAsync("enterprise.demo", enterpriseId);
        var booked = await JsonAsync(await BookAsync(enterprise, selfService[^1].GetProperty("id").GetGuid(), Beijing(7, 19), Beijing(7, 20)), HttpStatusCode.Created);

        Assert.True(items.Count >= 30, $"{items.Count} demo instruments");
        Assert.All(Provinces, p => Assert.Contains(items, i => i.GetProperty("regionCode").GetString()!.StartsWith(p, StringComparison.Ordinal)));
        Assert.True(selfService.Count >= 5, $"{selfService.Count} instruments enterprise.demo books without approval");
        Assert.Equal("approved", booked.GetProperty("status").GetString());
    }

    private static string NewId() => Guid.NewGuid().ToString().ToUpperInvariant();

    // EF stores a Guid as upper-case text on SQLite; PostgreSQL reads either case as a uuid.
    private static string Stored(Guid id) => id.ToString().ToUpperInvariant();

    private static List<string> Rules(JsonElement problem) =>
        problem.GetProperty("violations").EnumerateArray().Select(v => $"{v.GetProperty("field").GetString()}:{v.GetProperty("rule").GetString()}").Order(StringComparer.Ordinal).ToList();
}

[Collection(SqliteCollection.Name)]
public sealed class BookingTestsOnSqlite(SqliteHostFixture fixture) : BookingTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class BookingTestsOnPostgres(PostgresHostFixture fixture) : BookingTests(fixture.Host);
