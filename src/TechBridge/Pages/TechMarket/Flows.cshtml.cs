using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Modules.TechMarket.Flows;
using TechBridge.Platform.Values;
using TechBridge.Platform.Web;

namespace TechBridge.Pages.TechMarket;

// /TechMarket/Flows: the Beijing–Tianjin–Hebei flow matrix of registered contracts, Hebei's share of Beijing–Tianjin
// output with its definition, and the breakdowns; every figure exports to xlsx.
internal sealed class FlowsModel(FlowsHandler flows, FlowExport export, IReferenceData reference, TimeProvider clock) : PageModel, IReloadAfterProblem
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }

    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    [BindProperty(SupportsGet = true)] public string? Level { get; set; }

    public FlowMatrix Matrix { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> FieldNames { get; private set; } = new Dictionary<string, string>();

    // The matrix as stacked bars: one bar per seller region (output), stacked by buyer region (absorption), in 万元.
    public ChartData Chart { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Defaults();
        Matrix = await flows.MatrixAsync(From, To, Level, cancellationToken);
        var zh = TechMarketText.Chinese;
        FieldNames = reference.TechnologyFields.ToDictionary(f => f.Code, f => zh ? f.NameZh : f.NameEn);
        string Name(FlowRegion r) => zh ? r.Name : r.NameEn;
        Chart = new ChartData(
            // The chart's caption puts the unit in full-width brackets, which an English page must not show: there the
            // unit goes into the title.
            zh ? "技术合同流向（卖方地区 × 买方地区，成交额）" : "Technology flows (seller region × buyer region, contract value in 10,000 yuan)",
            zh ? "万元" : "",
            ChartKind.StackedBar,
            Matrix.Regions.Select(Name).ToList(),
            Matrix.Regions.Select(buyer => new ChartSeries(
                (zh ? "买方：" : "Buyer: ") + Name(buyer),
                Matrix.Regions.Select(seller => Matrix.Cells.FirstOrDefault(c => c.Seller == seller.Code && c.Buyer == buyer.Code) is { } cell
                    ? decimal.Round(new Money(cell.ContractValueFen).ToWan(), 2) : (decimal?)0m).ToList())).ToList());
    }

    // A period the handler refused: the errors stay on the fields, the figures are those of the default period.
    public Task ReloadAsync(CancellationToken cancellationToken)
    {
        From = To = Level = null;
        return OnGetAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        Defaults();
        var bytes = await export.XlsxAsync(From, To, Level, cancellationToken);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"technology-flows-{From}-{To}.xlsx");
    }

    // Without a period: the last three full years up to this month.
    private void Defaults()
    {
        var today = clock.GetUtcNow();
        From ??= new DateTime(today.Year - 3, 1, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        To ??= today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Level ??= "province";
    }
}
