using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Groups;

namespace TechBridge.Pages.Groups;

// /Groups: alliances, clusters, high-tech zones and county clusters, filterable by kind.
internal sealed class IndexModel(ListGroupsHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public IReadOnlyList<GroupSummary> Groups { get; private set; } = [];

    public static readonly string[] Kinds = ["alliance", "cluster", "high-tech-zone", "county-cluster"];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Groups = await handler.QueryAsync(GroupMapping.ParseKind(Kind), null, cancellationToken);
}
