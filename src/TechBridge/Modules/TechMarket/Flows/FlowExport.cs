using MiniExcelLibs;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Platform.Auditing;

namespace TechBridge.Modules.TechMarket.Flows;

// The flow dashboard's figures as an xlsx workbook: Chinese headers, names not codes, amounts in yuan; audited.
internal sealed class FlowExport(FlowsHandler flows, IReferenceData reference, AuditTrail audit)
{
    public async Task<byte[]> XlsxAsync(string? from, string? to, string? level, CancellationToken cancellationToken)
    {
        var m = await flows.MatrixAsync(from, to, level, cancellationToken);
        var names = m.Regions.ToDictionary(r => r.Code, r => r.Name);
        static decimal Yuan(long fen) => fen / 100m;
        var matrix = m.Cells.Select(c => new Dictionary<string, object>
        {
            ["卖方地区（输出）"] = names.GetValueOrDefault(c.Seller, c.Seller),
            ["买方地区（吸纳）"] = names.GetValueOrDefault(c.Buyer, c.Buyer),
            ["合同数（项）"] = c.Count,
            ["成交额（元）"] = Yuan(c.ContractValueFen),
            ["技术交易额（元）"] = Yuan(c.TechnologyAmountFen),
        }).ToList();
        var share = m.HebeiShare;
        var kpi = new List<Dictionary<string, object>>
        {
            new()
            {
                ["统计期"] = $"{m.From} 至 {m.To}",
                ["京津卖方、河北买方成交额（元）"] = Yuan(share.NumeratorFen),
                ["京津卖方全部成交额（元）"] = Yuan(share.DenominatorFen),
                ["河北吸纳京津技术输出占比（成交额）"] = share.Share is { } s ? s : "—",
                ["河北吸纳京津技术输出占比（技术交易额）"] = share.TechnologyShare is { } ts ? ts : "—",
                ["口径"] = HebeiShare.DefinitionZh,
            },
        };
        var fields = reference.TechnologyFields.ToDictionary(f => f.Code, f => f.NameZh);
        List<Dictionary<string, object>> Breakdown(IReadOnlyList<FlowBreakdown> rows, string header, Func<string, string> name) =>
            rows.Select(b => new Dictionary<string, object> { [header] = name(b.Code), ["合同数（项）"] = b.Count, ["成交额（元）"] = Yuan(b.ContractValueFen), ["技术交易额（元）"] = Yuan(b.TechnologyAmountFen) }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["流向矩阵"] = matrix,
            ["河北吸纳京津占比"] = kpi,
            ["按类别"] = Breakdown(m.ByType, "合同类别", c => ContractCatalog.TypeName(c, chinese: true)),
            ["按技术领域"] = Breakdown(m.ByField, "技术领域", c => fields.GetValueOrDefault(c, c)),
            ["按月份"] = Breakdown(m.ByMonth, "登记月份", c => c),
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        audit.Note("TechMarket.Flows", "export", $"Exported the technology flows {m.From} to {m.To} ({m.Level}) as xlsx.");
        return stream.ToArray();
    }
}
