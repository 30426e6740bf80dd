using System.Globalization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Modules.Monitoring.Data;
using TechBridge.Modules.Monitoring.Forecasting;
using TechBridge.Modules.Monitoring.Rollups;
using TechBridge.Modules.Monitoring.Statistics;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Monitoring.KpiBoard;

internal sealed record YearValue(int Year, double Value, bool YearToDate);

internal sealed record KpiSummary(
    string Code,
    string NameZh,
    string NameEn,
    string Unit,
    string SourceKind,
    string Comparison,
    string ResponsibleUnits,
    string PlanReference,
    double? Latest,
    int? LatestYear,
    bool LatestYearToDate,
    double? Target,
    int? TargetYear,
    double? Gap,
    double? LinearForecast,
    double? CagrForecast,
    double? GrowthRate,
    string Status,
    bool Computable,
    string? NotComputableZh,
    string? NotComputableEn,
    DateTimeOffset? AsOf,
    IReadOnlyList<YearValue> Trend);

internal sealed record TargetView(int Year, double Value, string Source, string? EnteredBy, DateTimeOffset EnteredAt);

// One value with where it comes from: the computation, or the report and its confirmation.
internal sealed record ValueView(Guid? Id, int Year, double Value, string? RegionCode, string SourceZh, string SourceEn, string? ReportedBy, DateTimeOffset? ReportedAt, string? ConfirmedBy, DateTimeOffset? ConfirmedAt, bool Confirmed);

internal sealed record BreakdownRow(string Code, string NameZh, string NameEn, double Value);

internal sealed record ContextSeriesView(string Code, string TitleZh, string TitleEn, string Definition, string UnitZh, string UnitEn, string SourceZh, string SourceEn, string? NoteZh, string? NoteEn, IReadOnlyList<ContextLine> Lines);

internal sealed record ContextLine(string Province, IReadOnlyList<YearValue> Values);

internal sealed record KpiDetail(
    KpiSummary Summary,
    string DefinitionZh,
    string DefinitionEn,
    string Formula,
    IReadOnlyList<TargetView> Targets,
    IReadOnlyList<ValueView> Values,
    IReadOnlyList<BreakdownRow> ByCity,
    IReadOnlyList<BreakdownRow> ByRegionGroup,
    IReadOnlyList<IndicatorAside> Beside,
    ContextSeriesView? Context);

internal sealed record GoalView(string Code, int Year, string TextZh, string TextEn, IReadOnlyList<string> KpiCodes);

// Reads the catalog, computes each KPI's values (live indicator, or confirmed reports), projects them to the target
// year and decides the status (Forecast). The API, the dashboard, the KPI page and the exports all read through it.
internal sealed class KpiBoardHandler(PlatformDbContext db, IndicatorRollups rollups, IReferenceData reference, TimeProvider clock)
{
    // Trends start with the plan's eve: the plan was issued in 2018 for targets in 2020 and 2022.
    public const int FirstYear = 2016;

    public async Task<IReadOnlyList<KpiSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var kpis = await db.Set<Kpi>().AsNoTracking().Include(k => k.Targets).OrderBy(k => k.SortOrder).ThenBy(k => k.Code).ToListAsync(cancellationToken);
        var values = await ConfirmedValuesAsync(null, cancellationToken);
        var readings = await ReadingsAsync(kpis, cancellationToken);
        var list = new List<KpiSummary>();
        foreach (var kpi in kpis)
        {
            list.Add(Evaluate(kpi, values, readings).Summary);
        }

