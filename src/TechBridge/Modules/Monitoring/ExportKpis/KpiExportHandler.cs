using System.Globalization;
using System.Text;
using MiniExcelLibs;
using TechBridge.Modules.Monitoring.KpiBoard;
using TechBridge.Platform.Auditing;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.Monitoring.ExportKpis;

internal sealed record ExportFile(byte[] Content, string ContentType, string FileName);

// The dashboard's and a KPI page's tables as xlsx (MiniExcel) or CSV (UTF-8 with BOM, for Excel): Chinese headers,
// names and statuses in words, never codes. Every export is audited.
internal sealed class KpiExportHandler(KpiBoardHandler board, AuditTrail trail, PlatformDbContext db)
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyDictionary<string, string> StatusZh = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["achieved"] = "已实现",
        ["on-track"] = "按计划推进",
        ["at-risk"] = "有风险",
        ["off-track"] = "偏离目标",
        ["not-assessable"] = "无法评估",
    };

    public static readonly IReadOnlyDictionary<string, string> UnitZh = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["count"] = "个/家",
        ["percent"] = "%",
        ["hundred-million-yuan"] = "亿元",
        ["ten-thousand-yuan"] = "万元",
        ["hours"] = "机时",
    };

    public static readonly IReadOnlyDictionary<string, string> SourceZh = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["computed"] = "平台数据计算",
        ["official-series"] = "官方统计序列",
        ["reported"] = "责任单位报送",
    };

    public async Task<ExportFile> KpisAsync(string? format, CancellationToken cancellationToken)
    {
        var kpis = await board.ListAsync(cancellationToken);
        var rows = kpis.Select(k => new Dictionary<string, object?>
        {
            ["指标"] = k.NameZh,
            ["单位"] = UnitZh[k.Unit],
            ["数据来源"] = SourceZh[k.SourceKind],
            ["最新值"] = k.Latest,
            ["最新值年份"] = k.LatestYear,
            ["目标值"] = k.Target,
            ["目标年份"] = k.TargetYear,
            ["差距"] = k.Gap,
            ["线性趋势预测"] = k.LinearForecast,
            ["复合增长率预测"] = k.CagrForecast,
            ["状态"] = StatusZh[k.Status],
            ["责任单位"] = k.ResponsibleUnits,
            ["方案条款"] = k.PlanReference,
            ["暂不能计算的原因"] = k.NotComputableZh,
        }).ToList();
        return await FileAsync(format, "plan-kpis", new() { ["指标"] = rows }, $"exported {rows.Count} KPIs", cancellationToken);
    }

    public async Task<ExportFile> KpiAsync(string code, string? format, CancellationToken cancellationToken)
    {
        var detail = await board.GetAsync(code, cancellationToken);
        var values = detail.Values.Select(v => new Dictionary<string, object?>
        {
            ["年份"] = v.Year,
            ["数值"] = v.Value,
            ["地区"] = v.RegionCode ?? "全省",
            ["来源或计算"] = v.SourceZh,
            ["报送人"] = v.ReportedBy,
            ["确认人"] = v.ConfirmedBy,
            ["已确认"] = v.Confirmed ? "是" : "否",
        }).ToList();
        var sheets = new Dictionary<string, List<Dictionary<string, object?>>>(StringComparer.Ordinal) { ["数值"] = values };
        if (!IsCsv(format))
        {
            sheets["目标"] = detail.Targets.Select(t => new Dictionary<string, object?> { ["年份"] = t.Year, ["目标值"] = t.Value, ["来源"] = t.Source, ["录入人"] = t.EnteredBy }).ToList();
            sheets["分市"] = detail.ByCity.Select(b => new Dictionary<string, object?> { ["地区"] = b.NameZh, ["数值"] = b.Value }).ToList();
            sheets["区域组团"] = detail.ByRegionGroup.Select(b => new Dictionary<string, object?> { ["区域"] = b.NameZh, ["数值"] = b.Value }).ToList();
            if (detail.Context is { } context)
            {
                sheets["背景序列"] = context.Lines.SelectMany(l => l.Values.Select(v => new Dictionary<string, object?>
                {
                    ["序列（背景，口径不同）"] = context.TitleZh,
                    ["省份"] = l.Province,
                    ["年份"] = v.Year,
                    ["数值"] = v.Value,
                    ["单位"] = context.UnitZh,
                    ["来源"] = context.SourceZh,
                })).ToList();
            }
        }

        return await FileAsync(format, $"kpi-{code}", sheets, $"exported KPI {code}", cancellationToken);
    }

    private static bool IsCsv(string? format) => string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);

    private async Task<ExportFile> FileAsync(string? format, string name, Dictionary<string, List<Dictionary<string, object?>>> sheets, string summary, CancellationToken cancellationToken)
    {
        if (format is not null && !IsCsv(format) && !string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw InvalidRequestException.For("format", "unknown", "The format is xlsx or csv.");
        }

        trail.Note("MonitoringExport", "export", $"{name}: {summary}" + (IsCsv(format) ? " (csv)" : " (xlsx)"));
        await db.SaveChangesAsync(cancellationToken);
        if (IsCsv(format))
        {
            var table = sheets.Values.First();
            var text = new StringBuilder();
            if (table.Count > 0)
            {
                text.Append(Csv.Line([.. table[0].Keys]));
                foreach (var row in table)
                {
                    text.Append(Csv.Line([.. row.Values.Select(Cell)]));
                }
            }

            return new ExportFile([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text.ToString())], "text/csv; charset=utf-8", name + ".csv");
        }

        using var stream = new MemoryStream();
        // A sheet with no rows would have no header row either: it says so instead.
        var workbook = sheets.ToDictionary(
            s => s.Key,
            s => (object)(s.Value.Count > 0 ? s.Value : [new Dictionary<string, object?> { ["说明"] = "暂无数据" }]).Select(r => (IDictionary<string, object?>)r).ToList(),
            StringComparer.Ordinal);
        await stream.SaveAsAsync(workbook, cancellationToken: cancellationToken);
        return new ExportFile(stream.ToArray(), Xlsx, name + ".xlsx");
    }

    private static string? Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
