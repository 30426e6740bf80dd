using System.Globalization;
using System.Text.Json;
using TechBridge.Modules.TechMarket.Calendar;

namespace TechBridge.Tests.Modules.TechMarket;

// Deadline arithmetic on the shipped official calendar: holidays that fall on weekdays do not count, make-up
// Saturdays and Sundays (调休) do, and a year the calendar does not cover is an error, never a Monday–Friday guess.
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Shipped = WorkingCalendarSource.FromShipped(ShippedCalendar.DefaultPath);

    public static TheoryData<string, int, string> Cases => new()
    {
        // Spring Festival 2025: off 28 Jan – 4 Feb; Sunday 26 Jan and Saturday 8 Feb are working days.
        { "2025-01-24", 1, "2025-01-26" },
        { "2025-01-24", 2, "2025-01-27" },
        { "2025-01-24", 3, "2025-02-05" },
        { "2025-01-20", 15, "2025-02-14" },
        { "2025-01-27", 30, "2025-03-17" },
        // National Day 2025 (with Mid-autumn): off 1–8 Oct; Sunday 28 Sep and Saturday 11 Oct are working days.
        { "2025-09-26", 1, "2025-09-28" },
        { "2025-09-26", 2, "2025-09-29" },
        { "2025-09-30", 1, "2025-10-09" },
        { "2025-10-09", 2, "2025-10-11" },
        { "2025-09-15", 15, "2025-10-11" },
        { "2025-09-19", 30, "2025-11-06" },
        // National Day 2024: Sunday 29 Sep and Saturday 12 Oct are working days.
        { "2024-09-27", 1, "2024-09-29" },
        { "2024-09-30", 1, "2024-10-08" },
        { "2024-10-11", 1, "2024-10-12" },
        // Spring Festival 2026: off 15–23 Feb; Saturdays 14 and 28 Feb are working days.
        { "2026-02-13", 1, "2026-02-14" },
        { "2026-02-13", 2, "2026-02-24" },
        { "2026-02-10", 15, "2026-03-09" },
        { "2026-09-25", 15, "2026-10-22" },
        // Across New Year into a covered year; add 0 is the start day itself.
        { "2023-12-29", 1, "2024-01-02" },
        { "2025-03-03", 0, "2025-03-03" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void AddWorkingDays_OfficialCalendar_CountsMakeUpDaysAndSkipsHolidays(string from, int add, string due)
    {
        var result = Shipped.AddWorkingDays(Date(from), add);

        Assert.Equal(due, CalendarHandler.Iso(result));
    }

    [Theory]
    [InlineData("2026-12-20", 15, 2027)]
    [InlineData("2027-01-04", 1, 2027)]
    [InlineData("2003-06-02", 1, 2003)]
    public void AddWorkingDays_IntoAYearNotCovered_IsCalendarMissing(string from, int add, int year)
    {
        var missing = Assert.Throws<CalendarMissingException>(() => Shipped.AddWorkingDays(Date(from), add));

        Assert.Equal(year, missing.Year);
        Assert.Equal(422, missing.Status);
    }

    [Fact]
    public void ShippedCalendar_CoversEveryYearFrom2004To2026()
    {
        Assert.Equal(Enumerable.Range(2004, 23), Shipped.Years.Order());
        Assert.False(Shipped.IsWorkingDay(Date("2025-10-06")));
        Assert.True(Shipped.IsWorkingDay(Date("2025-10-11")));
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public abstract class WorkingDaysApiTests(AppHost host)
{
    [Fact]
    public async Task WorkingDays_AcrossSpringFestival_AnswersTheDueDate()
    {
        using var anonymous = host.CreateAnonymousClient();

        var body = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/techmarket/calendar/working-days?from=2025-01-20&add=15", UriKind.Relative));

        Assert.Equal("2025-01-20", body.GetProperty("from").GetString());
        Assert.Equal(15, body.GetProperty("add").GetInt32());
        Assert.Equal("2025-02-14", body.GetProperty("due").GetString());
        Assert.Equal(3, body.EnumerateObject().Count());
    }

    [Fact]
    public async Task WorkingDays_OutsideTheCoveredYears_Is422CalendarMissing()
    {
        using var anonymous = host.CreateAnonymousClient();

        var response = await anonymous.GetAsync(new Uri("/api/v1/techmarket/calendar/working-days?from=2031-03-02&add=5", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal("calendar_missing", problem.GetProperty("code").GetString());
        Assert.Contains("calendar", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WorkingDays_BadDateAndCount_Are400NamingBothFields()
    {
        using var anonymous = host.CreateAnonymousClient();

        var response = await anonymous.GetAsync(new Uri("/api/v1/techmarket/calendar/working-days?from=2025-13-01&add=-3", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"from\"", text, StringComparison.Ordinal);
        Assert.Contains("\"add\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvinceAdmin_EntersANewYear_ThenItsDeadlinesAreComputed_CityAdminMayNot()
    {
        using var province = await host.CreateClientForAsync("admin.hebei");
        using var city = await host.CreateClientForAsync("admin.shijiazhuang");
        using var anonymous = host.CreateAnonymousClient();
        var year = new
        {
            source = "国务院办公厅关于2099年部分节假日安排的通知（测试）",
            holidays = new[] { new { date = "2099-01-01", name = "元旦" }, new { date = "2099-01-02", name = "元旦" } },
            workdays = new[] { new { date = "2099-01-03", name = "元旦" } },
        };

        var byCity = await city.PutAsJsonAsync(new Uri("/api/v1/techmarket/calendar/years/2099", UriKind.Relative), year);
        var weekdayMakeUp = await province.PutAsJsonAsync(new Uri("/api/v1/techmarket/calendar/years/2099", UriKind.Relative),
            new { source = "x", holidays = year.holidays, workdays = new[] { new { date = "2099-01-05", name = "错" } } });
        var entered = await province.PutAsJsonAsync(new Uri("/api/v1/techmarket/calendar/years/2099", UriKind.Relative), year);
        // 2098-12-31 is a Wednesday; 1 and 2 Jan 2099 are holidays, Saturday 3 Jan is a make-up working day.
        var due = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/techmarket/calendar/working-days?from=2099-01-01&add=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, byCity.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, weekdayMakeUp.StatusCode);
        Assert.Equal(HttpStatusCode.OK, entered.StatusCode);
        Assert.Equal("2099-01-03", due.GetProperty("due").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorkingDaysApiTestsOnSqlite(SqliteHostFixture fixture) : WorkingDaysApiTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class WorkingDaysApiTestsOnPostgres(PostgresHostFixture fixture) : WorkingDaysApiTests(fixture.Host);
