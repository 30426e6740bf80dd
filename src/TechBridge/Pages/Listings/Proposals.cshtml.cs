using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.RespondToOpenCall;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Listings;

// /Listings/Proposals?id=: the open call's proposals side by side, for a member of the enterprise that posted it.
[Authorize]
internal sealed class ProposalsModel(PlatformDbContext db, ActorContext actor, IOrganizationFacts facts) : PageModel
{
    public TechnologyDemand? Demand { get; private set; }

    public OpenCallResponse? Call { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Demand = await db.Set<TechnologyDemand>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.IsOpenCall, cancellationToken);
        var memberships = await facts.MembershipsOfAsync(actor.UserId!.Value, cancellationToken);
        if (Demand is null || memberships.All(m => m.Id != Demand.OrganizationId))
        {
            return NotFound();
        }

        Call = await RespondToOpenCallEndpoints.LoadAsync(Demand, null, db, facts, cancellationToken);
        return Page();
    }
}
