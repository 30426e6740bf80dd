using TechBridge.Modules.Instruments.Data;
using TechBridge.Modules.Monitoring.Contracts;

namespace TechBridge.Modules.Instruments.Indicators;

// The instrument-sharing figure of plan monitoring: machine-hours of completed bookings on Hebei's instruments per
// year (by the Beijing date the use started), by the instrument's region. Only uses that took place count: requested,
// cancelled, rejected and no-show bookings do not.
internal sealed class InstrumentIndicators(PlatformDbContext db, TimeProvider clock) : IIndicatorSource
{
    public IReadOnlyList<string> Keys { get; } = [IndicatorKeys.InstrumentSharedHours];

    public async Task<IndicatorReading> ReadAsync(string key, IndicatorRequest request, CancellationToken cancellationToken = default)
    {
        var from = new DateTimeOffset(request.FromYear, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var rows = await HoursAsync(db, from, cancellationToken);
        var points = new List<IndicatorPoint>();
        for (var year = request.FromYear; year <= request.Today.Year; year++)
        {
            points.Add(new IndicatorPoint(year, Math.Round(rows.Where(r => r.Year == year).Sum(r => r.Seconds) / 3600.0, 1), year == request.Today.Year));
        }

        var byRegion = rows.Where(r => r.Year == request.Today.Year)
            .ToDictionary(r => r.Region, r => Math.Round(r.Seconds / 3600.0, 1), StringComparer.Ordinal);
        return new IndicatorReading(points, byRegion,
            "河北省内共享仪器已完成的使用机时（预约开始至结束），按开始日期（北京时间）逐年合计；按仪器所在地区分，由仪器共享模块计算",
            "Machine-hours of completed uses of shared instruments located in Hebei (booked start to end), per year by the Beijing date the use started; by the instrument's region; computed by the Instruments module",
            clock.GetUtcNow());
    }

    // Seconds of completed use by Beijing year and instrument region, one GROUP BY per provider: PostgreSQL keeps
    // instants as timestamptz (a difference is an interval), SQLite as UTC ticks (UtcTicksConverter), and LINQ can
    // neither subtract two instants nor take a Beijing year of one. Beijing time has had no daylight saving since 1991.
    public static Task<List<YearRegionSeconds>> HoursAsync(PlatformDbContext db, DateTimeOffset from, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            ? db.Database.SqlQuery<YearRegionSeconds>($"""
                SELECT CAST(EXTRACT(YEAR FROM b."StartsAt" AT TIME ZONE 'Asia/Shanghai') AS INTEGER) AS "Year", i."RegionCode" AS "Region",
                       CAST(SUM(EXTRACT(EPOCH FROM b."EndsAt" - b."StartsAt")) AS BIGINT) AS "Seconds"
                FROM "Instruments_Bookings" b JOIN "Instruments_Instruments" i ON i."Id" = b."InstrumentId"
                WHERE b."Status" = {(int)BookingStatus.Completed} AND b."StartsAt" >= {from.ToUniversalTime()} AND i."RegionCode" LIKE '13%'
                GROUP BY 1, 2
                """).ToListAsync(cancellationToken)
            : db.Database.SqlQuery<YearRegionSeconds>($"""
                SELECT CAST(strftime('%Y', (b."StartsAt" - 621355968000000000) / 10000000 + 28800, 'unixepoch') AS INTEGER) AS "Year", i."RegionCode" AS "Region",
                       CAST(SUM(b."EndsAt" - b."StartsAt") / 10000000 AS INTEGER) AS "Seconds"
                FROM "Instruments_Bookings" b JOIN "Instruments_Instruments" i ON i."Id" = b."InstrumentId"
                WHERE b."Status" = {(int)BookingStatus.Completed} AND b."StartsAt" >= {from.UtcTicks} AND i."RegionCode" LIKE '13%'
                GROUP BY 1, 2
                """).ToListAsync(cancellationToken);
}

internal sealed class YearRegionSeconds
{
    public int Year { get; init; }

    public required string Region { get; init; }

    public long Seconds { get; init; }
}