        return list;
    }

    public async Task<IReadOnlyList<GoalView>> GoalsAsync(CancellationToken cancellationToken) =>
        (await db.Set<PlanGoal>().AsNoTracking().OrderBy(g => g.SortOrder).ToListAsync(cancellationToken))
        .Select(g => new GoalView(g.Code, g.Year, g.TextZh, g.TextEn, (g.KpiCodes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))).ToList();

    public async Task<KpiDetail> GetAsync(string code, CancellationToken cancellationToken)
    {
        var kpi = await db.Set<Kpi>().AsNoTracking().Include(k => k.Targets).FirstOrDefaultAsync(k => k.Code == code, cancellationToken)
            ?? throw new NotFoundException("The KPI");
        var values = await ConfirmedValuesAsync(kpi.Id, cancellationToken);
        var evaluation = Evaluate(kpi, values, await ReadingsAsync([kpi], cancellationToken));

        var users = await UserNamesAsync(kpi.Targets.Select(t => t.EnteredBy).Concat(evaluation.Reports.SelectMany(r => new[] { (Guid?)r.ReportedBy, r.ConfirmedBy })), cancellationToken);
        var targets = kpi.Targets.OrderBy(t => t.Year)
            .Select(t => new TargetView(t.Year, t.Value, t.Source, t.EnteredBy is { } by ? users.GetValueOrDefault(by) : null, t.EnteredAt)).ToList();
        var valueViews = evaluation.Computed is { } reading
            ? reading.Points.Select(p => new ValueView(null, p.Year, p.Value, null, reading.ComputationZh, reading.ComputationEn, null, reading.AsOf, null, null, true)).ToList()
            : evaluation.Reports.OrderBy(r => r.Year).ThenBy(r => r.RegionCode)
                .Select(r => new ValueView(r.Id, r.Year, r.Value, r.RegionCode, r.Source, r.Source, users.GetValueOrDefault(r.ReportedBy), r.ReportedAt,
                    r.ConfirmedBy is { } c ? users.GetValueOrDefault(c) : null, r.ConfirmedAt, r.ConfirmedAt is not null)).ToList();

        var (byCity, byGroup) = await BreakdownAsync(evaluation.ByRegion, cancellationToken);
        return new KpiDetail(evaluation.Summary, kpi.DefinitionZh, kpi.DefinitionEn, kpi.Formula, targets, valueViews, byCity, byGroup,
            evaluation.Computed?.Beside ?? [], Context(kpi));
    }

    // Values awaiting confirmation, for the province admins who confirm them.
    public async Task<IReadOnlyList<(string KpiCode, ValueView Value)>> PendingValuesAsync(CancellationToken cancellationToken)
    {
        var rows = await (from v in db.Set<KpiValue>().AsNoTracking()
                          join k in db.Set<Kpi>() on v.KpiId equals k.Id
                          where v.ConfirmedAt == null
                          select new { k.Code, v }).ToListAsync(cancellationToken);
        var users = await UserNamesAsync(rows.Select(r => (Guid?)r.v.ReportedBy), cancellationToken);
        return rows.OrderBy(r => r.v.ReportedAt).Select(r => (r.Code, new ValueView(r.v.Id, r.v.Year, r.v.Value, r.v.RegionCode, r.v.Source, r.v.Source, users.GetValueOrDefault(r.v.ReportedBy), r.v.ReportedAt, null, null, false))).ToList();
    }

    public static IReadOnlyList<OfficialSeries> OfficialSeries => OfficialStatistics.Shipped.Series;

    private sealed record Evaluation(KpiSummary Summary, IndicatorReading? Computed, IReadOnlyList<KpiValue> Reports, IReadOnlyDictionary<string, double> ByRegion);

    // The live indicators the KPIs name, through their rollups (at most Monitoring:RollupMaxAgeSeconds old).
    private Task<IReadOnlyDictionary<string, IndicatorReading>> ReadingsAsync(IEnumerable<Kpi> kpis, CancellationToken cancellationToken)
    {
        var keys = kpis.Where(k => k.SourceKind == KpiSourceKind.Computed && k.IndicatorKey is not null).Select(k => k.IndicatorKey!).Distinct(StringComparer.Ordinal).ToList();
        return rollups.ReadAsync(keys, IndicatorRollups.RequestFor(clock.GetUtcNow(), FirstYear), cancellationToken);
    }

    private Evaluation Evaluate(Kpi kpi, IReadOnlyList<KpiValue> allValues, IReadOnlyDictionary<string, IndicatorReading> readings)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(AdjustableClock.ToChina(now).DateTime);
        IndicatorReading? reading = null;
        var reports = allValues.Where(v => v.KpiId == kpi.Id).ToList();
        List<YearValue> trend;
        IReadOnlyDictionary<string, double> byRegion;
        string? pendingZh = null, pendingEn = null;
        DateTimeOffset? asOf = null;

        if (kpi.SourceKind == KpiSourceKind.Computed && kpi.IndicatorKey is { } key)
        {
            if (!readings.TryGetValue(key, out var found))
            {
                pendingZh = kpi.PendingReasonZh ?? "尚无模块提供该指标的计算。";
                pendingEn = kpi.PendingReasonEn ?? "No module computes this indicator yet.";
                trend = [];
                byRegion = new Dictionary<string, double>();
            }
            else
            {
                reading = found;
                trend = reading.Points.Select(p => new YearValue(p.Year, p.Value, p.YearToDate)).ToList();
                byRegion = reading.ByRegion;
                asOf = reading.AsOf;
            }
        }
        else
        {
            // Reported values: the province total of each year (the latest confirmed report of the year).
            trend = reports.Where(r => r.RegionCode is null).GroupBy(r => r.Year).OrderBy(g => g.Key)
                .Select(g => new YearValue(g.Key, g.OrderByDescending(r => r.ConfirmedAt).First().Value, false)).ToList();
            var lastYear = reports.Count > 0 ? reports.Max(r => r.Year) : 0;
            byRegion = reports.Where(r => r.RegionCode is not null && r.Year == lastYear).GroupBy(r => r.RegionCode!)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ConfirmedAt).First().Value, StringComparer.Ordinal);
            asOf = reports.Max(r => r.ConfirmedAt);
            if (trend.Count == 0)
            {
                pendingZh = kpi.PendingReasonZh ?? "尚无经确认的报送数值。";
                pendingEn = kpi.PendingReasonEn ?? "No confirmed reported value yet.";
            }
        }

        // The target the status is measured against: the first one not yet past, else the last one.
        var target = kpi.Targets.Where(t => t.Year >= today.Year).OrderBy(t => t.Year).FirstOrDefault()
            ?? kpi.Targets.OrderByDescending(t => t.Year).FirstOrDefault();
        var latest = trend.Count > 0 ? trend[^1] : null;
        var points = trend.Select(t => (t.Year, t.Value)).ToList();
        // A target year already behind the latest value needs no projection: its actual value is in the trend.
        var projection = target is null || (latest is not null && target.Year < latest.Year)
            ? new Projection(null, null, null)
            : Forecast.Project(points, target.Year);
        var strict = kpi.Comparison == KpiComparison.MoreThan;
        var status = target is null
            ? KpiStatus.NotAssessable
            : Forecast.Status(latest?.Value, latest?.Year, projection, target.Value, target.Year, today.Year, strict);

        var summary = new KpiSummary(
            kpi.Code, kpi.NameZh, kpi.NameEn, UnitCode(kpi.Unit), SourceCode(kpi.SourceKind), kpi.Comparison == KpiComparison.MoreThan ? "more-than" : "at-least",
            kpi.ResponsibleUnits, kpi.PlanReference,
            latest?.Value, latest?.Year, latest?.YearToDate ?? false,
            target?.Value, target?.Year,
            latest is not null && target is not null ? Math.Round(target.Value - latest.Value, 4) : null,
            Round(projection.Linear), Round(projection.Cagr), Round(projection.GrowthRate),
            StatusCode(status), pendingZh is null, pendingZh, pendingEn, asOf, trend);
        return new Evaluation(summary, reading, reports, byRegion);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;

    private async Task<List<KpiValue>> ConfirmedValuesAsync(Guid? kpiId, CancellationToken cancellationToken)
    {
        var query = db.Set<KpiValue>().AsNoTracking().Where(v => v.ConfirmedAt != null);
        if (kpiId is { } id)
        {
            query = query.Where(v => v.KpiId == id);
        }

        return await query.ToListAsync(cancellationToken);
    }

    private async Task<Dictionary<Guid, string>> UserNamesAsync(IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.UserName ?? "", cancellationToken);
    }

    // By city (the first four digits; 雄安's counties stay with 保定 as the statistics place them) and by the plan's
    // region groups (雄安, 省会, 冀中南), each group summing the regions it lists.
    private async Task<(IReadOnlyList<BreakdownRow> ByCity, IReadOnlyList<BreakdownRow> ByGroup)> BreakdownAsync(IReadOnlyDictionary<string, double> byRegion, CancellationToken cancellationToken)
    {
        if (byRegion.Count == 0)
        {
            return ([], []);
        }

        var cities = byRegion.Where(r => r.Key.Length >= 4 && r.Key[2..4] != "00")
            .GroupBy(r => r.Key[..4], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.Value), StringComparer.Ordinal);
        var provinceLevel = byRegion.Where(r => r.Key.Length < 4 || r.Key[2..4] == "00").Sum(r => r.Value);
        var names = await reference.RegionNamesAsync(cities.Keys, cancellationToken);
        var byCity = cities.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new BreakdownRow(c.Key, names.GetValueOrDefault(c.Key, c.Key), names.GetValueOrDefault(c.Key, c.Key), c.Value)).ToList();
        if (provinceLevel > 0)
        {
            byCity.Add(new BreakdownRow("13", "省级（未分市）", "Province level (no city)", provinceLevel));
        }

        var byGroup = reference.RegionGroups
            .Select(g => new BreakdownRow(g.Code, g.NameZh, g.NameEn, byRegion.Where(r => g.RegionCodes.Any(code => r.Key.StartsWith(code, StringComparison.Ordinal))).Sum(r => r.Value)))
            .ToList();
        return (byCity, byGroup);
    }

    private static ContextSeriesView? Context(Kpi kpi)
    {
        var series = OfficialStatistics.Shipped.Find(kpi.ContextSeriesCode);
        if (series is null)
        {
            return null;
        }

        // Hebei always; for output and absorption Beijing and Tianjin too (the share KPI is about them).
        string[] provinces = series.Definition is SeriesDefinition.Output or SeriesDefinition.Absorption ? ["北京", "天津", "河北"] : ["河北"];
        return new ContextSeriesView(series.Code, series.TitleZh, series.TitleEn, DefinitionCode(series.Definition), series.UnitZh, series.UnitEn, series.SourceZh, series.SourceEn,
            kpi.ContextNoteZh, kpi.ContextNoteEn,
            provinces.Select(p => new ContextLine(p, series.Of(p).Where(v => v.Key >= FirstYear).Select(v => new YearValue(v.Key, v.Value, false)).ToList())).ToList());
    }

    public static string DefinitionCode(SeriesDefinition definition) => definition switch
    {
        SeriesDefinition.Output => "output",
        SeriesDefinition.Absorption => "absorption",
        SeriesDefinition.Recognitions => "recognitions",
        _ => "evaluation",
    };

    public static string UnitCode(KpiUnit unit) => unit switch
    {
        KpiUnit.Percent => "percent",
        KpiUnit.HundredMillionYuan => "hundred-million-yuan",
        KpiUnit.TenThousandYuan => "ten-thousand-yuan",
        KpiUnit.Hours => "hours",
        _ => "count",
    };

    public static string SourceCode(KpiSourceKind kind) => kind switch
    {
        KpiSourceKind.OfficialSeries => "official-series",
        KpiSourceKind.Reported => "reported",
        _ => "computed",
    };

    public static string StatusCode(KpiStatus status) => status switch
    {
        KpiStatus.Achieved => "achieved",
        KpiStatus.OnTrack => "on-track",
        KpiStatus.AtRisk => "at-risk",
        KpiStatus.OffTrack => "off-track",
        _ => "not-assessable",
    };

    public static string Format(double? value, string unit) => value is not { } v ? "—" : unit switch
    {
        "percent" => v.ToString("0.##", CultureInfo.InvariantCulture) + "%",
        "hundred-million-yuan" => v.ToString("#,0.##", CultureInfo.InvariantCulture),
        _ => v.ToString("#,0.##", CultureInfo.InvariantCulture),
    };
}
