using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Supervision.ReviewPack;

namespace TechBridge.Pages.Supervision;

// /Supervision/ReviewPack: the printable document for the leading group's periodic meeting (the xlsx has the same).
[Authorize]
internal sealed class ReviewPackModel(ReviewPackHandler pack) : PageModel
{
    public ReviewPackView Pack { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Pack = await pack.BuildAsync(cancellationToken);
}
