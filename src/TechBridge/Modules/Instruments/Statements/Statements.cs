using System.Globalization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Instruments.BrowseCatalog;
using TechBridge.Modules.Instruments.Data;
using TechBridge.Platform.Files;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Instruments.Statements;

// One charge of a month: a completed booking (its actual use and fee) or a late cancellation's fee.
internal sealed record StatementLine(
    Guid BookingId,
    Guid InstrumentId,
    string InstrumentName,
    string OwnerName,
    string Kind,
    DateTimeOffset ReservedStart,
    DateTimeOffset ReservedEnd,
    DateTimeOffset? UsedFrom,
    DateTimeOffset? UsedUntil,
    string PriceGroup,
    long FeeFen);

internal sealed record StatementResponse(Guid OrganizationId, string OrganizationName, string Month, IReadOnlyList<StatementLine> Lines, long TotalFen);

// The monthly statement of the organization a request acts for: what its people used of other units' (and its own)
// instruments in one Beijing calendar month, and what it owes — completed bookings by the day they were completed,
// late cancellations by the day they were cancelled.
internal sealed class StatementsHandler(PlatformDbContext db, IAccess access, IOrganizationFacts facts, TimeProvider clock)
{
    public async Task<StatementResponse> MonthAsync(string? month, CancellationToken cancellationToken)
    {
        var organizationId = access.ActingOrganizationId;
        await access.RequireMemberAsync(organizationId, cancellationToken: cancellationToken);
        var first = ParseMonth(month, clock);
        var monthStart = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
        var monthEnd = new DateTimeOffset(first.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
        var rows = await (from b in db.Set<Booking>().AsNoTracking()
                          join i in db.Set<Instrument>().AsNoTracking() on b.InstrumentId equals i.Id
                          where b.OrganizationId == organizationId && b.Kind == BookingKind.Booking
                                && ((b.Status == BookingStatus.Completed && b.CompletedAt >= monthStart && b.CompletedAt < monthEnd)
                                    || (b.Status == BookingStatus.Cancelled && b.CancellationFeeFen > 0 && b.CancelledAt >= monthStart && b.CancelledAt < monthEnd))
                          select new { b, i.Name, i.OwnerOrganizationId }).ToListAsync(cancellationToken);
        var owners = await facts.FindManyAsync(rows.Select(r => r.OwnerOrganizationId).Append(organizationId).Distinct().ToList(), cancellationToken);
        var lines = rows
            .OrderBy(r => r.b.CompletedAt ?? r.b.CancelledAt).ThenBy(r => r.b.Id)
            .Select(r => new StatementLine(
                r.b.Id, r.b.InstrumentId, r.Name, owners.TryGetValue(r.OwnerOrganizationId, out var o) ? o.LegalName : "",
                r.b.Status == BookingStatus.Completed ? "use" : "late-cancellation",
                AdjustableClock.ToChina(r.b.StartsAt), AdjustableClock.ToChina(r.b.EndsAt),
                r.b.CheckedInAt is { } f ? AdjustableClock.ToChina(f) : null, r.b.CompletedAt is { } u && r.b.Status == BookingStatus.Completed ? AdjustableClock.ToChina(u) : null,
                CatalogCodes.Code(r.b.PriceGroup),
                r.b.Status == BookingStatus.Completed ? r.b.ChargedFeeFen ?? 0 : r.b.CancellationFeeFen ?? 0))
            .ToList();
        var name = owners.TryGetValue(organizationId, out var me) ? me.LegalName : "";
        return new StatementResponse(organizationId, name, first.ToString("yyyy-MM", CultureInfo.InvariantCulture), lines, lines.Sum(l => l.FeeFen));
    }

    // The statement as people file it: Chinese headers, names, Beijing times, yuan with two decimals, a total row.
    public static ExportTable Table(StatementResponse statement)
    {
        var rows = statement.Lines.Select(l => new string?[]
        {
            l.InstrumentName,
            l.OwnerName,
            l.Kind == "use" ? "使用" : "逾时取消",
            string.Create(CultureInfo.InvariantCulture, $"{l.ReservedStart:yyyy-MM-dd HH:mm} – {l.ReservedEnd:HH:mm}"),
            l.UsedFrom is { } f && l.UsedUntil is { } u ? string.Create(CultureInfo.InvariantCulture, $"{f:yyyy-MM-dd HH:mm} – {u:HH:mm}") : "",
            PriceGroupName(l.PriceGroup),
            Yuan(l.FeeFen),
        }).ToList();
        rows.Add(["合计", "", "", "", "", "", Yuan(statement.TotalFen)]);
        return new ExportTable(["仪器", "管理单位", "类别", "预约时段（北京时间）", "实际使用（北京时间）", "价格组", "费用（元）"], rows);
    }

    private static string PriceGroupName(string code) => code switch
    {
        "internal" => "校内/本单位",
        "external-academic" => "外单位高校院所",
        _ => "企业",
    };

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static DateOnly ParseMonth(string? month, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(month))
        {
            var today = AdjustableClock.ToChina(clock.GetUtcNow());
            return new DateOnly(today.Year, today.Month, 1);
        }

        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || first.Year < 2000 || first.Year > 2100)
        {
            throw InvalidRequestException.For("month", "format", "Give the month as YYYY-MM.");
        }

        return first;
    }
}

internal static class StatementsEndpoints
{
    public static RouteGroupBuilder MapStatements(this RouteGroupBuilder group)
    {
        group.MapGet("/statement", async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<StatementResponse>> (string? month, StatementsHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.MonthAsync(month, ct)))
            .WithName("GetInstrumentStatement")
            .WithSummary("The acting organization's monthly statement (month=YYYY-MM, Beijing time; default this month): completed uses and late-cancellation fees, with the total.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/statement/export", async (string? month, string? format, StatementsHandler desk, CancellationToken ct) =>
            {
                var statement = await desk.MonthAsync(month, ct);
                return TableExport.File(StatementsHandler.Table(statement), format, $"仪器使用月结单-{statement.Month}");
            })
            .WithName("ExportInstrumentStatement")
            .WithSummary("The monthly statement as xlsx (default) or csv (format=csv).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return group;
    }
}
