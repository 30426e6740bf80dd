using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Listings;

internal sealed record MyListingRow(string Kind, Guid Id, string Title, string Status, string? Reason, DateTimeOffset? ExpiresAt, bool IsOpenCall);

// /Listings/Mine: every listing of the organization the user acts for (the switcher's choice, else their first
// membership), with submit, close and renew buttons.
[Authorize]
internal sealed class MineModel(PlatformDbContext db, ActorContext actor, IOrganizationFacts facts, ListingLifecycle lifecycle) : PageModel
{
    public OrganizationFacts? Organization { get; private set; }

    public IReadOnlyList<MyListingRow> Rows { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string kind, Guid id, string action, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var parsed = ListingNames.ParseKind(kind);
        if (Organization is null || parsed is null)
        {
            return NotFound();
        }

        try
        {
            var listing = await lifecycle.LoadOwnedAsync<Listing>(parsed.Value, id, cancellationToken);
            switch (action)
            {
                case "submit": lifecycle.Submit(listing); break;
                case "close": lifecycle.Close(listing); break;
                case "renew": lifecycle.Renew(listing); break;
                default: return BadRequest();
            }

            await db.SaveChangesAsync(cancellationToken);
            return RedirectToPage();
        }
        catch (ProblemException problem)
        {
            Message = problem.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Message = "The item was changed by someone else; reload and try again.";
        }

        db.ChangeTracker.Clear();
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Organization = await ListingForms.ActAsync(actor, facts, cancellationToken);
        if (Organization is null)
        {
            return;
        }

        var id = Organization.Id;
        var rows = new List<MyListingRow>();
        rows.AddRange(await db.Set<TechnologyDemand>().AsNoTracking().Where(l => l.OrganizationId == id).OrderByDescending(l => l.UpdatedAt).Take(200)
            .Select(l => new MyListingRow("demand", l.Id, l.Title, l.Status.ToString(), l.StatusReason, l.ExpiresAt, l.IsOpenCall)).ToListAsync(cancellationToken));
        rows.AddRange(await db.Set<ServiceOffering>().AsNoTracking().Where(l => l.OrganizationId == id).OrderByDescending(l => l.UpdatedAt).Take(200)
            .Select(l => new MyListingRow("offering", l.Id, l.Title, l.Status.ToString(), l.StatusReason, l.ExpiresAt, false)).ToListAsync(cancellationToken));
        rows.AddRange(await db.Set<TechnologyAchievement>().AsNoTracking().Where(l => l.OrganizationId == id).OrderByDescending(l => l.UpdatedAt).Take(200)
            .Select(l => new MyListingRow("achievement", l.Id, l.Title, l.Status.ToString(), l.StatusReason, l.ExpiresAt, false)).ToListAsync(cancellationToken));
        Rows = rows;
    }
}
