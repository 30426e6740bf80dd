using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Groups;

namespace TechBridge.Pages.Groups;

// /Groups: alliances, clusters, high-tech zones and county clusters, filterable by kind and region.
internal sealed class IndexModel(ListGroupsHandler handler, IReferenceData reference) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    public IReadOnlyList<GroupSummary> Groups { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public static readonly string[] Kinds = ["alliance", "cluster", "high-tech-zone", "county-cluster"];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Groups = await handler.QueryAsync(GroupMapping.ParseKind(Kind), string.IsNullOrWhiteSpace(Region) ? null : Region.Trim(), cancellationToken);
        RegionNames = await reference.RegionNamesAsync(Groups.Select(g => g.RegionCode), cancellationToken);
    }
}
