using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Data;
using TechBridge.Tests.Modules.Listings;

namespace TechBridge.Tests.Modules.Instruments;

// An owner (a fresh verified institute in 长安区) with an instrument added through the API, and a booker (a fresh
// enterprise), plus the Beijing-time instants the tests book.
internal static class InstrumentsTestKit
{
    public const string Catalog = "/api/v1/instruments";
    public const string Bookings = "/api/v1/instrument-bookings";

    internal sealed record Setup(Guid InstrumentId, Guid OwnerId, HttpClient Owner, Guid BookerId, HttpClient Booker) : IDisposable
    {
        public void Dispose()
        {
            Owner.Dispose();
            Booker.Dispose();
        }
    }

    public static async Task<Setup> InstrumentAsync(AppHost host, int notice = 0, bool approval = false, int buffer = 0, int minMinutes = 30, int maxMinutes = 480, int advanceDays = 60, bool external = true, string mode = "per-reservation")
    {
        var (ownerId, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.UniversityOrInstitute, "130102");
        var (bookerId, booker) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130104");
        var response = await ListingsTestData.PostAsync(owner, Catalog, Body(notice, approval, buffer, minMinutes, maxMinutes, advanceDays, external, mode));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        return new Setup(id, ownerId, owner, bookerId, booker);
    }

    public static object Body(int notice = 0, bool approval = false, int buffer = 0, int minMinutes = 30, int maxMinutes = 480, int advanceDays = 60, bool external = true, string mode = "per-reservation") => new
    {
        name = "场发射扫描电子显微镜",
        model = "Sigma 300",
        manufacturer = "卡尔蔡司（Carl Zeiss）",
        categoryCode = "electron-microscopy",
        originalValueFen = 328_000_000L,
        purchaseDate = "2019-06-01",
        fundingSourceCode = "central-finance",
        regionCode = "130102",
        address = "实验楼 101 室",
        status = "in-use",
        openForExternalUse = true,
        technicians = new[] { "王建国", "李晓燕" },
        specialised = false,
        rules = new
        {
            minDurationMinutes = minMinutes, maxDurationMinutes = maxMinutes, minNoticeMinutes = notice, maxAdvanceDays = advanceDays, bufferMinutes = buffer,
            cancellationWindowHours = 24, cancellationFeeFen = 10_000L, approvalRequired = approval, externalBookingAllowed = external,
        },
        fees = new
        {
            mode,
            depreciationYears = 5,
            consumablesPerHourFen = 0L,
            rates = new object[]
            {
                new { priceGroup = "internal", fromMinutes = 0, hourlyFen = 10_000L },
                new { priceGroup = "external-academic", fromMinutes = 0, hourlyFen = 16_000L },
                new { priceGroup = "enterprise", fromMinutes = 0, hourlyFen = 20_000L },
            },
        },
    };

    // A Beijing wall-clock time `days` days from today.
    public static DateTimeOffset Beijing(int days, int hour, int minute = 0)
    {
        var china = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        return new DateTimeOffset(china.Year, china.Month, china.Day, hour, minute, 0, TimeSpan.FromHours(8)).AddDays(days);
    }

    public static object Slot(DateTimeOffset start, DateTimeOffset end, string purpose = "样品表面形貌观察") => new
    {
        start = start.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        end = end.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        purpose,
    };

    public static Task<HttpResponseMessage> BookAsync(HttpClient client, Guid instrumentId, DateTimeOffset start, DateTimeOffset end) =>
        PostWithKeyAsync(client, $"{Catalog}/{instrumentId}/bookings", Slot(start, end));

    // Booking routes require an Idempotency-Key: a fresh one per intended booking.
    public static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string path, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    // Pairs of active bookings of one instrument that overlap, counted by the database itself.
    public const string OverlapSelfJoin = """
        SELECT COUNT(*) FROM "Instruments_Bookings" AS a
        JOIN "Instruments_Bookings" AS b ON a."InstrumentId" = b."InstrumentId" AND a."Id" < b."Id"
        WHERE a."Status" IN (1, 2, 3) AND b."Status" IN (1, 2, 3) AND a."StartsAt" < b."EndsAt" AND b."StartsAt" < a."EndsAt"
        """;

    public static async Task<long> ScalarAsync(AppHost host, string sql) =>
        await host.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            try
            {
                await using DbCommand command = connection.CreateCommand();
                command.CommandText = sql;
                return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            }
            finally
            {
                await connection.CloseAsync();
            }
        });

    public static async Task<int> ExecuteAsync(AppHost host, string sql) =>
        await host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));
}
