using System.Globalization;
using System.Text;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Instruments.BookInstrument;
using TechBridge.Modules.Instruments.Data;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Instruments.CalendarFeeds;

// iCalendar feeds (RFC 5545) that calendar programs subscribe to: an instrument's busy times (no names: anyone may read
// the week view too) and the caller's own bookings. Times are local times with TZID Asia/Shanghai and the zone defined
// in the file (China keeps +08:00 all year), summaries in Chinese. Lines end in CRLF and are folded at 75 octets
// without splitting a UTF-8 character.
internal sealed class CalendarFeedsHandler(PlatformDbContext db, IAccess access, TimeProvider clock)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    // Past bookings shown in a feed: a calendar keeps what it has already read.
    private static readonly TimeSpan Past = TimeSpan.FromDays(31);

    public async Task<string> InstrumentAsync(Guid instrumentId, CancellationToken cancellationToken)
    {
        var instrument = await db.Set<Instrument>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == instrumentId, cancellationToken) ?? throw new NotFoundException("The instrument");
        var now = clock.GetUtcNow();
        var busy = await BookInstrumentHandler.ActiveBetweenAsync(db, instrument.Id, now - Past, now.AddDays(Math.Max(instrument.Rules.MaxAdvanceDays, 1) + 1), cancellationToken);
        var events = busy.Select(b => new FeedEvent(
            b.Id, b.StartsAt, b.EndsAt,
            b.Kind == BookingKind.Maintenance ? $"{instrument.Name}：维护" : b.Status == BookingStatus.Requested ? $"{instrument.Name}：已申请（待审批）" : $"{instrument.Name}：已预约",
            instrument.Address, null, b.Status == BookingStatus.Requested ? "TENTATIVE" : "CONFIRMED"));
        return Write($"{instrument.Name} 预约日历", events, now);
    }

    public async Task<string> MineAsync(CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        var now = clock.GetUtcNow();
        var since = (now - Past).ToUniversalTime();
        var rows = await (from b in db.Set<Booking>().AsNoTracking()
                          join i in db.Set<Instrument>().AsNoTracking() on b.InstrumentId equals i.Id
                          where b.UserId == userId && b.Kind == BookingKind.Booking && b.EndsAt > since
                          orderby b.StartsAt
                          select new { b, i.Name, i.Address }).Take(2_000).ToListAsync(cancellationToken);
        var events = rows.Select(r => new FeedEvent(
            r.b.Id, r.b.StartsAt, r.b.EndsAt, $"仪器预约：{r.Name}（{StatusName(r.b.Status)}）", r.Address, r.b.Purpose,
            r.b.Status switch
            {
                BookingStatus.Requested => "TENTATIVE",
                BookingStatus.Cancelled or BookingStatus.Rejected or BookingStatus.NoShow => "CANCELLED",
                _ => "CONFIRMED",
            }));
        return Write("我的仪器预约", events, now);
    }

    private static string StatusName(BookingStatus status) => status switch
    {
        BookingStatus.Requested => "待审批",
        BookingStatus.Approved => "已批准",
        BookingStatus.InUse => "使用中",
        BookingStatus.Completed => "已完成",
        BookingStatus.Cancelled => "已取消",
        BookingStatus.Rejected => "未批准",
        _ => "未到场已释放",
    };

    internal sealed record FeedEvent(Guid Id, DateTimeOffset Start, DateTimeOffset End, string Summary, string? Location, string? Description, string Status);

    public static string Write(string name, IEnumerable<FeedEvent> events, DateTimeOffset now)
    {
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//TechBridge//Instruments//ZH");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "X-WR-CALNAME:" + Escape(name));
        Line(text, "X-WR-TIMEZONE:Asia/Shanghai");
        Line(text, "BEGIN:VTIMEZONE");
        Line(text, "TZID:Asia/Shanghai");
        Line(text, "BEGIN:STANDARD");
        Line(text, "DTSTART:19700101T000000");
        Line(text, "TZOFFSETFROM:+0800");
        Line(text, "TZOFFSETTO:+0800");
        Line(text, "TZNAME:CST");
        Line(text, "END:STANDARD");
        Line(text, "END:VTIMEZONE");
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, $"UID:{e.Id}@instruments.techbridge");
            Line(text, "DTSTAMP:" + stamp);
            Line(text, "DTSTART;TZID=Asia/Shanghai:" + Local(e.Start));
            Line(text, "DTEND;TZID=Asia/Shanghai:" + Local(e.End));
            Line(text, "SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrEmpty(e.Location))
            {
                Line(text, "LOCATION:" + Escape(e.Location));
            }

            if (!string.IsNullOrEmpty(e.Description))
            {
                Line(text, "DESCRIPTION:" + Escape(e.Description));
            }

            Line(text, "STATUS:" + e.Status);
            Line(text, "END:VEVENT");
        }

        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    private static string Local(DateTimeOffset instant) => AdjustableClock.ToChina(instant).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    // TEXT values (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as \n.
    private static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "", StringComparison.Ordinal);

    // Content lines longer than 75 octets continue on the next line after CRLF and one space (§3.1).
    public static void Line(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = 75;
        var i = 0;
        while (i < line.Length)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = 74;
            }

            text.Append(line, i, length);
            octets += size;
            i += length;
        }

        text.Append("\r\n");
    }
}

internal static class CalendarFeedsEndpoints
{
    public static RouteGroupBuilder MapInstrumentCalendar(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/calendar.ics", async (Guid id, CalendarFeedsHandler desk, CancellationToken ct) =>
                TypedResults.Text(await desk.InstrumentAsync(id, ct), CalendarFeedsHandler.ContentType))
            .AllowAnonymous()
            .WithName("GetInstrumentCalendarFeed")
            .WithSummary("The instrument's busy times as an iCalendar feed (RFC 5545, TZID Asia/Shanghai), from a month back to the furthest advance.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static RouteGroupBuilder MapMyCalendar(this RouteGroupBuilder group)
    {
        group.MapGet("/mine.ics", async (CalendarFeedsHandler desk, CancellationToken ct) =>
                TypedResults.Text(await desk.MineAsync(ct), CalendarFeedsHandler.ContentType))
            .WithName("GetMyInstrumentCalendarFeed")
            .WithSummary("The caller's instrument bookings as an iCalendar feed (RFC 5545, TZID Asia/Shanghai); cancelled ones with STATUS:CANCELLED.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return group;
    }
}
