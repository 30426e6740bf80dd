using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ManageDemands;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Listings;

// /Listings/EditDemand[?id=]: an enterprise writes a technology demand (public or anonymous, optionally an open
// call) and saves it as a draft or submits it for review. The same handlers as POST/PUT /api/v1/demands.
[Authorize]
internal sealed class EditDemandModel(ActorContext actor, IAccess access, IOrganizationFacts facts, IReferenceData reference, ListingLifecycle lifecycle) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Description { get; set; }

    [BindProperty] public string? TechnologyFieldCode { get; set; }

    [BindProperty] public string? SectorCode { get; set; }

    [BindProperty] public string? IndustryCode { get; set; }

    [BindProperty] public string? BudgetMinYuan { get; set; }

    [BindProperty] public string? BudgetMaxYuan { get; set; }

    [BindProperty] public DateOnly? Deadline { get; set; }

    [BindProperty] public string? RegionCode { get; set; }

    [BindProperty] public bool Anonymous { get; set; }

    [BindProperty] public bool IsOpenCall { get; set; }

    public OrganizationFacts? Organization { get; private set; }

    public IReferenceData Reference => reference;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Organization = await ListingForms.ActAsync(actor, facts, cancellationToken);
        if (Organization is null)
        {
            return Page();
        }

        if (Id is { } id)
        {
            try
            {
                var d = await lifecycle.LoadOwnedAsync<TechnologyDemand>(ListingKind.Demand, id, cancellationToken);
                (Title, Description, TechnologyFieldCode, SectorCode, IndustryCode) = (d.Title, d.Description, d.TechnologyFieldCode, d.SectorCode, d.IndustryCode);
                (BudgetMinYuan, BudgetMaxYuan, Deadline, RegionCode) = (ListingForms.Yuan(d.BudgetMinFen), ListingForms.Yuan(d.BudgetMaxFen), d.Deadline, d.RegionCode);
                (Anonymous, IsOpenCall) = (d.Visibility == DemandVisibility.Anonymous, d.IsOpenCall);
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        else
        {
            RegionCode = Organization.RegionCode;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? action, CancellationToken cancellationToken)
    {
        Organization = await ListingForms.ActAsync(actor, facts, cancellationToken);
        if (Organization is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        var request = new DemandRequest(Title, Description, TechnologyFieldCode, SectorCode, IndustryCode,
            ModelState.Fen("budgetMinFen", BudgetMinYuan), ModelState.Fen("budgetMaxFen", BudgetMaxYuan), Deadline, RegionCode,
            Anonymous ? "anonymous" : "public", IsOpenCall);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var id = Id is { } existing
                ? (await ManageDemandsEndpoints.UpdateAsync(existing, request, facts, reference, lifecycle, cancellationToken)).Value!.Id
                : (await ManageDemandsEndpoints.CreateAsync(request, access, facts, reference, lifecycle, cancellationToken)).Value!.Id;
            if (action == "submit")
            {
                var demand = await lifecycle.LoadOwnedAsync<TechnologyDemand>(ListingKind.Demand, id, cancellationToken);
                lifecycle.Submit(demand);
                await lifecycle.Db.SaveChangesAsync(cancellationToken);
            }

            return Redirect($"/Listings/Detail?kind=demand&id={id}");
        }
        catch (ProblemException problem)
        {
            ModelState.Show(problem);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "The demand was changed by someone else; reload and try again.");
        }

        return Page();
    }
}
