using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Modules.TechMarket.Flows;

namespace TechBridge.Pages.TechMarket;

// /TechMarket/Statistics: public statistics of registered contracts for a year, and the latest registrations with
// the parties named only where they agreed to publication.
internal sealed class StatisticsModel(FlowsHandler flows, IReferenceData reference, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public FlowMatrix Matrix { get; private set; } = null!;

    public IReadOnlyList<PublicContract> Latest { get; private set; } = [];

    public IReadOnlyDictionary<string, string> FieldNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = clock.GetUtcNow().Year;
        Years = Enumerable.Range(current - 7, 8).Reverse().ToList();
        Year ??= current - 1;
        var y = Year.Value.ToString(CultureInfo.InvariantCulture);
        Matrix = await flows.MatrixAsync($"{y}-01", $"{y}-12", "province", cancellationToken);
        Latest = await flows.LatestRegisteredAsync(30, cancellationToken);
        var zh = TechMarketText.Chinese;
        FieldNames = reference.TechnologyFields.ToDictionary(f => f.Code, f => zh ? f.NameZh : f.NameEn);
        RegionNames = await reference.RegionNamesAsync(Latest.SelectMany(c => new[] { c.SellerRegionCode, c.BuyerRegionCode, c.SellerRegionCode[..Math.Min(2, c.SellerRegionCode.Length)], c.BuyerRegionCode[..Math.Min(2, c.BuyerRegionCode.Length)] }).Distinct(), cancellationToken);
    }
}
